package dev.vigil.metrics.pattern;

/**
 * A compiled value test, applied to a scalar JSON value or to a space-delimited field (always text). Negation
 * ({@code !=}) is applied by the caller, so that an absent field can be handled separately.
 */
sealed interface ScalarTest {

    boolean json(Object scalar);

    boolean token(String token);

    static ScalarTest of(Operator op, Value v) {
        return switch (v) {
            case Value.Any a -> new AnyValue();
            case Value.Text t when t.text().equals("*") -> new AnyValue();
            case Value.Text t when t.hasWildcard() -> new Glob(new Wildcard(t.text()));
            case Value.Text t -> new Exact(t.text());
            case Value.Regex r -> new Find(r.compiled());
            case Value.Number n -> new NumberCompare(op == Operator.NE ? Operator.EQ : op, n.text(), n.value(),
                    isLong(n.value()));
        };
    }

    /** Like Double.compare, but -0.0 equals 0.0 as in JSON. */
    private static int compare(double a, double b) {
        return a < b ? -1 : a > b ? 1 : 0;
    }

    private static boolean isLong(double d) {
        return d == Math.rint(d) && Math.abs(d) < 9.007199254740992E15;
    }

    record AnyValue() implements ScalarTest {
        @Override
        public boolean json(Object scalar) {
            return true;
        }

        @Override
        public boolean token(String token) {
            return true;
        }
    }

    record Exact(String text) implements ScalarTest {
        @Override
        public boolean json(Object scalar) {
            return text.equals(JsonValues.text(scalar));
        }

        @Override
        public boolean token(String token) {
            return text.equals(token);
        }
    }

    record Glob(Wildcard glob) implements ScalarTest {
        @Override
        public boolean json(Object scalar) {
            return glob.matches(JsonValues.text(scalar));
        }

        @Override
        public boolean token(String token) {
            return glob.matches(token);
        }
    }

    record Find(com.google.re2j.Pattern regex) implements ScalarTest {
        @Override
        public boolean json(Object scalar) {
            return regex.matcher(JsonValues.text(scalar)).find();
        }

        @Override
        public boolean token(String token) {
            return regex.matcher(token).find();
        }
    }

    /**
     * Numbers compare numerically. A JSON string against {@code =} compares as text with the literal as written
     * (so {@code $.code = 400} matches {@code "400"}); against {@code < <= > >=} it does not match. A delimited field
     * that reads as a number compares numerically.
     */
    record NumberCompare(Operator op, String text, double value, boolean integral) implements ScalarTest {
        @Override
        public boolean json(Object scalar) {
            if (scalar instanceof Long l && integral) {
                return op.accepts(Long.compare(l, (long) value));
            }
            double d = JsonValues.number(scalar);
            if (!Double.isNaN(d)) {
                return op.accepts(compare(d, value));
            }
            return op == Operator.EQ && scalar instanceof String s && s.equals(text);
        }

        @Override
        public boolean token(String token) {
            if (ValueReader.isNumber(token)) {
                double d = Double.parseDouble(token);
                return op.accepts(compare(d, value));
            }
            return op == Operator.EQ && token.equals(text);
        }
    }
}
