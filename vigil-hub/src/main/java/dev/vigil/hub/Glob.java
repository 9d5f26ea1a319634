package dev.vigil.hub;

/**
 * A user's wildcard pattern where {@code *} matches any run of characters (including none) and everything else
 * matches itself, case-sensitively. Matching is the classic two-pointer walk that backtracks only to the last
 * star, so it never recurses and never builds a regular expression from user text. Used for asset-file
 * entries and routing rules' finding types.
 */
public record Glob(String pattern) {

    public boolean matches(String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int resume = 0;
        while (t < text.length()) {
            if (p < pattern.length() && pattern.charAt(p) != '*' && pattern.charAt(p) == text.charAt(t)) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
