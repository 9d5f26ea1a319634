package dev.vigil.engine.sigma;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A correlation's {@code condition}: one or more bounds on the count, all of which must hold, e.g.
 * {@code {gte: 5}} or the range {@code {gt: 100, lte: 200}}.
 */
public record CountCondition(Map<Operator, Long> bounds) {

    /** Sigma's correlation operators. */
    public enum Operator {
        GT("gt"), GTE("gte"), LT("lt"), LTE("lte"), EQ("eq");

        private final String sigmaName;

        Operator(String sigmaName) {
            this.sigmaName = sigmaName;
        }

        public String sigmaName() {
            return sigmaName;
        }
    }

    public CountCondition {
        if (bounds.isEmpty()) {
            throw new IllegalArgumentException("a count condition needs at least one bound");
        }
        bounds = Collections.unmodifiableMap(new EnumMap<>(bounds));
    }

    /** True when the count satisfies every bound. */
    public boolean test(long count) {
        for (Map.Entry<Operator, Long> b : bounds.entrySet()) {
            long v = b.getValue();
            boolean ok = switch (b.getKey()) {
                case GT -> count > v;
                case GTE -> count >= v;
                case LT -> count < v;
                case LTE -> count <= v;
                case EQ -> count == v;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return bounds.entrySet().stream().map(e -> e.getKey().sigmaName() + " " + e.getValue())
                .collect(Collectors.joining(" and "));
    }
}
