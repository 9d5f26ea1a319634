package dev.vigil.engine.sigma;

import java.util.List;
import java.util.Objects;

/**
 * A Sigma filter (meta filter): searches and a condition that suppress matches of the rules it names. Vigil applies
 * it to each named rule as {@code rule condition and not filter condition}, on the events its {@code logsource}
 * selects, so one file can tune many rules for an environment without editing them.
 *
 * @param source      where it was written
 * @param id          Sigma {@code id}, or null (optional for filters)
 * @param name        a readable unique name, or null (Vigil accepts one, as for rules)
 * @param title       title
 * @param description description; empty when absent
 * @param logSource   the events it applies to
 * @param rules       ids or names of the rules it filters
 * @param detection   its searches and condition
 * @param metadata    the other attributes
 */
public record SigmaFilter(RuleSource source, String id, String name, String title, String description,
                          LogSource logSource, List<String> rules, Detection detection, SigmaMetadata metadata) {
    public SigmaFilter {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(title, "title");
        description = Objects.requireNonNullElse(description, "");
        Objects.requireNonNull(logSource, "logSource");
        rules = List.copyOf(rules);
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("a filter names at least one rule");
        }
        Objects.requireNonNull(detection, "detection");
        Objects.requireNonNull(metadata, "metadata");
    }

    /** How problems name the filter: its name, else its id, else its title. */
    public String label() {
        return name != null ? name : id != null ? id : title;
    }

    /** The same filter with another detection, e.g. after a field mapping. */
    public SigmaFilter withDetection(Detection other) {
        return new SigmaFilter(source, id, name, title, description, logSource, rules, other, metadata);
    }
}
