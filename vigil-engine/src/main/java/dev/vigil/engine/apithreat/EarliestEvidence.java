package dev.vigil.engine.apithreat;

import dev.vigil.model.Event;
import dev.vigil.model.Evidence;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The earliest records by (time, origin, event id), at most a fixed number: the same whichever way the records were
 * split among partial states or ordered, since merging two of these keeps the earliest of their union. Which of them
 * hold the record's text can depend on order once a state's {@link TextBudget} is spent.
 */
final class EarliestEvidence {

    private static final Comparator<Evidence> ORDER = Comparator.comparing(Evidence::time)
            .thenComparing(Evidence::origin).thenComparing(Evidence::eventId);

    private final int cap;
    private final boolean withText;
    private final TreeSet<Evidence> kept = new TreeSet<>(ORDER);

    /**
     * @param withText false to keep only id, time and origin ({@link Evidence#withoutText}); {@code vigil scan} reads
     *                 such records back from their files when it shows the finding
     */
    EarliestEvidence(int cap, boolean withText) {
        this.cap = cap;
        this.withText = withText;
    }

    void add(Event e, TextBudget budget) {
        if (kept.size() == cap) {
            Evidence last = kept.last();
            Instant t = Instant.ofEpochMilli(e.timeMillis());
            int c = t.compareTo(last.time());
            if (c > 0 || c == 0 && e.origin().compareTo(last.origin()) >= 0) {
                return; // would not be kept: do not copy the record
            }
        }
        boolean copy = withText && budget.take(e.rawJson().length());
        offer(copy ? Evidence.of(e) : Evidence.withoutText(e));
    }

    private void offer(Evidence ev) {
        if (kept.add(ev) && kept.size() > cap) {
            kept.pollLast();
        }
    }

    void merge(EarliestEvidence other) {
        for (Evidence ev : other.kept) {
            offer(ev);
        }
    }

    List<Evidence> list() {
        return List.copyOf(kept);
    }
}
