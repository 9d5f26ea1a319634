package dev.vigil.metrics.pattern;

import java.util.HashSet;
import java.util.Set;

/**
 * Finds the exact strings one field must equal for a JSON pattern to match: {@code $.eventName = A || ... = B}
 * alone or as one side of {@code &&}. A set of filters can then be indexed by that field and skip, per event, every
 * filter whose set does not hold the event's value.
 */
final class RequiredValues {

    private RequiredValues() {
    }

    /** The values, or null when the pattern does not pin the field to a set of exact strings. */
    static Set<String> of(PatternNode node, String selector) {
        return node instanceof PatternNode.Json j ? of(j.expression(), selector) : null;
    }

    private static Set<String> of(JsonExpr e, String selector) {
        return switch (e) {
            case JsonExpr.Comparison c -> c.operator() == Operator.EQ && c.selector().text().equals(selector)
                    && c.value() instanceof Value.Text t && !t.hasWildcard() ? Set.of(t.text()) : null;
            case JsonExpr.Or o -> {
                Set<String> all = new HashSet<>();
                for (JsonExpr p : o.parts()) {
                    Set<String> s = of(p, selector);
                    if (s == null) {
                        yield null;
                    }
                    all.addAll(s);
                }
                yield all;
            }
            case JsonExpr.And a -> {
                for (JsonExpr p : a.parts()) {
                    Set<String> s = of(p, selector);
                    if (s != null) {
                        yield s;
                    }
                }
                yield null;
            }
            case JsonExpr.Test t -> null;
        };
    }
}
