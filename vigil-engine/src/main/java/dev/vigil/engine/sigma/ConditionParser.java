package dev.vigil.engine.sigma;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Parses a Sigma condition such as {@code selection and not 1 of filter_*} into a {@link Condition} tree and checks
 * every identifier and pattern against the rule's search identifiers.
 *
 * <p>Grammar (keywords are case-insensitive):
 * <pre>
 *   or     := and ('or' and)*
 *   and    := not ('and' not)*
 *   not    := 'not' not | primary
 *   primary:= '(' or ')' | ('1' | 'all') 'of' (pattern | 'them') | identifier
 * </pre>
 */
public final class ConditionParser {

    /** Deepest nesting of parentheses and {@code not}; far beyond real rules, and keeps recursion bounded. */
    static final int MAX_DEPTH = 50;

    private final String text;
    private final List<String> identifiers;
    private final List<String> tokens;
    private int pos;
    private int depth;

    private ConditionParser(String text, Collection<String> identifiers) throws ConditionException {
        this.text = text;
        this.identifiers = List.copyOf(identifiers);
        this.tokens = tokenize(text);
    }

    /**
     * Parses the condition.
     *
     * @param text        the condition as written
     * @param identifiers the rule's search identifiers, in definition order
     */
    public static Condition parse(String text, Collection<String> identifiers) throws ConditionException {
        ConditionParser p = new ConditionParser(text, identifiers);
        if (p.tokens.isEmpty()) {
            throw new ConditionException("the condition is empty: name the search identifiers to match,"
                    + " e.g. 'selection and not filter'");
        }
        Condition c = p.parseOr();
        if (p.pos < p.tokens.size()) {
            throw p.error("unexpected '" + p.tokens.get(p.pos) + "'");
        }
        return c;
    }

    private static List<String> tokenize(String text) throws ConditionException {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                out.add(String.valueOf(c));
                i++;
            } else if (c == '|') {
                throw new ConditionException("condition '" + text + "' uses a '|' aggregation, which Sigma 2 removed;"
                        + " write a correlation rule (event_count/value_count) instead");
            } else {
                int start = i;
                while (i < text.length() && !Character.isWhitespace(text.charAt(i))
                        && text.charAt(i) != '(' && text.charAt(i) != ')' && text.charAt(i) != '|') {
                    i++;
                }
                out.add(text.substring(start, i));
            }
        }
        return out;
    }

    private Condition parseOr() throws ConditionException {
        List<Condition> operands = new ArrayList<>();
        operands.add(parseAnd());
        while (peekKeyword("or")) {
            pos++;
            operands.add(parseAnd());
        }
        return operands.size() == 1 ? operands.getFirst() : new Condition.Or(operands);
    }

    private Condition parseAnd() throws ConditionException {
        List<Condition> operands = new ArrayList<>();
        operands.add(parseNot());
        while (peekKeyword("and")) {
            pos++;
            operands.add(parseNot());
        }
        return operands.size() == 1 ? operands.getFirst() : new Condition.And(operands);
    }

    private Condition parseNot() throws ConditionException {
        if (peekKeyword("not")) {
            pos++;
            enter();
            Condition operand = parseNot();
            depth--;
            return new Condition.Not(operand);
        }
        return parsePrimary();
    }

    private Condition parsePrimary() throws ConditionException {
        if (pos >= tokens.size()) {
            throw error("it ends where a search identifier, 'not', '(' or '1 of' was expected");
        }
        String token = tokens.get(pos);
        if (token.equals("(")) {
            pos++;
            enter();
            Condition inner = parseOr();
            depth--;
            if (pos >= tokens.size() || !tokens.get(pos).equals(")")) {
                throw error("a '(' is not closed");
            }
            pos++;
            return inner;
        }
        if (token.equals(")")) {
            throw error("unexpected ')'");
        }
        if (pos + 1 < tokens.size() && tokens.get(pos + 1).equalsIgnoreCase("of")) {
            return parseQuantifier(token);
        }
        if (isKeyword(token)) {
            throw error("'" + token + "' is not in a place where it can stand");
        }
        pos++;
        if (token.contains("*")) {
            throw error("'" + token + "' has a wildcard; use it with '1 of' or 'all of'");
        }
        if (!identifiers.contains(token)) {
            throw error("'" + token + "' is not a search identifier of this rule (it has: "
                    + String.join(", ", identifiers) + ")");
        }
        return new Condition.Ref(token);
    }

    private Condition parseQuantifier(String quantifier) throws ConditionException {
        String q = quantifier.toLowerCase(Locale.ROOT);
        if (!q.equals("1") && !q.equals("all")) {
            throw error("'" + quantifier + " of' is not Sigma; use '1 of' or 'all of'");
        }
        pos += 2;
        if (pos >= tokens.size() || tokens.get(pos).equals("(") || tokens.get(pos).equals(")")) {
            throw error("'" + quantifier + " of' must be followed by 'them' or an identifier pattern such as"
                    + " selection_*");
        }
        String target = tokens.get(pos++);
        IdentifierSelector selector = new IdentifierSelector(
                target.equalsIgnoreCase(IdentifierSelector.THEM) ? IdentifierSelector.THEM : target);
        if (selector.select(identifiers).isEmpty()) {
            throw error(selector.isThem()
                    ? "'them' selects nothing: every search identifier starts with '_'"
                    : "pattern '" + target + "' matches no search identifier (the rule has: "
                    + String.join(", ", identifiers) + ")");
        }
        return q.equals("1") ? new Condition.OneOf(selector) : new Condition.AllOf(selector);
    }

    private void enter() throws ConditionException {
        if (++depth > MAX_DEPTH) {
            throw error("it nests deeper than " + MAX_DEPTH + " levels");
        }
    }

    private boolean peekKeyword(String keyword) {
        return pos < tokens.size() && tokens.get(pos).equalsIgnoreCase(keyword);
    }

    private static boolean isKeyword(String token) {
        String t = token.toLowerCase(Locale.ROOT);
        return t.equals("and") || t.equals("or") || t.equals("not") || t.equals("of") || t.equals("them");
    }

    private ConditionException error(String problem) {
        return new ConditionException("condition '" + text + "': " + problem);
    }
}
