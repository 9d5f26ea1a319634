package dev.vigil.metrics.pattern;

import java.util.Map;

/**
 * A value taken from a matching message for a metric value or dimension: {@code $.path} (JSON patterns) or
 * {@code $name} (a named column of a space-delimited pattern). Checked against the pattern when created.
 */
public final class ValueReference {

    private final String text;
    private final SelectorReader selector;
    private final String column;

    private ValueReference(String text, SelectorReader selector, String column) {
        this.text = text;
        this.selector = selector;
        this.column = column;
    }

    /** Whether a metric value string is a reference (starts with {@code $}) rather than a literal number. */
    public static boolean isReference(String s) {
        return s != null && s.startsWith("$");
    }

    static ValueReference of(String ref, FilterPattern pattern) {
        if (ref == null || !ref.startsWith("$")) {
            throw new IllegalArgumentException("'" + ref + "' is not a field reference; write $.field for a JSON "
                    + "pattern or $name for a column of a space-delimited pattern");
        }
        if (ref.startsWith("$.")) {
            if (pattern.kind() != FilterPattern.Kind.JSON) {
                throw new IllegalArgumentException("'" + ref + "' refers to a JSON field, but the filter pattern is "
                        + "not a JSON pattern { ... }; " + hint(pattern));
            }
            Cursor c = new Cursor(ref, 0);
            Selector s;
            try {
                s = SelectorParser.parse(c);
            } catch (PatternException e) {
                throw new IllegalArgumentException("'" + ref + "' is not a valid selector: " + e.problem());
            }
            if (!c.atEnd()) {
                throw new IllegalArgumentException("'" + ref + "' is not a valid selector: unexpected '"
                        + ref.substring(c.pos) + "'");
            }
            return new ValueReference(ref, new SelectorReader(s), null);
        }
        String name = ref.substring(1);
        if (pattern.kind() != FilterPattern.Kind.DELIMITED) {
            throw new IllegalArgumentException("'" + ref + "' refers to a column of a space-delimited pattern, but the "
                    + "filter pattern is not one [ ... ]; " + hint(pattern));
        }
        boolean known = ((PatternNode.Delimited) pattern.node()).columns().stream()
                .anyMatch(c -> c instanceof Column.Field f && f.name().equals(name));
        if (!known) {
            throw new IllegalArgumentException("'" + ref + "' names no column of the pattern " + pattern.text()
                    + "; use one of its column names");
        }
        return new ValueReference(ref, null, ref);
    }

    private static String hint(FilterPattern p) {
        return switch (p.kind()) {
            case JSON -> "use $.field";
            case DELIMITED -> "use $name of a named column";
            default -> "unstructured patterns extract no values, so use a literal number";
        };
    }

    public String text() {
        return text;
    }

    /**
     * The referenced value of a match: for JSON a {@link String}, {@link Long}, {@link Double} or {@link Boolean}
     * (null when absent or not a scalar); for space-delimited patterns the field's text.
     */
    public Object read(FilterPattern.Match match) {
        if (column != null) {
            Map<String, String> x = match.extracted();
            return x.get(column);
        }
        Object v = selector.read(match.message());
        return JsonValues.isScalar(v) ? v : null;
    }

    /** The referenced value as text (numbers as written in JSON), or null. */
    public String readText(FilterPattern.Match match) {
        Object v = read(match);
        return v == null ? null : JsonValues.text(v);
    }

    /** The referenced value as a number, or NaN when it is absent or not numeric. */
    public double readNumber(FilterPattern.Match match) {
        Object v = read(match);
        if (v instanceof String s) {
            return ValueReader.isNumber(s) ? Double.parseDouble(s) : Double.NaN;
        }
        return JsonValues.number(v);
    }

    @Override
    public String toString() {
        return text;
    }
}
