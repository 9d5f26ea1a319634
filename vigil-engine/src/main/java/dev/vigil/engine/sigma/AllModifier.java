package dev.vigil.engine.sigma;

/** {@code all}: every value of the list must match, instead of any one. */
final class AllModifier implements Modifier {
    @Override
    public String name() {
        return "all";
    }

    @Override
    public ModifiedValues apply(ModifiedValues in, ModifierContext context) {
        return new ModifiedValues(in.values(), true, in.negated());
    }
}
