package dev.vigil.metrics.pattern;

/**
 * A string with {@code *} wildcards, matched case-sensitively. Pieces between stars are found left to right with
 * {@link String#indexOf}, which is correct for star-only globs and never backtracks.
 */
final class Wildcard {

    private final String[] pieces;
    private final boolean leadingStar;
    private final boolean trailingStar;

    Wildcard(String glob) {
        this.leadingStar = glob.startsWith("*");
        this.trailingStar = glob.endsWith("*");
        this.pieces = java.util.Arrays.stream(glob.split("\\*+")).filter(p -> !p.isEmpty()).toArray(String[]::new);
    }

    boolean matches(String s) {
        if (pieces.length == 0) {
            return leadingStar || s.isEmpty();
        }
        int from = 0;
        int last = pieces.length - 1;
        for (int i = 0; i <= last; i++) {
            String p = pieces[i];
            if (i == 0 && !leadingStar) {
                if (!s.startsWith(p)) {
                    return false;
                }
                from = p.length();
                if (last == 0 && !trailingStar) {
                    return s.length() == p.length();
                }
                continue;
            }
            if (i == last && !trailingStar) {
                return s.length() - p.length() >= from && s.endsWith(p);
            }
            int at = s.indexOf(p, from);
            if (at < 0) {
                return false;
            }
            from = at + p.length();
        }
        return true;
    }
}
