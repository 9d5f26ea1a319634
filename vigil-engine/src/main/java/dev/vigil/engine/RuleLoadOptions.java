package dev.vigil.engine;

import dev.vigil.engine.sigma.Placeholders;

import java.util.Objects;

/**
 * How rules are read: today, the values of the placeholders that {@code expand} modifiers use. Loading without
 * options ({@link #DEFAULT}) defines no placeholder, so a rule that expands one is reported and left out.
 *
 * <pre>{@code
 * RuleLoadOptions options = RuleLoadOptions.DEFAULT.withPlaceholders(RuleLoader.loadPlaceholders(file));
 * DetectionSet set = DetectionSet.of(RuleLoader.loadDirectory(dir, options));
 * }</pre>
 *
 * @param placeholders values for {@code %name%} placeholders
 */
public record RuleLoadOptions(Placeholders placeholders) {

    /** No placeholders. */
    public static final RuleLoadOptions DEFAULT = new RuleLoadOptions(Placeholders.NONE);

    public RuleLoadOptions {
        Objects.requireNonNull(placeholders, "placeholders");
    }

    /** These options with other placeholder values. */
    public RuleLoadOptions withPlaceholders(Placeholders values) {
        return new RuleLoadOptions(values);
    }
}
