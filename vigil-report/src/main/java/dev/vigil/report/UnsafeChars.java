package dev.vigil.report;

import java.util.Locale;

/**
 * The characters from log data that must never reach a terminal or a page as themselves, and the visible
 * notation shown in their place.
 *
 * <p>A character is unsafe when it is a control character (C0, DEL, C1: terminal escapes, NUL, line breaks
 * that forge extra lines), a Unicode format character (bidi overrides such as U+202E that reorder what the
 * reader sees, zero-width and tag characters that hide text), a line or paragraph separator, or half of a
 * broken surrogate pair. Each is shown as a JSON-style escape (<code>&#92;u202E</code>) so an analyst sees that it was
 * there: silently dropping it would hide the very trick an attacker used.
 */
final class UnsafeChars {

    private UnsafeChars() {
    }

    /** True when the code point must be replaced by {@link #notation(int)} before it is shown. */
    static boolean isUnsafe(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE,
                 Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
            // Noncharacters U+FFFE/U+FFFF are "unassigned" to Java but are never legitimate text.
            default -> codePoint == 0xFFFE || codePoint == 0xFFFF;
        };
    }

    /**
     * The escape shown instead of an unsafe code point: <code>&#92;u001B</code>, <code>&#92;u202E</code>; code points above
     * U+FFFF as their two UTF-16 escapes, which is also valid inside a JSON string.
     */
    static String notation(int codePoint) {
        if (Character.isSupplementaryCodePoint(codePoint)) {
            return notation(Character.highSurrogate(codePoint)) + notation(Character.lowSurrogate(codePoint));
        }
        return String.format(Locale.ROOT, "\\u%04X", codePoint);
    }
}
