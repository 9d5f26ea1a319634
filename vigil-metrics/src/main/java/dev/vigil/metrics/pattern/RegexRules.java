package dev.vigil.metrics.pattern;

import com.google.re2j.PatternSyntaxException;

/**
 * CloudWatch's restrictions on {@code %regex%}: ASCII letters and digits, the symbols {@code : _ # = @ / ; , -} and
 * space, and the operators {@code ^ $ ? [ ] { } | \ * + .}. Groups ({@code ( )}) and multi-byte characters are not
 * supported. Regexes run on RE2/J, so matching time stays linear in the message length whatever the pattern.
 */
final class RegexRules {

    /** CloudWatch allows at most two regexes in one JSON or space-delimited pattern. */
    static final int MAX_PER_STRUCTURED_PATTERN = 2;

    private static final String SYMBOLS = ":_#=@/;,- ^$?[]{}|\\*+.";

    private RegexRules() {
    }

    /** Reads {@code %...%} at the cursor (on the opening {@code %}) and compiles it. */
    static Value.Regex read(Cursor c) {
        int open = c.pos;
        int close = c.text.indexOf('%', open + 1);
        if (close < 0) {
            throw c.error(open, "the regular expression is not closed; end it with '%'");
        }
        String source = c.text.substring(open + 1, close);
        if (source.isEmpty()) {
            throw c.error(open, "the regular expression '%%' is empty; write a regex between the '%' signs");
        }
        for (int i = 0; i < source.length(); i++) {
            char ch = source.charAt(i);
            if (allowed(ch)) {
                continue;
            }
            int at = open + 1 + i;
            if (ch == '(' || ch == ')') {
                throw c.error(at, "CloudWatch regular expressions do not support groups '(' ')'; use '|' alternatives "
                        + "or a character class instead");
            }
            if (ch > 0x7E) {
                throw c.error(at, "CloudWatch regular expressions support ASCII characters only");
            }
            throw c.error(at, "the character '" + printable(ch) + "' is not allowed in a CloudWatch regular "
                    + "expression (allowed: letters, digits, space, : _ # = @ / ; , - and the operators "
                    + "^ $ ? [ ] { } | \\ * + .)");
        }
        com.google.re2j.Pattern compiled;
        try {
            compiled = com.google.re2j.Pattern.compile(source);
        } catch (PatternSyntaxException e) {
            throw c.error(open, "invalid regular expression %" + source + "%: " + e.getDescription());
        }
        c.pos = close + 1;
        return new Value.Regex(source, compiled);
    }

    private static boolean allowed(char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')
                || SYMBOLS.indexOf(ch) >= 0;
    }

    private static String printable(char ch) {
        return ch < 0x20 || ch == 0x7F ? String.format("\\u%04x", (int) ch) : String.valueOf(ch);
    }
}
