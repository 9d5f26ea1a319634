package dev.vigil.hub;

/**
 * User text turned into SQL LIKE patterns whose wildcards are only the ones meant. Use with
 * {@code LIKE ? ESCAPE '\'}: the text is bound as a parameter, never spliced into SQL.
 */
final class LikePattern {

    private LikePattern() {
    }

    /** {@code *} matches any run of characters; everything else, including {@code %} and {@code _}, literally. */
    static String glob(String glob) {
        StringBuilder out = new StringBuilder(glob.length() + 8);
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                out.append('%');
            } else {
                appendLiteral(out, c);
            }
        }
        return out.toString();
    }

    static String contains(String text) {
        return "%" + literal(text) + "%";
    }

    static String prefix(String text) {
        return literal(text) + "%";
    }

    static String literal(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            appendLiteral(out, text.charAt(i));
        }
        return out.toString();
    }

    private static void appendLiteral(StringBuilder out, char c) {
        if (c == '\\' || c == '%' || c == '_') {
            out.append('\\');
        }
        out.append(c);
    }
}
