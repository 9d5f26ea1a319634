package dev.vigil.engine.sigma;

/** {@code cased}: match the string with its exact case instead of Sigma's case-insensitive default. */
final class CasedModifier extends ValueModifier {
    CasedModifier() {
        super("cased");
    }

    @Override
    SigmaValue modify(SigmaValue value) throws ModifierException {
        return asString(value).asCased();
    }
}
