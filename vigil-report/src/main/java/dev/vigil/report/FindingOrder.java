package dev.vigil.report;

import dev.vigil.model.Finding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The order findings are shown in everywhere: most severe first, then earliest first seen. */
final class FindingOrder {

    /** Ties on severity and time fall back to rule and finding id so the order never depends on input order. */
    static final Comparator<Finding> MOST_SEVERE_FIRST = Comparator
            .comparing(Finding::severity, Comparator.reverseOrder())
            .thenComparing(Finding::firstSeen)
            .thenComparing(f -> f.rule().id())
            .thenComparing(Finding::id);

    private FindingOrder() {
    }

    static List<Finding> sorted(List<Finding> findings) {
        List<Finding> copy = new ArrayList<>(findings);
        copy.sort(MOST_SEVERE_FIRST);
        return copy;
    }
}
