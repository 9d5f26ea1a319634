package dev.vigil.metrics.pattern;

/** One column of a space-delimited pattern. */
public sealed interface Column {

    /** {@code ...}: any number of unnamed fields. */
    record Ellipsis() implements Column {
    }

    /** A named field; {@code condition} is null when the column only names (and extracts) the field. */
    record Field(String name, ColumnExpr condition) implements Column {
    }
}
