package dev.vigil.engine.sigma;

/**
 * {@code startswith}: the field begins with the value; appends {@code *}. After {@code fieldref}, it begins with
 * the other field's value.
 */
final class StartsWithModifier extends ValueModifier {
    StartsWithModifier() {
        super("startswith");
    }

    @Override
    SigmaValue modify(SigmaValue value) throws ModifierException {
        if (value instanceof SigmaFieldRef ref) {
            return ref.withTrailingAny();
        }
        return asString(value).withTrailingAnyChars();
    }
}
