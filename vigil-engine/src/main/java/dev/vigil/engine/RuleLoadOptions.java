package dev.vigil.engine;

import dev.vigil.engine.sigma.FieldMapping;
import dev.vigil.engine.sigma.Placeholders;

import java.util.Objects;

/**
 * How {@link RuleLoader} prepares the rules it reads: the values of the placeholders that {@code expand} modifiers
 * use, and a field mapping that renames rule fields before compilation. Loading without options ({@link #DEFAULT})
 * defines no placeholder (a rule that expands one is reported and left out) and keeps fields as written.
 *
 * <pre>{@code
 * RuleLoadOptions options = RuleLoadOptions.DEFAULT
 *         .withPlaceholders(RuleLoader.loadPlaceholders(placeholdersFile))
 *         .withFieldMapping(RuleLoader.loadFieldMapping(mappingFile));
 * DetectionSet set = DetectionSet.of(RuleLoader.loadDirectory(dir, options));
 * }</pre>
 *
 * @param placeholders values for {@code %name%} placeholders
 * @param fieldMapping renames fields of the rules read before they are compiled ({@link FieldMapping#NONE}: none)
 */
public record RuleLoadOptions(Placeholders placeholders, FieldMapping fieldMapping) {

    /** No placeholders, fields as written. */
    public static final RuleLoadOptions DEFAULT = new RuleLoadOptions(Placeholders.NONE, FieldMapping.NONE);

    public RuleLoadOptions {
        Objects.requireNonNull(placeholders, "placeholders");
        Objects.requireNonNull(fieldMapping, "fieldMapping");
    }

    /** These options with other placeholder values. */
    public RuleLoadOptions withPlaceholders(Placeholders values) {
        return new RuleLoadOptions(values, fieldMapping);
    }

    /** These options with another field mapping. */
    public RuleLoadOptions withFieldMapping(FieldMapping mapping) {
        return new RuleLoadOptions(placeholders, mapping);
    }
}
