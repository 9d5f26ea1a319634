package dev.vigil.engine.sigma;

/** {@code contains}: the value may appear anywhere; puts {@code *} around it. */
final class ContainsModifier extends ValueModifier {
    ContainsModifier() {
        super("contains");
    }

    @Override
    SigmaValue modify(SigmaValue value) throws ModifierException {
        if (value instanceof SigmaFieldRef ref) {
            return ref.withLeadingAny().withTrailingAny();
        }
        return asString(value).withLeadingAnyChars().withTrailingAnyChars();
    }
}
