package dev.vigil.metrics.pattern;

/** Chooses the family by the first non-blank character and enforces CloudWatch's limits. */
final class PatternParser {

    private PatternParser() {
    }

    static PatternNode parse(String text) {
        if (text.length() > FilterPattern.MAX_LENGTH) {
            throw new PatternException(FilterPattern.MAX_LENGTH, "filter patterns are limited to "
                    + FilterPattern.MAX_LENGTH + " characters (CloudWatch's limit); this one has " + text.length());
        }
        String trimmed = text.strip();
        if (trimmed.isEmpty() || trimmed.equals("\" \"")) {
            return new PatternNode.MatchAll();
        }
        Cursor c = new Cursor(text, 0);
        c.skipSpaces();
        PatternNode node = switch (c.peek()) {
            case '{' -> JsonPatternParser.parse(c);
            case '[' -> DelimitedPatternParser.parse(c);
            default -> TermPatternParser.parse(c);
        };
        int regexes = RegexCount.of(node);
        if (!(node instanceof PatternNode.Terms) && regexes > RegexRules.MAX_PER_STRUCTURED_PATTERN) {
            throw new PatternException(nthPercent(text, 2 * RegexRules.MAX_PER_STRUCTURED_PATTERN), "CloudWatch allows at most "
                    + RegexRules.MAX_PER_STRUCTURED_PATTERN + " regular expressions in a JSON or space-delimited "
                    + "pattern; this one has " + regexes);
        }
        return node;
    }

    /** Where the first regex over the limit opens (0-based count of '%' signs; near enough for a message). */
    private static int nthPercent(String text, int n) {
        int at = -1;
        for (int i = 0; i <= n; i++) {
            int next = text.indexOf('%', at + 1);
            if (next < 0) {
                return Math.max(at, 0);
            }
            at = next;
        }
        return at;
    }
}
