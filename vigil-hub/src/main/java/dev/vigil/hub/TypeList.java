package dev.vigil.hub;

/**
 * The {@code type_list} column: a finding's types, JSON-escaped and enclosed in newlines, so that a type glob is
 * answered by one regular expression per row instead of JSON parsing (see {@link SchemaMigrations}, version 2).
 */
final class TypeList {

    private static final char SEPARATOR = '\n';

    private TypeList() {
    }

    /**
     * The column value for a {@code types} JSON array as {@link JsonColumns} writes it; the same derivation as
     * migration 2's SQL, so rows written before and after it agree.
     */
    static String ofJsonArray(String typesJson) {
        if (typesJson.equals("[]")) {
            return "";
        }
        return SEPARATOR + typesJson.substring(2, typesJson.length() - 2).replace("\",\"", "\n") + SEPARATOR;
    }

    /**
     * A regular expression that matches a {@code type_list} value when one of its types matches the glob
     * ({@code *} any run of characters within one type, everything else literal, case-sensitive). Both RE2
     * (DuckDB) and PostgreSQL's regular expressions read it the same way: only ASCII punctuation is escaped, and
     * the text between the stars is JSON-escaped first, as the column is.
     */
    static String regexFor(String glob, JsonColumns json) {
        StringBuilder out = new StringBuilder("\n");
        String[] parts = glob.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                out.append("[^\n]*");
            }
            String escaped = json.ofString(parts[i]);
            appendQuoted(out, escaped.substring(1, escaped.length() - 1));
        }
        return out.append('\n').toString();
    }

    /**
     * A LIKE pattern (for {@code LIKE ? ESCAPE '\'}) over the {@code type_list} column. For a glob without
     * {@code *} it is exact on its own: {@code %\nTYPE\n%} matches only a whole type. With stars, a star may
     * cross from one type into the next, so it only narrows cheaply before {@link #regexFor} decides.
     */
    static String likeFor(String glob, JsonColumns json) {
        StringBuilder out = new StringBuilder("%\n");
        String[] parts = glob.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                out.append('%');
            }
            String escaped = json.ofString(parts[i]);
            out.append(LikePattern.literal(escaped.substring(1, escaped.length() - 1)));
        }
        return out.append("\n%").toString();
    }

    private static void appendQuoted(StringBuilder out, String literal) {
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            boolean punctuation = c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`'
                    || c >= '{' && c <= '~';
            if (punctuation) {
                out.append('\\');
            }
            out.append(c);
        }
    }
}
