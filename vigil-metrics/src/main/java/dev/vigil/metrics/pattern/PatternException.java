package dev.vigil.metrics.pattern;

/**
 * A filter pattern CloudWatch would reject (or Vigil cannot evaluate safely). The message names the column
 * (1-based) and what to write instead, e.g. {@code column 14: expected =, !=, <, <=, >, >=, IS or NOT EXISTS after
 * $.eventName}.
 */
public final class PatternException extends IllegalArgumentException {

    private final int position;
    private final String problem;

    PatternException(int position, String problem) {
        super("invalid filter pattern at column " + (position + 1) + ": " + problem);
        this.position = position;
        this.problem = problem;
    }

    /** 0-based index into the pattern text where the problem was found. */
    public int position() {
        return position;
    }

    /** The problem without the position prefix. */
    public String problem() {
        return problem;
    }
}
