package dev.vigil.engine.match;

/**
 * Substring search in ASCII bytes read in place ({@link dev.vigil.model.AsciiChars}), with Sigma's case folding:
 * an ASCII character folds to its lower case, so a folded pattern character {@code p} matches a byte {@code t}
 * exactly when {@code t == p}, or {@code p} is a lower-case letter and {@code t == p - 32}. A pattern holding any
 * other character (above 0x7F) cannot occur in ASCII text. Reading the bytes straight from their array, rather than
 * one {@code charAt} call per character through the CharSequence, is what makes the tool-name rules that run on
 * every record's user agent cheap.
 */
final class AsciiSearch {

    private AsciiSearch() {
    }

    /**
     * Whether {@code b[from, from + length)} contains {@code pattern} (folded unless {@code cased}; see
     * {@link CaseFold}).
     */
    static boolean contains(byte[] b, int from, int length, char[] pattern, boolean cased) {
        int n = pattern.length;
        if (n == 0) {
            return true;
        }
        for (char p : pattern) {
            if (p > 0x7f) {
                return false;
            }
        }
        int last = from + length - n;
        int first = pattern[0];
        boolean letter = !cased && first >= 'a' && first <= 'z';
        if (n == 1) {
            for (int i = from; i <= last; i++) {
                if ((letter ? b[i] | 0x20 : b[i]) == first) {
                    return true;
                }
            }
            return false;
        }
        // the first two characters are checked in the loop: user agents hold many of a tool name's first letter
        // (the p of Python for "parrot"), few of its first two
        int second = pattern[1];
        boolean secondLetter = !cased && second >= 'a' && second <= 'z';
        for (int i = from; i <= last; i++) {
            if ((letter ? b[i] | 0x20 : b[i]) == first && (secondLetter ? b[i + 1] | 0x20 : b[i + 1]) == second
                    && regionMatches(b, i, pattern, cased)) {
                return true;
            }
        }
        return false;
    }

    private static boolean regionMatches(byte[] b, int at, char[] pattern, boolean cased) {
        for (int k = 2; k < pattern.length; k++) {
            int t = b[at + k];
            int p = pattern[k];
            if (t != p && (cased || p < 'a' || p > 'z' || t != p - 32)) {
                return false;
            }
        }
        return true;
    }
}
