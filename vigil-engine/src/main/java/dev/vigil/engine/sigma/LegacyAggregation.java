package dev.vigil.engine.sigma;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A Sigma 1 aggregation from a rule's condition ({@code selection | count(field) by group > 5}) with the rule's
 * {@code timeframe}: what the equivalent correlation counts.
 *
 * @param type      {@link CorrelationType#EVENT_COUNT} for {@code count()}, {@link CorrelationType#VALUE_COUNT} for
 *                  {@code count(field)}, {@link CorrelationType#TEMPORAL} for {@code near}
 * @param field     the counted field of {@code count(field)}, else null
 * @param groupBy   the {@code by} fields (may be empty: one group)
 * @param condition the comparison as a correlation condition
 * @param timespan  the rule's {@code timeframe}
 * @param near      for {@code near}: the search identifiers that must match near the main condition, else empty
 */
record LegacyAggregation(CorrelationType type, String field, List<String> groupBy, CountCondition condition,
                         Duration timespan, List<String> near) {

    /** Appended to a rule's id to name the rule that matches the events its aggregation counts. */
    static final String SEARCH_SUFFIX = ":search";

    LegacyAggregation {
        Objects.requireNonNull(type, "type");
        groupBy = List.copyOf(groupBy);
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(timespan, "timespan");
        near = List.copyOf(near);
    }

    LegacyAggregation(CorrelationType type, String field, List<String> groupBy, CountCondition condition,
                      Duration timespan) {
        this(type, field, groupBy, condition, timespan, List.of());
    }

    /** The name of the rule matching one {@code near} search of the aggregating rule with that id. */
    static String nearRuleName(String ruleId, String search) {
        return ruleId + ":near:" + search;
    }

    /** The name of the rule holding the searches of the aggregating rule with that id. */
    static String searchRuleName(String ruleId) {
        return ruleId + SEARCH_SUFFIX;
    }
}
