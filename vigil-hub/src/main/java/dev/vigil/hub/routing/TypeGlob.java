package dev.vigil.hub.routing;

/**
 * A finding-type pattern where {@code *} stands for any run of characters (including {@code /}), e.g.
 * {@code TTPs/*} or {@code *Exfiltration*}; everything else matches itself, case-sensitively as ASFF types are.
 * Matching is linear-time in practice (greedy with one backtrack point), whatever the pattern.
 */
record TypeGlob(String pattern) {

    boolean matches(String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int resume = 0;
        while (t < text.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = t;
            } else if (p < pattern.length() && pattern.charAt(p) == text.charAt(t)) {
                p++;
                t++;
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
}
