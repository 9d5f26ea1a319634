package dev.vigil.metrics.pattern;

import java.util.List;

/**
 * A parsed filter pattern: one of CloudWatch's three families, or the empty pattern. The tree is immutable and is
 * what {@link FilterPattern} compiles into its matcher; tools can also walk it, e.g. to compare two patterns.
 */
public sealed interface PatternNode {

    /** The empty pattern (or {@code " "}): every event matches. */
    record MatchAll() implements PatternNode {
    }

    /**
     * An unstructured term pattern. Without {@code ?} terms, {@code groups} has one group whose terms must all be
     * present. Each {@code ?term} starts a new group (the terms written after it join that group, the way AWS's CDK
     * writes term groups); the event matches when any group has all its terms. No {@code -term} may be present.
     */
    record Terms(List<List<Term>> groups, List<Term> excluded) implements PatternNode {
        public Terms {
            groups = groups.stream().map(List::copyOf).toList();
            excluded = List.copyOf(excluded);
        }
    }

    /** A JSON pattern {@code { ... }}; matches only messages that are JSON objects. */
    record Json(JsonExpr expression) implements PatternNode {
    }

    /** A space-delimited pattern {@code [ ... ]}; columns are matched against the message's space-separated fields. */
    record Delimited(List<Column> columns) implements PatternNode {
        public Delimited {
            columns = List.copyOf(columns);
        }
    }
}
