package dev.vigil.engine.match;

import dev.vigil.engine.sigma.SigmaComparison;
import dev.vigil.engine.sigma.SigmaNumber;
import dev.vigil.engine.sigma.SigmaTimePart;

/**
 * {@code minute} … {@code year}: the value read as a date ({@link DateTimeText}), one part of it in UTC compared
 * with a number or a bound. Values that are not dates do not match.
 */
final class TimePartValueMatcher extends ScalarValueMatcher {

    private final SigmaTimePart.Unit unit;
    /** Null for equality. */
    private final SigmaComparison.Operator operator;
    private final double bound;

    TimePartValueMatcher(SigmaTimePart part) {
        this.unit = part.unit();
        switch (part.test()) {
            case SigmaComparison c -> {
                this.operator = c.operator();
                this.bound = c.bound().value().doubleValue();
            }
            case SigmaNumber n -> {
                this.operator = null;
                this.bound = n.value().doubleValue();
            }
            default -> throw new IllegalArgumentException("a time part compares with a number, not " + part.test());
        }
    }

    @Override
    boolean testScalar(Object value) {
        long second = DateTimeText.epochSecond(value);
        if (second == DateTimeText.NO_DATE) {
            return false;
        }
        int p = DateTimeText.part(second, unit);
        return operator == null ? p == bound : operator.accepts(Double.compare(p, bound));
    }
}
