package dev.vigil.metrics.pattern;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a {@link PatternNode.Delimited}. Without {@code ...} the message must have exactly one field per
 * column. With {@code ...} the columns are aligned like a glob ({@code ...} = {@code *}, a column = one field),
 * leftmost first, backtracking only to the last {@code ...}: time is at most columns × fields, memory constant.
 */
final class DelimitedMatcher {

    private final String[] names;      // null for '...'
    private final ColumnTest[] tests;  // null when the column has no condition

    DelimitedMatcher(PatternNode.Delimited node) {
        List<Column> cols = node.columns();
        names = new String[cols.size()];
        tests = new ColumnTest[cols.size()];
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i) instanceof Column.Field f) {
                names[i] = f.name();
                tests[i] = f.condition() == null ? null : ColumnTest.compile(f.condition());
            }
        }
    }

    /** The extracted {@code $name → field} values when the message matches, else null. */
    Map<String, String> match(String text) {
        List<String> fields = DelimitedFields.split(text);
        int[] at = align(fields);
        if (at == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            if (names[i] != null) {
                out.put("$" + names[i], fields.get(at[i]));
            }
        }
        return out;
    }

    private int[] align(List<String> fields) {
        int cols = names.length;
        int[] at = new int[cols];
        int c = 0;
        int f = 0;
        int starCol = -1;
        int starField = -1;
        while (f < fields.size()) {
            if (c < cols && names[c] != null && (tests[c] == null || tests[c].test(fields.get(f)))) {
                at[c++] = f++;
            } else if (c < cols && names[c] == null) {
                starCol = c++;
                starField = f;
            } else if (starCol >= 0) {
                c = starCol + 1;
                f = ++starField;
            } else {
                return null;
            }
        }
        while (c < cols && names[c] == null) {
            c++;
        }
        return c == cols ? at : null;
    }

    /** A column's condition compiled. */
    sealed interface ColumnTest {
        boolean test(String field);

        static ColumnTest compile(ColumnExpr e) {
            return switch (e) {
                case ColumnExpr.And a -> new All(a.parts().stream().map(ColumnTest::compile).toArray(ColumnTest[]::new));
                case ColumnExpr.Or o -> new Any(o.parts().stream().map(ColumnTest::compile).toArray(ColumnTest[]::new));
                case ColumnExpr.Comparison c -> new Compare(ScalarTest.of(c.operator(), c.value()),
                        c.operator() == Operator.NE);
            };
        }
    }

    record All(ColumnTest[] parts) implements ColumnTest {
        @Override
        public boolean test(String field) {
            for (ColumnTest p : parts) {
                if (!p.test(field)) {
                    return false;
                }
            }
            return true;
        }
    }

    record Any(ColumnTest[] parts) implements ColumnTest {
        @Override
        public boolean test(String field) {
            for (ColumnTest p : parts) {
                if (p.test(field)) {
                    return true;
                }
            }
            return false;
        }
    }

    record Compare(ScalarTest test, boolean negate) implements ColumnTest {
        @Override
        public boolean test(String field) {
            return test.token(field) != negate;
        }
    }
}
