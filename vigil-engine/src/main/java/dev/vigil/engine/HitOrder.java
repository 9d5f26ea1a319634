package dev.vigil.engine;

import java.util.Comparator;

/**
 * The one order of hits that makes results independent of arrival order: event time, then record identity, then
 * where the record was read (so that of two copies of a record the same one is always kept).
 */
final class HitOrder {

    /** Time, then identity: two hits equal here are the same record. */
    static final Comparator<RuleHit> RECORD = HitOrder::compareRecord;

    /** {@link #RECORD}, then origin and text: a total order over copies. */
    static final Comparator<RuleHit> TOTAL = HitOrder::compareTotal;

    private HitOrder() {
    }

    static int compareRecord(RuleHit a, RuleHit b) {
        int c = Long.compare(a.timeMillis(), b.timeMillis());
        return c != 0 ? c : a.identity().compareTo(b.identity());
    }

    static int compareTotal(RuleHit a, RuleHit b) {
        int c = compareRecord(a, b);
        if (c != 0) {
            return c;
        }
        c = a.evidence().origin().compareTo(b.evidence().origin());
        return c != 0 ? c : a.evidence().rawJson().compareTo(b.evidence().rawJson());
    }
}
