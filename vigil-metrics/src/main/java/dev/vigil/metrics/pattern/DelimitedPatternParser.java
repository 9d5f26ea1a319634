package dev.vigil.metrics.pattern;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses {@code [ip, user, ..., status_code = 4*, bytes > 1000]}. A column's condition may combine comparisons
 * on that same column with {@code &&} and {@code ||} ({@code &&} binds tighter).
 */
final class DelimitedPatternParser {

    private static final String VALUE_STOPS = ",]";

    private final Cursor c;

    private DelimitedPatternParser(Cursor c) {
        this.c = c;
    }

    static PatternNode.Delimited parse(Cursor c) {
        return new DelimitedPatternParser(c).columns();
    }

    private PatternNode.Delimited columns() {
        int open = c.pos;
        c.pos++; // '['
        List<Column> columns = new ArrayList<>();
        Set<String> names = new HashSet<>();
        while (true) {
            c.skipSpaces();
            if (c.atEnd()) {
                throw c.error(open, "the space-delimited pattern is not closed; end it with ']'");
            }
            if (c.peek() == ']' && columns.isEmpty()) {
                throw c.error("the space-delimited pattern has no columns; name them, e.g. [ip, user, status]");
            }
            int at = c.pos;
            if (c.consume("...")) {
                columns.add(new Column.Ellipsis());
            } else {
                String name = SelectorParser.name(c);
                if (name.isEmpty()) {
                    throw c.error("expected a column name or '...' but found " + c.found()
                            + "; names are letters, digits, '_' and '-'");
                }
                if (!names.add(name)) {
                    throw c.error(at, "the column name '" + name + "' is used twice; give each column its own name");
                }
                c.skipSpaces();
                ColumnExpr condition = startsOperator() ? or(name, true) : null;
                columns.add(new Column.Field(name, condition));
            }
            c.skipSpaces();
            if (c.consume(",")) {
                continue;
            }
            if (c.consume("]")) {
                break;
            }
            throw c.error(c.atEnd() ? open : c.pos, c.atEnd()
                    ? "the space-delimited pattern is not closed; end it with ']'"
                    : "expected ',' or ']' after a column but found " + c.found());
        }
        c.skipSpaces();
        if (!c.atEnd()) {
            throw c.error("unexpected text after the closing ']': " + c.found());
        }
        return new PatternNode.Delimited(columns);
    }

    private boolean startsOperator() {
        char ch = c.peek();
        return ch == '=' || ch == '!' || ch == '<' || ch == '>';
    }

    private ColumnExpr or(String column, boolean first) {
        List<ColumnExpr> parts = new ArrayList<>();
        parts.add(and(column, first));
        while (true) {
            c.skipSpaces();
            if (!c.consume("||")) {
                break;
            }
            parts.add(and(column, false));
        }
        return parts.size() == 1 ? parts.getFirst() : new ColumnExpr.Or(parts);
    }

    private ColumnExpr and(String column, boolean first) {
        List<ColumnExpr> parts = new ArrayList<>();
        parts.add(comparison(column, first));
        while (true) {
            c.skipSpaces();
            if (!c.consume("&&")) {
                break;
            }
            parts.add(comparison(column, false));
        }
        return parts.size() == 1 ? parts.getFirst() : new ColumnExpr.And(parts);
    }

    private ColumnExpr comparison(String column, boolean first) {
        c.skipSpaces();
        if (!first) {
            int at = c.pos;
            String name = SelectorParser.name(c);
            if (!name.equals(column)) {
                throw c.error(at, "a condition in column '" + column + "' can only test that column; write "
                        + column + " " + "<op> <value> here" + (name.isEmpty() ? "" : " instead of '" + name + "'"));
            }
            c.skipSpaces();
        }
        Operator op = operator();
        c.skipSpaces();
        return new ColumnExpr.Comparison(op, ValueReader.read(c, VALUE_STOPS, op));
    }

    private Operator operator() {
        Operator op = Operator.read(c);
        if (op == null) {
            throw c.error("expected =, !=, <, <=, > or >= but found " + c.found());
        }
        return op;
    }
}
