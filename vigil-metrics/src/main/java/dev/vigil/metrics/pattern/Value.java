package dev.vigil.metrics.pattern;

/** The right-hand side of a comparison, typed when the pattern is parsed. */
public sealed interface Value {

    /** {@code *} alone: any scalar value (used as "the field exists"). */
    record Any() implements Value {
    }

    /**
     * A string, quoted or bare, compared for equality. {@code *} inside it is a wildcard for any run of characters;
     * without {@code *} the comparison is exact. Matching is case-sensitive.
     */
    record Text(String text, boolean quoted) implements Value {
        public boolean hasWildcard() {
            return text.indexOf('*') >= 0;
        }
    }

    /** A number literal (integer, decimal or scientific notation); {@code text} is how it was written. */
    record Number(String text, double value) implements Value {
    }

    /** A {@code %regex%} value, validated against CloudWatch's restrictions and compiled for RE2/J. */
    record Regex(String source, com.google.re2j.Pattern compiled) implements Value {
        @Override
        public boolean equals(Object o) {
            return o instanceof Regex r && r.source.equals(source);
        }

        @Override
        public int hashCode() {
            return source.hashCode();
        }

        @Override
        public String toString() {
            return "Regex[%" + source + "%]";
        }
    }
}
