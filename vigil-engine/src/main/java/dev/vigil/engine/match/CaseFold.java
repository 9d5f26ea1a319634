package dev.vigil.engine.match;

/**
 * Sigma's case-insensitive comparison, one UTF-16 unit at a time and without allocating, so that matching a
 * log value never copies it. Folding maps a character to the lower case of its upper case, like
 * {@link String#equalsIgnoreCase}; rule values are folded once when the rule is compiled.
 */
public final class CaseFold {

    private CaseFold() {
    }

    /**
     * Every UTF-16 unit's folded form, computed once (128 KiB): log values with non-ASCII text (names, paths,
     * forged user agents) otherwise paid two Unicode table lookups per character and per pattern.
     */
    private static final char[] FOLDED = new char[0x10000];

    static {
        for (int c = 0; c < FOLDED.length; c++) {
            FOLDED[c] = Character.toLowerCase(Character.toUpperCase((char) c));
        }
    }

    /** The folded form of one character. */
    public static char fold(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return FOLDED[c];
    }

    /** Per ASCII lower-case letter, the characters above 0x7f that fold to it (the Kelvin sign to k, …). */
    private static final char[][] NON_ASCII_FOLDING = nonAsciiFolding();

    private static char[][] nonAsciiFolding() {
        StringBuilder[] found = new StringBuilder[26];
        for (int c = 0x80; c <= 0xFFFF; c++) {
            if (Character.isSurrogate((char) c)) {
                continue;
            }
            char f = fold((char) c);
            if (f >= 'a' && f <= 'z') {
                if (found[f - 'a'] == null) {
                    found[f - 'a'] = new StringBuilder();
                }
                found[f - 'a'].append((char) c);
            }
        }
        char[][] out = new char[26][];
        for (int i = 0; i < 26; i++) {
            out[i] = found[i] == null ? new char[0] : found[i].toString().toCharArray();
        }
        return out;
    }

    /** True when the text holds a character above 0x7f that folds to the ASCII lower-case letter. */
    static boolean holdsNonAsciiFolding(String s, char letter) {
        for (char c : NON_ASCII_FOLDING[letter - 'a']) {
            if (s.indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
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
