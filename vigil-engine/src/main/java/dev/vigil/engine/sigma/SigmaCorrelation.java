package dev.vigil.engine.sigma;

import dev.vigil.model.Severity;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Sigma correlation rule: it measures the matches of other rules (or of other correlations: chaining) per group in
 * a sliding timespan of event time.
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
 * @param rules          ids or names of the rules (or correlations) whose matches are counted, in order
 * @param groupBy        event fields (or alias names) whose values separate the counts (may be empty: one group)
 * @param aliases        field-name aliases: alias name → (rule name → that rule's event field); an alias used in
 *                       {@code groupBy} reads, for each rule's matches, the field given here
 * @param timespan       window length
 * @param condition      bounds the count must satisfy
 * @param valueField     for the types that {@linkplain CorrelationType#needsField() need a field}: the field measured
 * @param percentile     for {@link CorrelationType#VALUE_PERCENTILE}: which percentile (0–100], else null
 * @param generate       whether the referenced rules also raise findings of their own
 * @param vigil          Vigil's custom attributes ({@code types} is used; findings are keyed by {@code groupBy})
 * @param metadata       the other attributes: status, author, dates, custom attributes, …
 */
public record SigmaCorrelation(RuleSource source, String id, String name, String title, String description,
                               List<String> falsePositives, List<String> tags, Severity level, CorrelationType type,
                               List<String> rules, List<String> groupBy, Map<String, Map<String, String>> aliases,
                               Duration timespan, CountCondition condition, String valueField, BigDecimal percentile,
                               boolean generate, VigilAttributes vigil, SigmaMetadata metadata)
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
        Map<String, Map<String, String>> a = new LinkedHashMap<>();
        aliases.forEach((alias, byRule) -> a.put(alias, Collections.unmodifiableMap(new LinkedHashMap<>(byRule))));
        aliases = Collections.unmodifiableMap(a);
        Objects.requireNonNull(timespan, "timespan");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(vigil, "vigil");
        Objects.requireNonNull(metadata, "metadata");
        if (id == null && name == null) {
            throw new IllegalArgumentException("a correlation needs an id or a name");
        }
        if (type.needsField() != (valueField != null)) {
            throw new IllegalArgumentException(type.sigmaName() + (type.needsField() ? " needs a field" : " takes no field"));
        }
        if ((type == CorrelationType.VALUE_PERCENTILE) != (percentile != null)) {
            throw new IllegalArgumentException("a percentile goes with value_percentile, and only with it");
        }
    }

    /**
     * The event field a group-by entry reads in the matches of one referenced rule: the alias's field for that rule
     * when the entry is an alias that maps it, else the entry itself.
     *
     * @param groupField an entry of {@link #groupBy()}
     * @param target     a rule this correlation counts; aliases name it by {@code name} (or, in Vigil, by {@code id})
     */
    public String fieldFor(String groupField, SigmaDocument target) {
        Map<String, String> byRule = aliases.get(groupField);
        if (byRule == null) {
            return groupField;
        }
        String f = target.name() == null ? null : byRule.get(target.name());
        if (f == null && target.id() != null) {
            f = byRule.get(target.id());
        }
        return f == null ? groupField : f;
    }

    /**
     * The same correlation grouping by other fields and measuring another field, e.g. after a field mapping. Alias
     * names in group-by are kept as they are, and so are the fields the aliases name.
     */
    public SigmaCorrelation withFields(List<String> otherGroupBy, String otherValueField) {
        return new SigmaCorrelation(source, id, name, title, description, falsePositives, tags, level, type, rules,
                otherGroupBy, aliases, timespan, condition, otherValueField, percentile, generate, vigil, metadata);
    }
}
