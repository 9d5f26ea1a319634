package dev.vigil.engine.sigma;

/** {@code cased}: match the string with its exact case instead of Sigma's case-insensitive default. */
final class CasedModifier extends ValueModifier {
    CasedModifier() {
        super("cased");
    }

    @Override
    SigmaValue modify(SigmaValue value) throws ModifierException {
        if (value instanceof SigmaFieldRef ref) {
            return ref.asCased();
        }
        return asString(value).asCased();
    }
}
