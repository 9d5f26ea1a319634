package dev.vigil.posture.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Makes attacker-influenced text (resource names, tags, reasons quoting them) safe and tidy for a plain-text
 * terminal report: every control character (C0, DEL, C1 — ANSI escapes, carriage returns forging lines), Unicode
 * format character (bidi overrides, zero-width), line/paragraph separator and lone surrogate is shown as a visible
 * {@code \\uXXXX} escape rather than dropped, so a reader sees that someone tried. Also measures, cuts and wraps
 * text to a column budget (wide East Asian characters take two columns).
 */
final class TerminalSafe {

    private TerminalSafe() {
    }

    static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (unsafe(cp)) {
                if (Character.isSupplementaryCodePoint(cp)) {
                    out.append(escape(Character.highSurrogate(cp))).append(escape(Character.lowSurrogate(cp)));
                } else {
                    out.append(escape(cp));
                }
            } else {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static boolean unsafe(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.LINE_SEPARATOR,
                 Character.PARAGRAPH_SEPARATOR, Character.PRIVATE_USE -> true;
            default -> cp == 0xFFFE || cp == 0xFFFF;
        };
    }

    private static String escape(int cp) {
        return String.format(Locale.ROOT, "\\u%04X", cp);
    }

    /** Columns a cleaned string takes. */
    static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += columns(cp);
            i += Character.charCount(cp);
        }
        return w;
    }

    /** The cleaned text cut to {@code cols} columns, ending in "..." when cut. */
    static String fit(String s, int cols) {
        if (width(s) <= cols) {
            return s;
        }
        if (cols <= 3) {
            return prefix(s, cols);
        }
        return prefix(s, cols - 3) + "...";
    }

    /** Cut from the middle, keeping the end of an ARN (the resource's name) visible. */
    static String fitMiddle(String s, int cols) {
        if (width(s) <= cols || cols < 12) {
            return fit(s, cols);
        }
        int head = (cols - 3) * 2 / 5;
        int tail = cols - 3 - head;
        return prefix(s, head) + "..." + suffix(s, tail);
    }

    /** Padded on the right to exactly {@code cols} columns (cut when longer). */
    static String pad(String s, int cols) {
        String t = fit(s, cols);
        return t + " ".repeat(Math.max(0, cols - width(t)));
    }

    /** Padded on the left to {@code cols} columns, for numbers. */
    static String right(String s, int cols) {
        String t = fit(s, cols);
        return " ".repeat(Math.max(0, cols - width(t))) + t;
    }

    /**
     * Word-wraps cleaned text into lines of at most {@code cols} columns; a word longer than a line (an ARN) is
     * broken. At most {@code maxLines} lines, the last ending in "..." when text was left out.
     */
    static List<String> wrap(String s, int cols, int maxLines) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : s.strip().split(" +")) {
            String w = word;
            while (!w.isEmpty()) {
                int room = cols - width(line.toString()) - (line.isEmpty() ? 0 : 1);
                if (width(w) <= room) {
                    line.append(line.isEmpty() ? "" : " ").append(w);
                    w = "";
                } else if (line.isEmpty()) {
                    String head = prefix(w, cols);
                    if (head.isEmpty()) {
                        head = w.substring(0, Character.charCount(w.codePointAt(0)));
                    }
                    lines.add(head);
                    w = w.substring(head.length());
                } else {
                    lines.add(line.toString());
                    line.setLength(0);
                }
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        if (lines.size() > maxLines) {
            List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
            kept.set(maxLines - 1, prefix(kept.get(maxLines - 1), cols - 3) + "...");
            return kept;
        }
        return lines;
    }

    private static String prefix(String s, int cols) {
        int w = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (w + columns(cp) > cols) {
                break;
            }
            w += columns(cp);
            i += Character.charCount(cp);
        }
        return s.substring(0, i);
    }

    private static String suffix(String s, int cols) {
        int w = 0;
        int i = s.length();
        while (i > 0) {
            int cp = s.codePointBefore(i);
            if (w + columns(cp) > cols) {
                break;
            }
            w += columns(cp);
            i -= Character.charCount(cp);
        }
        return s.substring(i);
    }

    private static int columns(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) {
            return 0;
        }
        boolean wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
                || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x1F300 && cp <= 0x1FAFF) || (cp >= 0x20000 && cp <= 0x3FFFD);
        return wide ? 2 : 1;
    }
}
