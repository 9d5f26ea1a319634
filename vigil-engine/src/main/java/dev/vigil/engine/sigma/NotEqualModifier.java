package dev.vigil.engine.sigma;

/**
 * {@code neq}: the field holds a value and that value equals none of the values (after the other modifiers: with
 * {@code contains} it contains none of them, with {@code fieldref} it differs from the other field). An absent
 * field, or one holding JSON null, does not match: there is no value to differ. A list of values means "none of
 * them", which is why {@code all} adds nothing to {@code neq} and is refused with it.
 */
final class NotEqualModifier implements Modifier {
    @Override
    public String name() {
        return "neq";
    }

    @Override
    public ModifiedValues apply(ModifiedValues in, ModifierContext context) {
        return new ModifiedValues(in.values(), in.all(), true);
    }
}
