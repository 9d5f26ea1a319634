package dev.vigil.engine.sigma;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses the aggregation after the {@code |} of a Sigma 1 condition:
 * <pre>
 *   aggregation := 'count' '(' [field] ')' ['by' field (',' field)*] operator number
 *   operator    := '&gt;' | '&gt;=' | '&lt;' | '&lt;=' | '=' | '=='
 * </pre>
 * {@code count()} counts matching events (Sigma 2's {@code event_count}); {@code count(field)} counts the distinct
 * values of the field ({@code value_count}); {@code near a and b} asks for the named searches to match within the
 * timeframe of an event of the main condition, in any order ({@code temporal} over one rule per search). The other
 * Sigma 1 functions ({@code min}, {@code max}, {@code avg}, {@code sum}) are refused with a message saying why. A hand-written tokenizer keeps parsing
 * linear in the length of the text, whatever the text holds.
 */
final class LegacyAggregationParser {

    private static final Map<String, CountCondition.Operator> OPERATORS = Map.of(
            ">", CountCondition.Operator.GT, ">=", CountCondition.Operator.GTE,
            "<", CountCondition.Operator.LT, "<=", CountCondition.Operator.LTE,
            "=", CountCondition.Operator.EQ, "==", CountCondition.Operator.EQ);

    private final String text;
    private final List<String> tokens;
    private int pos;

    private LegacyAggregationParser(String text) {
        this.text = text.strip();
        this.tokens = tokenize(this.text);
    }

    /**
     * The aggregation written after the {@code |}.
     *
     * @param text     the text after the pipe
     * @param timespan the rule's timeframe
     * @throws ConditionException naming what is wrong or unsupported
     */
    static LegacyAggregation parse(String text, Duration timespan) throws ConditionException {
        return parse(text, timespan, Set.of());
    }

    /**
     * The aggregation written after the {@code |}.
     *
     * @param text        the text after the pipe
     * @param timespan    the rule's timeframe
     * @param identifiers the rule's search identifiers, which {@code near} may name
     * @throws ConditionException naming what is wrong or unsupported
     */
    static LegacyAggregation parse(String text, Duration timespan, Set<String> identifiers)
            throws ConditionException {
        return new LegacyAggregationParser(text).aggregation(timespan, identifiers);
    }

    private LegacyAggregation aggregation(Duration timespan, Set<String> identifiers)
            throws ConditionException {
        if (tokens.isEmpty()) {
            throw error("nothing follows the '|'; write an aggregation such as count() by userIdentity.arn > 5");
        }
        String function = tokens.getFirst().toLowerCase(Locale.ROOT);
        switch (function) {
            case "count" -> pos++;
            case "near" -> {
                return near(timespan, identifiers);
            }
            case "min", "max", "avg", "sum" -> throw error("the Sigma 1 function '" + function + "()' is not"
                    + " supported; Vigil translates count() (number of events) and count(field) (number of distinct"
                    + " values) into correlations");
            default -> throw error("'" + tokens.getFirst() + "' is not an aggregation; write count() or count(field)");
        }
        expect("(", "count must be followed by '(': count() or count(field)");
        String field = null;
        if (!peek(")")) {
            field = fieldName("count(...)");
        }
        expect(")", "count(...) takes at most one field and must be closed with ')'");
        List<String> groupBy = new ArrayList<>();
        if (pos < tokens.size() && tokens.get(pos).equalsIgnoreCase("by")) {
            pos++;
            groupBy.add(fieldName("by"));
            while (peek(",")) {
                pos++;
                groupBy.add(fieldName("by"));
            }
        }
        CountCondition.Operator op = pos < tokens.size() ? OPERATORS.get(tokens.get(pos)) : null;
        if (op == null) {
            throw error("expected a comparison (>, >=, <, <=, =) and a number at the end, e.g. '> 5'");
        }
        pos++;
        String number = pos < tokens.size() ? tokens.get(pos++) : "";
        if (!number.matches("\\d{1,18}")) {
            throw error("'" + number + "' is not a whole number ≥ 0 to compare the count with");
        }
        if (pos < tokens.size()) {
            throw error("unexpected '" + tokens.get(pos) + "' after the comparison");
        }
        return new LegacyAggregation(field == null ? CorrelationType.EVENT_COUNT : CorrelationType.VALUE_COUNT, field,
                groupBy, CountCondition.of(op, Long.parseLong(number)), timespan);
    }

    /** {@code near a [and b ...]}: plain search identifiers joined by {@code and}. */
    private LegacyAggregation near(Duration timespan, Set<String> identifiers) throws ConditionException {
        pos++;
        List<String> searches = new ArrayList<>();
        while (true) {
            String t = pos < tokens.size() ? tokens.get(pos) : "";
            if (t.equalsIgnoreCase("not") || t.equalsIgnoreCase("or") || t.equals("(")) {
                throw error("'near' takes search identifiers joined by 'and'; '" + t + "' cannot be expressed as a"
                        + " temporal correlation: write a Sigma 2 correlation rule instead");
            }
            if (!identifiers.contains(t)) {
                throw error(t.isEmpty() ? "'near' must name at least one search identifier"
                        : "'" + t + "' is not a search identifier of this rule");
            }
            if (!searches.contains(t)) {
                searches.add(t);
            }
            pos++;
            if (pos == tokens.size()) {
                break;
            }
            String joiner = tokens.get(pos);
            if (joiner.equalsIgnoreCase("or") || joiner.equals("(")) {
                throw error("'near' takes search identifiers joined by 'and'; '" + joiner + "' cannot be expressed as a"
                        + " temporal correlation: write a Sigma 2 correlation rule instead");
            }
            if (!joiner.equalsIgnoreCase("and")) {
                throw error("expected 'and' or the end after '" + t + "', found '" + joiner + "'");
            }
            pos++;
        }
        return new LegacyAggregation(CorrelationType.TEMPORAL, null, List.of(),
                CountCondition.of(CountCondition.Operator.GTE, searches.size() + 1L), timespan, searches);
    }

    private String fieldName(String after) throws ConditionException {
        String t = pos < tokens.size() ? tokens.get(pos) : "";
        if (t.isEmpty() || t.equals("(") || t.equals(")") || t.equals(",") || OPERATORS.containsKey(t)) {
            throw error("a field name must follow " + after);
        }
        if (t.startsWith(".") || t.endsWith(".") || t.contains("..")) {
            throw error("field path '" + t + "' is not valid: write dotted names such as userIdentity.arn");
        }
        pos++;
        return t;
    }

    private boolean peek(String token) {
        return pos < tokens.size() && tokens.get(pos).equals(token);
    }

    private void expect(String token, String message) throws ConditionException {
        if (!peek(token)) {
            throw error(message);
        }
        pos++;
    }

    private ConditionException error(String problem) {
        return new ConditionException("aggregation '" + text + "': " + problem);
    }

    private static List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == ',') {
                out.add(String.valueOf(c));
                i++;
            } else if (c == '<' || c == '>' || c == '=') {
                boolean twoChars = i + 1 < text.length() && text.charAt(i + 1) == '=';
                out.add(text.substring(i, twoChars ? i + 2 : i + 1));
                i += twoChars ? 2 : 1;
            } else {
                int start = i;
                while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && "(),<>=".indexOf(text.charAt(i)) < 0) {
                    i++;
                }
                out.add(text.substring(start, i));
            }
        }
        return out;
    }

    /**
     * The {@code timeframe} of a Sigma 1 rule: a number and s, m, h or d, at most
     * {@link SigmaRuleParser#MAX_TIMESPAN}.
     *
     * @throws ConditionException when it is not one
     */
    static Duration timeframe(String text) throws ConditionException {
        String t = text.strip();
        if (SigmaTimespan.hasUnit(t, 'M')) {
            throw new ConditionException("timeframe '" + text + "' is in months, which have no fixed"
                    + " length; write it in days, e.g. 30d");
        }
        Duration d = SigmaTimespan.parse(t, "smhd");
        if (d == null) {
            throw new ConditionException("timeframe '" + text + "' is not a number followed by s, m, h or d, e.g. 10m");
        }
        if (!SigmaTimespan.inRange(d)) {
            throw new ConditionException("timeframe '" + text + "' must be more than 0 and at most "
                    + SigmaRuleParser.MAX_TIMESPAN.toDays() + "d");
        }
        return d;
    }
}
