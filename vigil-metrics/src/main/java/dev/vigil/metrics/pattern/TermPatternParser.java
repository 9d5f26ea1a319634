package dev.vigil.metrics.pattern;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses unstructured term patterns: {@code ERROR ARGUMENTS} (all), {@code ?ERROR ?WARN} (any),
 * {@code ERROR -ARGUMENTS} (exclude), {@code "INTERNAL SERVER ERROR"} (phrase), {@code %regex%}.
 */
final class TermPatternParser {

    private TermPatternParser() {
    }

    static PatternNode.Terms parse(Cursor c) {
        List<List<Term>> groups = new ArrayList<>();
        List<Term> current = new ArrayList<>();
        List<Term> excluded = new ArrayList<>();
        boolean anyOptional = false;
        while (true) {
            c.skipSpaces();
            if (c.atEnd()) {
                break;
            }
            char prefix = c.peek();
            if (prefix == '?' || prefix == '-') {
                c.pos++;
            }
            Term t = term(c, prefix);
            if (prefix == '-') {
                excluded.add(t);
            } else if (prefix == '?') {
                anyOptional = true;
                if (!current.isEmpty()) {
                    groups.add(current);
                }
                current = new ArrayList<>();
                current.add(t);
            } else {
                current.add(t);
            }
        }
        if (!current.isEmpty() || groups.isEmpty()) {
            groups.add(current);
        }
        // "-ERROR" alone: nothing required, the exclusion decides
        return new PatternNode.Terms(anyOptional || !groups.getFirst().isEmpty() ? groups : List.of(List.of()),
                excluded);
    }

    private static Term term(Cursor c, char prefix) {
        if (c.atEnd() || Character.isWhitespace(c.peek())) {
            throw c.error("expected a term after '" + prefix + "'");
        }
        if (c.peek() == '"') {
            return new Term.Phrase(c.quoted());
        }
        if (c.peek() == '%') {
            return new Term.Regex(RegexRules.read(c));
        }
        int start = c.pos;
        while (!c.atEnd() && !Character.isWhitespace(c.peek())) {
            if (c.peek() == '"') {
                throw c.error("a term containing '\"' must be quoted as a whole, e.g. \"a\\\"b\"");
            }
            c.pos++;
        }
        return new Term.Phrase(c.text.substring(start, c.pos));
    }
}
