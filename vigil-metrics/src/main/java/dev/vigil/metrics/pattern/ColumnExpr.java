package dev.vigil.metrics.pattern;

import java.util.List;

/** A condition on one column of a space-delimited pattern, e.g. {@code status_code = 404 || status_code = 410}. */
public sealed interface ColumnExpr {

    record And(List<ColumnExpr> parts) implements ColumnExpr {
        public And {
            parts = List.copyOf(parts);
        }
    }

    record Or(List<ColumnExpr> parts) implements ColumnExpr {
        public Or {
            parts = List.copyOf(parts);
        }
    }

    record Comparison(Operator operator, Value value) implements ColumnExpr {
    }
}
