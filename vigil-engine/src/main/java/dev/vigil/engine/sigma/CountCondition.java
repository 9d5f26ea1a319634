package dev.vigil.engine.sigma;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A correlation's {@code condition}: one or more bounds on the measure (a count, a sum, a mean or a percentile), all
 * of which must hold, e.g. {@code {gte: 5}} or the range {@code {gt: 100, lte: 200}}.
 */
public record CountCondition(Map<Operator, BigDecimal> bounds) {

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

    /** A single bound, e.g. {@code of(Operator.GTE, 5)}. */
    public static CountCondition of(Operator op, long bound) {
        return new CountCondition(Map.of(op, BigDecimal.valueOf(bound)));
    }

    /** True when the count satisfies every bound. */
    public boolean test(long count) {
        for (Map.Entry<Operator, BigDecimal> b : bounds.entrySet()) {
            double v = b.getValue().doubleValue(); // exact for any bound a count can meet (< 2^53)
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

    /** True when the measure satisfies every bound. */
    public boolean test(BigDecimal measure) {
        for (Map.Entry<Operator, BigDecimal> b : bounds.entrySet()) {
            int c = measure.compareTo(b.getValue());
            boolean ok = switch (b.getKey()) {
                case GT -> c > 0;
                case GTE -> c >= 0;
                case LT -> c < 0;
                case LTE -> c <= 0;
                case EQ -> c == 0;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return bounds.entrySet().stream().map(e -> e.getKey().sigmaName() + " " + e.getValue().toPlainString())
                .collect(Collectors.joining(" and "));
    }
}
