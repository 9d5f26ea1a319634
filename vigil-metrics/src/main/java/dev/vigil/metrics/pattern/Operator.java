package dev.vigil.metrics.pattern;

/** Comparison operators of JSON and space-delimited patterns. */
public enum Operator {
    EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** Whether this operator compares numbers only ({@code < <= > >=}). */
    public boolean relational() {
        return this != EQ && this != NE;
    }

    boolean accepts(int compare) {
        return switch (this) {
            case EQ -> compare == 0;
            case NE -> compare != 0;
            case LT -> compare < 0;
            case LE -> compare <= 0;
            case GT -> compare > 0;
            case GE -> compare >= 0;
        };
    }

    /** The operator at the cursor, consumed, or null when there is none; two-character symbols are tried first. */
    static Operator read(Cursor c) {
        for (Operator op : BY_LENGTH) {
            if (c.consume(op.symbol)) {
                return op;
            }
        }
        return null;
    }

    private static final Operator[] BY_LENGTH = {NE, LE, GE, EQ, LT, GT};
}
