package dev.vigil.metrics.pattern;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses {@code { expr }}. Precedence as CloudWatch documents it: parentheses, then {@code &&}, then {@code ||}.
 * Operators may be written with or without surrounding spaces.
 */
final class JsonPatternParser {

    private static final String VALUE_STOPS = ")}";

    private final Cursor c;

    private JsonPatternParser(Cursor c) {
        this.c = c;
    }

    static PatternNode.Json parse(Cursor c) {
        JsonPatternParser p = new JsonPatternParser(c);
        int open = c.pos;
        c.pos++; // '{'
        c.skipSpaces();
        if (c.peek() == '}') {
            throw c.error("the JSON pattern is empty; write a condition such as { $.eventName = \"ConsoleLogin\" }");
        }
        JsonExpr e = p.or();
        c.skipSpaces();
        if (c.atEnd()) {
            throw c.error(open, "the JSON pattern is not closed; end it with '}'");
        }
        if (c.peek() != '}') {
            throw c.error("expected '&&', '||' or '}' but found " + c.found());
        }
        c.pos++;
        c.skipSpaces();
        if (!c.atEnd()) {
            throw c.error("unexpected text after the closing '}': " + c.found());
        }
        return new PatternNode.Json(e);
    }

    private JsonExpr or() {
        List<JsonExpr> parts = new ArrayList<>();
        parts.add(and());
        while (true) {
            c.skipSpaces();
            if (!c.consume("||")) {
                break;
            }
            parts.add(and());
        }
        return parts.size() == 1 ? parts.getFirst() : new JsonExpr.Or(parts);
    }

    private JsonExpr and() {
        List<JsonExpr> parts = new ArrayList<>();
        parts.add(primary());
        while (true) {
            c.skipSpaces();
            if (!c.consume("&&")) {
                break;
            }
            parts.add(primary());
        }
        return parts.size() == 1 ? parts.getFirst() : new JsonExpr.And(parts);
    }

    private JsonExpr primary() {
        c.skipSpaces();
        if (c.peek() == '(') {
            int open = c.pos;
            c.pos++;
            JsonExpr inner = or();
            c.skipSpaces();
            if (c.peek() != ')') {
                if (c.atEnd() || c.peek() == '}') {
                    throw c.error(open, "this '(' is never closed; add the matching ')'");
                }
                throw c.error("expected '&&', '||' or ')' but found " + c.found());
            }
            c.pos++;
            return inner;
        }
        if (c.peek() != '$') {
            throw c.error("expected a selector such as $.eventName or '(' but found " + c.found());
        }
        Selector s = SelectorParser.parse(c);
        c.skipSpaces();
        Operator op = operator();
        if (op != null) {
            c.skipSpaces();
            return new JsonExpr.Comparison(s, op, ValueReader.read(c, VALUE_STOPS, op));
        }
        return test(s);
    }

    private Operator operator() {
        return Operator.read(c);
    }

    private JsonExpr test(Selector s) {
        int at = c.pos;
        String word = word();
        if (word.equals("IS")) {
            c.skipSpaces();
            int second = c.pos;
            String what = word();
            return switch (what) {
                case "NULL" -> new JsonExpr.Test(s, JsonExpr.Property.IS_NULL);
                case "TRUE" -> new JsonExpr.Test(s, JsonExpr.Property.IS_TRUE);
                case "FALSE" -> new JsonExpr.Test(s, JsonExpr.Property.IS_FALSE);
                case "NOT" -> throw c.error(second, "'IS NOT' is not supported by CloudWatch; use '!=' for values "
                        + "or NOT EXISTS for a missing field");
                default -> throw c.error(second, "expected NULL, TRUE or FALSE after IS but found "
                        + (what.isEmpty() ? c.found() : "'" + what + "'") + " (keywords are upper case)");
            };
        }
        if (word.equals("NOT")) {
            c.skipSpaces();
            int second = c.pos;
            if (!word().equals("EXISTS")) {
                c.pos = second;
                throw c.error("expected EXISTS after NOT but found " + c.found());
            }
            return new JsonExpr.Test(s, JsonExpr.Property.NOT_EXISTS);
        }
        if (word.equals("EXISTS")) {
            throw c.error(at, "'EXISTS' is not supported by CloudWatch; test that a field exists with "
                    + s.text() + " = *");
        }
        c.pos = at;
        throw c.error("expected =, !=, <, <=, >, >=, IS NULL, IS TRUE, IS FALSE or NOT EXISTS after "
                + s.text() + " but found " + c.found() + (word.isEmpty() || word.equals(word.toUpperCase())
                ? "" : " (keywords are upper case)"));
    }

    private String word() {
        int start = c.pos;
        while (!c.atEnd() && Character.isLetter(c.peek())) {
            c.pos++;
        }
        return c.text.substring(start, c.pos);
    }
}
