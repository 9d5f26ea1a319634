package dev.vigil.metrics.store;

import java.math.BigDecimal;

/**
 * A CloudWatch statistic: one of the five basic ones ({@code Statistic}) or a percentile such as {@code p99}
 * ({@code ExtendedStatistic}).
 */
public sealed interface Statistic permits Statistic.Basic, Statistic.Percentile {

    /** CloudWatch's spelling: {@code Sum}, {@code p99.9}. */
    String awsName();

    /** The value of this statistic over the given values; NaN when there are none (0 for SampleCount and Sum). */
    double of(Rollup values);

    /** True for percentiles, which CloudWatch calls extended statistics. */
    default boolean isExtended() {
        return this instanceof Percentile;
    }

    /** The five statistics CloudWatch computes exactly. */
    enum Basic implements Statistic {
        SAMPLE_COUNT("SampleCount"), SUM("Sum"), AVERAGE("Average"), MINIMUM("Minimum"), MAXIMUM("Maximum");

        private final String awsName;

        Basic(String awsName) {
            this.awsName = awsName;
        }

        @Override
        public String awsName() {
            return awsName;
        }

        @Override
        public double of(Rollup r) {
            if (r.count() == 0) {
                return this == SAMPLE_COUNT || this == SUM ? 0 : Double.NaN;
            }
            return switch (this) {
                case SAMPLE_COUNT -> r.count();
                case SUM -> r.sum();
                case AVERAGE -> r.sum() / r.count();
                case MINIMUM -> r.min();
                case MAXIMUM -> r.max();
            };
        }
    }

    /**
     * The {@code p}-th percentile, 0 ≤ p ≤ 100, by nearest rank; exact for up to
     * {@value ValueSketch#EXACT_CAP} values per minute, within ±1% relative error beyond (CloudWatch's own
     * percentiles are approximate too).
     */
    record Percentile(double p) implements Statistic {
        public Percentile {
            if (!(p >= 0 && p <= 100)) {
                throw new IllegalArgumentException("percentile must be between 0 and 100, was " + p);
            }
        }

        @Override
        public String awsName() {
            return "p" + new BigDecimal(Double.toString(p)).stripTrailingZeros().toPlainString();
        }

        @Override
        public double of(Rollup r) {
            return r.percentile(p);
        }
    }

    /**
     * Parses {@code SampleCount}, {@code Sum}, {@code Average}, {@code Minimum}, {@code Maximum} (any case) or
     * {@code pNN} / {@code pNN.N}.
     *
     * @throws IllegalArgumentException naming the accepted forms
     */
    static Statistic parse(String text) {
        String t = text == null ? "" : text.trim();
        for (Basic b : Basic.values()) {
            if (b.awsName.equalsIgnoreCase(t)) {
                return b;
            }
        }
        if (t.length() > 1 && t.length() <= 10 && (t.charAt(0) == 'p' || t.charAt(0) == 'P')
                && t.substring(1).matches("\\d{1,3}(\\.\\d{1,6})?")) {
            double p = Double.parseDouble(t.substring(1));
            if (p <= 100) {
                return new Percentile(p);
            }
        }
        throw new IllegalArgumentException("statistic '" + text + "' is not one of SampleCount, Sum, Average, "
                + "Minimum, Maximum or a percentile p0..p100 such as p99 or p99.9");
    }
}
