package dev.vigil.engine.sigma;

/** {@code exists}: {@code true} when the field must be present, {@code false} when it must be absent. */
final class ExistsModifier extends ValueModifier {
    ExistsModifier() {
        super("exists");
    }

    @Override
    SigmaValue modify(SigmaValue value) throws ModifierException {
        if (value instanceof SigmaBoolean b) {
            return new SigmaExists(b.value());
        }
        throw new ModifierException("'exists' takes true or false, not " + value.describe());
    }
}
