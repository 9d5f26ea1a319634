package dev.vigil.metrics.pattern;

/** Reads the value after a comparison operator, shared by JSON and space-delimited patterns. */
final class ValueReader {

    private ValueReader() {
    }

    /**
     * Reads a quoted string, a {@code %regex%} or a bare value. A bare value runs up to whitespace, {@code &&},
     * {@code ||} or one of {@code stops}; AWS's own patterns write dotted and wildcard values unquoted
     * ({@code kms.amazonaws.com}, {@code 123.123.*}), so dots, dashes and stars stay inside it.
     */
    static Value read(Cursor c, String stops, Operator op) {
        int at = c.pos;
        Value v;
        char first = c.peek();
        if (first == '"') {
            v = new Value.Text(c.quoted(), true);
        } else if (first == '%') {
            v = RegexRules.read(c);
        } else {
            int start = c.pos;
            while (!c.atEnd() && !Character.isWhitespace(c.peek()) && stops.indexOf(c.peek()) < 0
                    && !c.startsWith("&&") && !c.startsWith("||")) {
                if (c.peek() == '"') {
                    throw c.error("a value containing '\"' must be quoted as a whole, e.g. \"a\\\"b\"");
                }
                c.pos++;
            }
            String bare = c.text.substring(start, c.pos);
            if (bare.isEmpty()) {
                throw c.error("expected a value after '" + op.symbol() + "' but found " + c.found()
                        + "; write a number, a string (quoted if it has spaces) or %regex%");
            }
            v = classify(c, start, bare);
        }
        if (op.relational() && !(v instanceof Value.Number)) {
            throw c.error(at, "'" + op.symbol() + "' compares numbers; write a number after it (strings and regexes "
                    + "only support = and !=)");
        }
        return v;
    }

    private static Value classify(Cursor c, int start, String bare) {
        if (bare.equals("*")) {
            return new Value.Any();
        }
        if (isNumber(bare)) {
            double d = Double.parseDouble(bare);
            if (Double.isInfinite(d)) {
                throw c.error(start, "the number " + bare + " is out of range");
            }
            return new Value.Number(bare, d);
        }
        return new Value.Text(bare, false);
    }

    /**
     * Whether a string is a number in the pattern language's syntax: optional sign, digits with an optional
     * decimal part, optional exponent ({@code 1e-3}). A hand-written scan: log fields are tested with it.
     */
    static boolean isNumber(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exp = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                exp++;
            }
            if (exp == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
