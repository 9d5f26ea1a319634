package dev.vigil.engine.sigma;

/**
 * {@code endswith}: the field ends with the value; prepends {@code *}. After {@code fieldref}, it ends with the
 * other field's value.
 */
final class EndsWithModifier extends ValueModifier {
    EndsWithModifier() {
        super("endswith");
    }

    @Override
    SigmaValue modify(SigmaValue value) throws ModifierException {
        if (value instanceof SigmaFieldRef ref) {
            return ref.withLeadingAny();
        }
        return asString(value).withLeadingAnyChars();
    }
}
