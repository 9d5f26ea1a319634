package dev.vigil.engine.sigma;

/**
 * {@code contains}: the value may appear anywhere; puts {@code *} around it. After {@code fieldref}, the other
 * field's value may appear anywhere in the field.
 */
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
