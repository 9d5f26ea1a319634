package dev.vigil.engine.match;

import dev.vigil.engine.sigma.SigmaNumber;

/** An unquoted number: equal to a JSON number, or to a string that reads as the same number. */
final class NumberValueMatcher extends ScalarValueMatcher {

    private final boolean integral;
    private final long longValue;
    private final double doubleValue;

    NumberValueMatcher(SigmaNumber number) {
        this.integral = number.isLong();
        this.longValue = integral ? number.value().longValueExact() : 0;
        this.doubleValue = number.value().doubleValue();
    }

    @Override
    boolean testScalar(Object value) {
        return switch (value) {
            case Long l -> integral ? l == longValue : (double) l == doubleValue;
            case Double d -> d == doubleValue;
            case String s -> NumberText.parse(s) == doubleValue;
            case Number n -> n.doubleValue() == doubleValue;
            default -> false;
        };
    }
}
