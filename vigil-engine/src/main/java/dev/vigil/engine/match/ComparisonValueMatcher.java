package dev.vigil.engine.match;

import dev.vigil.engine.sigma.SigmaComparison;

/** {@code lt}/{@code lte}/{@code gt}/{@code gte}: numbers, and strings that read as numbers, against a bound. */
final class ComparisonValueMatcher extends ScalarValueMatcher {

    private final SigmaComparison.Operator operator;
    private final boolean integral;
    private final long longBound;
    private final double doubleBound;

    ComparisonValueMatcher(SigmaComparison comparison) {
        this.operator = comparison.operator();
        this.integral = comparison.bound().isLong();
        this.longBound = integral ? comparison.bound().value().longValueExact() : 0;
        this.doubleBound = comparison.bound().value().doubleValue();
    }

    @Override
    boolean testScalar(Object value) {
        return switch (value) {
            case Long l -> operator.accepts(integral ? Long.compare(l, longBound) : Double.compare(l, doubleBound));
            case Double d -> compare(d);
            case String s -> compare(NumberText.parse(s));
            case Number n -> compare(n.doubleValue());
            default -> false;
        };
    }

    private boolean compare(double d) {
        return !Double.isNaN(d) && operator.accepts(Double.compare(d, doubleBound));
    }
}
