package dev.vigil.metrics.pattern;

/** A read position in the pattern text with the small helpers every family's parser needs. */
final class Cursor {

    final String text;
    int pos;

    Cursor(String text, int pos) {
        this.text = text;
        this.pos = pos;
    }

    boolean atEnd() {
        return pos >= text.length();
    }

    char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    boolean startsWith(String s) {
        return text.startsWith(s, pos);
    }

    boolean consume(String s) {
        if (text.startsWith(s, pos)) {
            pos += s.length();
            return true;
        }
        return false;
    }

    void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    PatternException error(String problem) {
        return new PatternException(pos, problem);
    }

    PatternException error(int at, String problem) {
        return new PatternException(at, problem);
    }

    /** What stands at the cursor, for messages: a short excerpt or "the end of the pattern". */
    String found() {
        if (atEnd()) {
            return "the end of the pattern";
        }
        int end = Math.min(text.length(), pos + 12);
        return "'" + text.substring(pos, end) + (end < text.length() ? "…'" : "'");
    }

    /**
     * Reads a double-quoted string at the cursor (which must stand on the opening quote). {@code \"} and
     * {@code \\} are escapes, as AWS's CDK writes them; any other backslash is kept as written.
     */
    String quoted() {
        int open = pos;
        pos++;
        StringBuilder out = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return out.toString();
            }
            if (c == '\\' && pos + 1 < text.length() && (text.charAt(pos + 1) == '"' || text.charAt(pos + 1) == '\\')) {
                out.append(text.charAt(pos + 1));
                pos += 2;
                continue;
            }
            out.append(c);
            pos++;
        }
        throw error(open, "the quoted string is not closed; add a '\"' at its end");
    }
}
