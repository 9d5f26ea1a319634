package dev.vigil.engine.sigma;

import java.util.Objects;

/**
 * What modifiers may read besides the values: the user's configuration. Only {@code expand} needs it today.
 *
 * @param placeholders values for {@code %name%} placeholders
 */
public record ModifierContext(Placeholders placeholders) {

    /** No configuration: an {@code expand} of any placeholder fails. */
    public static final ModifierContext NONE = new ModifierContext(Placeholders.NONE);

    public ModifierContext {
        Objects.requireNonNull(placeholders, "placeholders");
    }
}
