package dev.vigil.engine.sigma;

/**
 * A Sigma value modifier ({@code field|contains: x}). Modifiers apply left to right; each receives the values as
 * the previous one left them and may transform values, change their type, expand one value into several, or switch
 * the values from OR to AND. Adding a modifier is one small class registered in {@link Modifiers}.
 */
public interface Modifier {

    /** The name used after {@code |} in rules. */
    String name();

    /**
     * Applies the modifier.
     *
     * @param context the user's configuration, e.g. placeholder values for {@code expand}
     * @throws ModifierException when a value has a type this modifier does not take, naming the value
     */
    ModifiedValues apply(ModifiedValues in, ModifierContext context) throws ModifierException;
}
