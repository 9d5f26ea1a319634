package dev.vigil.engine.sigma;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The right-hand side of {@code 1 of …}/{@code all of …}: {@code them} (every identifier not starting with
 * {@code _}) or a pattern where {@code *} stands for any run of characters.
 */
public record IdentifierSelector(String pattern) {

    public static final String THEM = "them";

    public IdentifierSelector {
        Objects.requireNonNull(pattern, "pattern");
    }

    public boolean isThem() {
        return pattern.equals(THEM);
    }

    /** The identifiers this selector picks, in the order given. */
    public List<String> select(Collection<String> identifiers) {
        List<String> out = new ArrayList<>();
        for (String id : identifiers) {
            if (isThem() ? !id.startsWith("_") : globMatches(pattern, id)) {
                out.add(id);
            }
        }
        return out;
    }

    private static boolean globMatches(String glob, String text) {
        int g = 0;
        int t = 0;
        int star = -1;
        int mark = 0;
        while (t < text.length()) {
            if (g < glob.length() && glob.charAt(g) != '*' && glob.charAt(g) == text.charAt(t)) {
                g++;
                t++;
            } else if (g < glob.length() && glob.charAt(g) == '*') {
                star = g++;
                mark = t;
            } else if (star >= 0) {
                g = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (g < glob.length() && glob.charAt(g) == '*') {
            g++;
        }
        return g == glob.length();
    }
}
