package dev.vigil.metrics.pattern;

/** Counts the {@code %regex%} values in a pattern (CloudWatch limits them per pattern). */
final class RegexCount {

    private RegexCount() {
    }

    static int of(PatternNode node) {
        return switch (node) {
            case PatternNode.MatchAll m -> 0;
            case PatternNode.Terms t -> (int) (t.groups().stream().flatMap(java.util.List::stream)
                    .filter(x -> x instanceof Term.Regex).count()
                    + t.excluded().stream().filter(x -> x instanceof Term.Regex).count());
            case PatternNode.Json j -> of(j.expression());
            case PatternNode.Delimited d -> d.columns().stream()
                    .mapToInt(c -> c instanceof Column.Field f && f.condition() != null ? of(f.condition()) : 0).sum();
        };
    }

    private static int of(JsonExpr e) {
        return switch (e) {
            case JsonExpr.And a -> a.parts().stream().mapToInt(RegexCount::of).sum();
            case JsonExpr.Or o -> o.parts().stream().mapToInt(RegexCount::of).sum();
            case JsonExpr.Comparison c -> c.value() instanceof Value.Regex ? 1 : 0;
            case JsonExpr.Test t -> 0;
        };
    }

    private static int of(ColumnExpr e) {
        return switch (e) {
            case ColumnExpr.And a -> a.parts().stream().mapToInt(RegexCount::of).sum();
            case ColumnExpr.Or o -> o.parts().stream().mapToInt(RegexCount::of).sum();
            case ColumnExpr.Comparison c -> c.value() instanceof Value.Regex ? 1 : 0;
        };
    }
}
