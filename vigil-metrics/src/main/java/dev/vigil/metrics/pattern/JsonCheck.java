package dev.vigil.metrics.pattern;

import dev.vigil.model.Event;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A JSON pattern's expression compiled for evaluation. */
sealed interface JsonCheck {

    boolean test(LogMessage m);

    static JsonCheck compile(JsonExpr e, FilterPattern.Options options) {
        return switch (e) {
            case JsonExpr.And a -> new All(a.parts().stream().map(p -> compile(p, options)).toArray(JsonCheck[]::new));
            case JsonExpr.Or o -> any(o, options);
            case JsonExpr.Comparison c -> new Compare(new SelectorReader(c.selector()), c.operator() == Operator.NE,
                    ScalarTest.of(c.operator(), c.value()), options.notEqualMatchesMissing());
            case JsonExpr.Test t -> new Property(new SelectorReader(t.selector()), t.property());
        };
    }

    /**
     * {@code ($.eventName=A) || ($.eventName=B) || ...} (the shape of most CIS filters) becomes one field read and
     * a set lookup; the other alternatives stay as they are. OR has no side effects, so the order may change.
     */
    private static JsonCheck any(JsonExpr.Or o, FilterPattern.Options options) {
        Map<String, Set<String>> exact = new LinkedHashMap<>();
        Map<String, Selector> selectors = new LinkedHashMap<>();
        List<JsonCheck> others = new ArrayList<>();
        for (JsonExpr p : o.parts()) {
            if (p instanceof JsonExpr.Comparison c && c.operator() == Operator.EQ
                    && ScalarTest.of(c.operator(), c.value()) instanceof ScalarTest.Exact x) {
                exact.computeIfAbsent(c.selector().text(), k -> new HashSet<>()).add(x.text());
                selectors.putIfAbsent(c.selector().text(), c.selector());
            } else {
                others.add(compile(p, options));
            }
        }
        List<JsonCheck> out = new ArrayList<>();
        exact.forEach((sel, values) -> out.add(values.size() == 1
                ? new Compare(new SelectorReader(selectors.get(sel)), false,
                        new ScalarTest.Exact(values.iterator().next()), false)
                : new OneOf(new SelectorReader(selectors.get(sel)), Set.copyOf(values))));
        out.addAll(others);
        return out.size() == 1 ? out.getFirst() : new AnyOf(out.toArray(JsonCheck[]::new));
    }

    record All(JsonCheck[] parts) implements JsonCheck {
        @Override
        public boolean test(LogMessage m) {
            for (JsonCheck p : parts) {
                if (!p.test(m)) {
                    return false;
                }
            }
            return true;
        }
    }

    record AnyOf(JsonCheck[] parts) implements JsonCheck {
        @Override
        public boolean test(LogMessage m) {
            for (JsonCheck p : parts) {
                if (p.test(m)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * {@code selector op value}. Arrays, objects and JSON null never compare, with {@code =} or {@code !=}. A
     * missing field does not match either, unless the options say that {@code !=} should match it.
     */
    record Compare(SelectorReader field, boolean negate, ScalarTest test, boolean missingMatchesNegation)
            implements JsonCheck {
        @Override
        public boolean test(LogMessage m) {
            Object v = field.read(m);
            if (v == null) {
                return negate && missingMatchesNegation;
            }
            if (!JsonValues.isScalar(v)) {
                return false;
            }
            return test.json(v) != negate;
        }
    }

    /** Several {@code =} alternatives with exact strings on one field. */
    record OneOf(SelectorReader field, Set<String> values) implements JsonCheck {
        @Override
        public boolean test(LogMessage m) {
            Object v = field.read(m);
            if (v instanceof String s) {
                return values.contains(s);
            }
            return JsonValues.isScalar(v) && values.contains(JsonValues.text(v));
        }
    }

    record Property(SelectorReader field, JsonExpr.Property property) implements JsonCheck {
        @Override
        public boolean test(LogMessage m) {
            Object v = field.read(m);
            return switch (property) {
                case NOT_EXISTS -> v == null;
                case IS_NULL -> v == Event.NULL;
                case IS_TRUE -> Boolean.TRUE.equals(v);
                case IS_FALSE -> Boolean.FALSE.equals(v);
            };
        }
    }
}
