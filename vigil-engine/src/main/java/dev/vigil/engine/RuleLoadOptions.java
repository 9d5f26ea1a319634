package dev.vigil.engine;

import dev.vigil.engine.sigma.FieldMapping;

import java.util.Objects;

/**
 * How {@link RuleLoader} prepares the rules it reads.
 *
 * @param fieldMapping renames fields of the rules read before they are compiled ({@link FieldMapping#NONE}: none)
 */
public record RuleLoadOptions(FieldMapping fieldMapping) {

    /** Rules as written. */
    public static final RuleLoadOptions DEFAULT = new RuleLoadOptions(FieldMapping.NONE);

    public RuleLoadOptions {
        Objects.requireNonNull(fieldMapping, "fieldMapping");
    }

    /** These options with another field mapping. */
    public RuleLoadOptions withFieldMapping(FieldMapping mapping) {
        return new RuleLoadOptions(mapping);
    }
}
