package dev.vigil.engine.sigma;

import dev.vigil.model.Severity;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A Sigma correlation rule: it counts the matches of other rules per group in a sliding timespan of event time.
 *
 * @param source         where it was written
 * @param id             Sigma {@code id}, or null
 * @param name           Sigma {@code name}, or null (one of id and name is required)
 * @param title          title
 * @param description    description; empty when absent
 * @param falsePositives known benign causes
 * @param tags           tags
 * @param level          severity of its findings ({@link Severity#MEDIUM} when absent)
 * @param type           what is counted
 * @param rules          ids or names of the rules whose matches are counted
 * @param groupBy        event fields whose values separate the counts (may be empty: one group)
 * @param timespan       window length
 * @param condition      bounds the count must satisfy
 * @param valueField     for {@link CorrelationType#VALUE_COUNT}: the field whose distinct values are counted
 * @param generate       whether the referenced rules also raise findings of their own
 * @param vigil          Vigil's custom attributes ({@code types} is used; findings are keyed by {@code groupBy})
 * @param metadata       the other attributes: status, author, dates, custom attributes, …
 */
public record SigmaCorrelation(RuleSource source, String id, String name, String title, String description,
                               List<String> falsePositives, List<String> tags, Severity level, CorrelationType type,
                               List<String> rules, List<String> groupBy, Duration timespan, CountCondition condition,
                               String valueField, boolean generate, VigilAttributes vigil, SigmaMetadata metadata)
        implements SigmaDocument {
    public SigmaCorrelation {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(title, "title");
        description = Objects.requireNonNullElse(description, "");
        falsePositives = List.copyOf(falsePositives);
        tags = List.copyOf(tags);
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(type, "type");
        rules = List.copyOf(rules);
        groupBy = List.copyOf(groupBy);
        Objects.requireNonNull(timespan, "timespan");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(vigil, "vigil");
        Objects.requireNonNull(metadata, "metadata");
        if (id == null && name == null) {
            throw new IllegalArgumentException("a correlation needs an id or a name");
        }
        if ((type == CorrelationType.VALUE_COUNT) != (valueField != null)) {
            throw new IllegalArgumentException("value_count needs a field, event_count takes none");
        }
    }

    /** A correlation without metadata (the earlier constructor). */
    public SigmaCorrelation(RuleSource source, String id, String name, String title, String description,
                            List<String> falsePositives, List<String> tags, Severity level, CorrelationType type,
                            List<String> rules, List<String> groupBy, Duration timespan, CountCondition condition,
                            String valueField, boolean generate, VigilAttributes vigil) {
        this(source, id, name, title, description, falsePositives, tags, level, type, rules, groupBy, timespan,
                condition, valueField, generate, vigil, SigmaMetadata.NONE);
    }

    /** The same correlation grouping by other fields and counting another field, e.g. after a field mapping. */
    public SigmaCorrelation withFields(List<String> otherGroupBy, String otherValueField) {
        return new SigmaCorrelation(source, id, name, title, description, falsePositives, tags, level, type, rules,
                otherGroupBy, timespan, condition, otherValueField, generate, vigil, metadata);
    }
}
