package dev.vigil.engine.match;

/**
 * Sigma's case-insensitive comparison, one UTF-16 unit at a time and without allocating, so that matching a
 * log value never copies it. Folding maps a character to the lower case of its upper case, like
 * {@link String#equalsIgnoreCase}; rule values are folded once when the rule is compiled.
 */
public final class CaseFold {

    private CaseFold() {
    }

    /** The folded form of one character. */
    public static char fold(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    /** The folded form of a text. */
    public static String fold(CharSequence s) {
        char[] out = new char[s.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = fold(s.charAt(i));
        }
        return new String(out);
    }

    /** A hash of the folded text, computed without building it. */
    public static int hash(CharSequence s) {
        int h = 0;
        for (int i = 0; i < s.length(); i++) {
            h = 31 * h + fold(s.charAt(i));
        }
        return h;
    }

    /** True when {@code text} equals {@code folded} (already folded) ignoring case. */
    public static boolean equalsFolded(CharSequence text, String folded) {
        if (text.length() != folded.length()) {
            return false;
        }
        for (int i = 0; i < folded.length(); i++) {
            if (fold(text.charAt(i)) != folded.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when {@code text} holds {@code pattern} at {@code offset}; {@code pattern} is folded unless
     * {@code cased}. The caller checks that the region fits.
     */
    static boolean regionMatches(CharSequence text, int offset, char[] pattern, boolean cased) {
        if (cased) {
            for (int i = 0; i < pattern.length; i++) {
                if (text.charAt(offset + i) != pattern[i]) {
                    return false;
                }
            }
        } else {
            for (int i = 0; i < pattern.length; i++) {
                if (fold(text.charAt(offset + i)) != pattern[i]) {
                    return false;
                }
            }
        }
        return true;
    }
}
