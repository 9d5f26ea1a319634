package dev.vigil.engine.intel;

import java.util.ArrayList;
import java.util.List;

/**
 * The part of the STIX 2.1 patterning language that names addresses and domains: one or more observation
 * expressions {@code [ … ]} joined by {@code OR}, each holding comparisons joined by {@code OR} of the form
 * {@code ipv4-addr:value = '198.51.100.7'} (also {@code ISSUBSET '203.0.113.0/24'}, {@code ipv6-addr},
 * {@code domain-name}). OR means any alternative alone indicates, so each becomes an indicator; comparisons on other
 * objects (file hashes, URLs) are left out. AND, NOT, other operators, FOLLOWEDBY and qualifiers (WITHIN, REPEATS,
 * START/STOP) describe more than one address and cannot be reduced to a list: such a pattern is refused whole.
 */
final class StixPattern {

    /** One usable comparison: the STIX object type and the literal. */
    record Term(String objectType, String value) {
    }

    /** Thrown with a sentence saying what part of the pattern is not supported. */
    static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported(String message) {
            super(message, null, false, false);
        }
    }

    /** Comparisons one pattern may hold. */
    static final int MAX_TERMS = 10_000;

    private final String s;
    private int i;

    private StixPattern(String s) {
        this.s = s;
    }

    static List<Term> parse(String pattern) throws Unsupported {
        StixPattern p = new StixPattern(pattern);
        List<Term> terms = new ArrayList<>();
        p.observation(terms);
        while (p.more()) {
            p.keyword("OR");
            p.observation(terms);
        }
        return terms;
    }

    private boolean more() {
        skipSpace();
        return i < s.length();
    }

    private void observation(List<Term> terms) throws Unsupported {
        skipSpace();
        expect('[');
        comparison(terms);
        while (true) {
            skipSpace();
            if (i < s.length() && s.charAt(i) == ']') {
                i++;
                return;
            }
            keyword("OR");
            comparison(terms);
        }
    }

    private void comparison(List<Term> terms) throws Unsupported {
        skipSpace();
        int start = i;
        while (i < s.length() && s.charAt(i) != ':' && !Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        String objectType = s.substring(start, i);
        expect(':');
        start = i;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '=' && s.charAt(i) != '!') {
            i++;
        }
        String property = s.substring(start, i);
        skipSpace();
        String op;
        if (s.startsWith("=", i)) {
            op = "=";
            i++;
        } else {
            start = i;
            while (i < s.length() && Character.isLetter(s.charAt(i))) {
                i++;
            }
            op = s.substring(start, i);
            if (!op.equals("ISSUBSET")) {
                throw new Unsupported("operator '" + SetLoad.clean(op.isEmpty() ? rest() : op)
                        + "' is not supported; only = and ISSUBSET");
            }
        }
        skipSpace();
        String literal = quoted();
        if (terms.size() >= MAX_TERMS) {
            throw new Unsupported("more than " + MAX_TERMS + " comparisons in one pattern");
        }
        if (property.equals("value") && (objectType.equals("ipv4-addr") || objectType.equals("ipv6-addr")
                || objectType.equals("domain-name"))) {
            terms.add(new Term(objectType, literal));
        }
    }

    private String quoted() throws Unsupported {
        expect('\'');
        StringBuilder sb = new StringBuilder();
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '\\' && i < s.length()) {
                sb.append(s.charAt(i++));
            } else if (c == '\'') {
                return sb.toString();
            } else {
                sb.append(c);
            }
        }
        throw new Unsupported("unterminated string literal");
    }

    private void keyword(String word) throws Unsupported {
        skipSpace();
        if (!s.startsWith(word, i) || i + word.length() < s.length()
                && !Character.isWhitespace(s.charAt(i + word.length())) && s.charAt(i + word.length()) != '[') {
            throw new Unsupported("expected " + word + " at '" + SetLoad.clean(rest()) + "' (AND, NOT, FOLLOWEDBY"
                    + " and qualifiers cannot be reduced to a list of addresses)");
        }
        i += word.length();
    }

    private void expect(char c) throws Unsupported {
        skipSpace();
        if (i >= s.length() || s.charAt(i) != c) {
            throw new Unsupported("expected '" + c + "' at '" + SetLoad.clean(rest()) + "'");
        }
        i++;
    }

    private String rest() {
        return i >= s.length() ? "end of pattern" : s.substring(i, Math.min(s.length(), i + 40));
    }

    private void skipSpace() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }
}
