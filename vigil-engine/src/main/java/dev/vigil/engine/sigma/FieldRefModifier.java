package dev.vigil.engine.sigma;

/**
 * {@code fieldref}: the value names another field of the same event, whose value the field must equal. It comes
 * first in the chain; {@code contains}, {@code startswith}, {@code endswith}, {@code cased} and {@code neq} may
 * follow.
 */
final class FieldRefModifier extends ValueModifier {
    FieldRefModifier() {
        super("fieldref");
    }

    @Override
    SigmaValue modify(SigmaValue value) throws ModifierException {
        if (!(value instanceof SigmaString s) || s.plainText().isEmpty()) {
            throw new ModifierException("'fieldref' takes the name of another field (field|fieldref: otherField) and"
                    + " comes before contains, startswith or endswith; " + value.describe() + " is not a field name");
        }
        String path = s.plainText().get().strip();
        if (path.isEmpty() || path.startsWith(".") || path.endsWith(".") || path.contains("..")) {
            throw new ModifierException("'fieldref' needs a field path such as userIdentity.userName, not "
                    + value.describe());
        }
        return SigmaFieldRef.to(path);
    }
}
