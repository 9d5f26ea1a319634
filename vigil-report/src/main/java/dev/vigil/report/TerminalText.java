package dev.vigil.report;

/**
 * Makes log-derived text safe to print on a terminal, and measures and shortens it to fit a width.
 *
 * <p>Printing attacker-controlled text raw lets it drive the terminal: ANSI escape sequences can recolour,
 * move the cursor, rewrite earlier lines, set the window title or hide text; a carriage return or line feed
 * forges extra output lines; bidi overrides (U+202E) make text read differently from what it is. So every
 * control character (C0, DEL, C1), Unicode format character (bidi controls, zero-width and tag characters),
 * line or paragraph separator and broken surrogate is replaced by a visible escape such as
 * <code>&#92;u001B</code>. An ANSI sequence thus shows up as inert text (<code>&#92;u001B[31m</code> with the ESC
 * spelled out), which tells the analyst that someone tried.
 */
public final class TerminalText {

    static final String ELLIPSIS = "\u2026";

    private TerminalText() {
    }

    /**
     * Returns the text with every character that could control, reorder or hide terminal output replaced by
     * its visible <code>&#92;uXXXX</code> escape; everything else is kept. Null gives the empty string. The
     * result is a single line.
     */
    public static String sanitize(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        StringBuilder out = null;
        int i = 0;
        int n = s.length();
        while (i < n) {
            int cp = s.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (UnsafeChars.isUnsafe(cp)) {
                if (out == null) {
                    out = new StringBuilder(n + 16).append(s, 0, i);
                }
                out.append(UnsafeChars.notation(cp));
            } else if (out != null) {
                out.append(s, i, next);
            }
            i = next;
        }
        return out == null ? s : out.toString();
    }

    /** Terminal columns a sanitized string takes: wide East Asian characters and emoji take two, marks none. */
    static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += columns(cp);
            i += Character.charCount(cp);
        }
        return w;
    }

    /** The text cut to at most {@code cols} columns, ending in an ellipsis when it was cut. */
    static String truncate(String s, int cols) {
        if (width(s) <= cols) {
            return s;
        }
        if (cols <= 0) {
            return "";
        }
        return prefix(s, cols - 1) + ELLIPSIS;
    }

    /**
     * The text cut to at most {@code cols} columns by leaving out its middle, which keeps the end of an ARN
     * (the user or role name) visible.
     */
    static String truncateMiddle(String s, int cols) {
        if (width(s) <= cols) {
            return s;
        }
        if (cols < 8) {
            return truncate(s, cols);
        }
        int headCols = (cols - 1) * 2 / 5;
        int tailCols = cols - 1 - headCols;
        return prefix(s, headCols) + ELLIPSIS + suffix(s, tailCols);
    }

    /** The text truncated to {@code cols} columns and padded with spaces to exactly {@code cols}. */
    static String cell(String s, int cols) {
        String t = truncate(s, cols);
        return t + " ".repeat(Math.max(0, cols - width(t)));
    }

    /** The text padded on the left to {@code cols} columns, for numbers. */
    static String right(String s, int cols) {
        String t = truncate(s, cols);
        return " ".repeat(Math.max(0, cols - width(t))) + t;
    }

    /** The longest start of the text that fits in {@code cols} columns. */
    static String prefix(String s, int cols) {
        int w = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int c = columns(cp);
            if (w + c > cols) {
                break;
            }
            w += c;
            i += Character.charCount(cp);
        }
        return s.substring(0, i);
    }

    private static String suffix(String s, int cols) {
        int w = 0;
        int i = s.length();
        while (i > 0) {
            int cp = s.codePointBefore(i);
            int c = columns(cp);
            if (w + c > cols) {
                break;
            }
            w += c;
            i -= Character.charCount(cp);
        }
        return s.substring(i);
    }

    static int columns(int cp) {
        return switch (Character.getType(cp)) {
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.FORMAT -> 0;
            default -> isWide(cp) ? 2 : 1;
        };
    }

    private static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF)
                || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF)
                || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x1F300 && cp <= 0x1F64F) || (cp >= 0x1F900 && cp <= 0x1F9FF)
                || (cp >= 0x20000 && cp <= 0x3FFFD);
    }
}
