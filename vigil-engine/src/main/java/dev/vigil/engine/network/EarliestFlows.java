package dev.vigil.engine.network;

import dev.vigil.model.FlowRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * The earliest flows of a key by (time, origin), at most {@code cap}: the evidence a finding shows. Keeping the
 * smallest under a total order makes the kept flows independent of arrival order and of how readers split the input.
 * A flow seen twice (same time and origin) is kept once. An origin is compared as (prefix, number) — the file's
 * {@code FILE#line } and the line — so that no origin text is built while flows are added.
 */
final class EarliestFlows {

    /**
     * One kept flow: its time and origin, and the record itself unless evidence text is off
     * ({@code evidence-text: false}), when a caller reads it back from its origin.
     */
    record Kept(long timeMillis, String originPrefix, long originNumber, FlowRecord flow) {

        /** {@code FILE#line N}, as {@link FlowRecord#origin()}. */
        String origin() {
            return FlowRecord.origin(originPrefix, originNumber);
        }
    }

    private final int cap;
    private final boolean keepText;
    /** The kept flows in order. */
    private final List<Kept> flows;
    /** The time of the last kept flow. */
    private long lastTime;

    EarliestFlows(int cap, boolean keepText) {
        this.cap = cap;
        this.keepText = keepText;
        this.flows = new ArrayList<>(Math.min(cap, 4));
    }

    EarliestFlows emptyCopy() {
        return new EarliestFlows(cap, keepText);
    }

    void add(FlowRecord r) {
        add(r.timeMillis(), r.originPrefix(), r.originNumber(), r);
    }

    void add(long time, String prefix, long number, FlowRecord r) {
        int n = flows.size();
        if (n == cap && time > lastTime) {
            return; // the common case once full, decided without reading the kept flows
        }
        if (n == cap && compare(time, prefix, number, flows.get(n - 1)) >= 0) {
            return;
        }
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int c = -compare(time, prefix, number, flows.get(mid));
            if (c == 0) {
                return;
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        flows.add(lo, new Kept(time, prefix, number, keepText ? r : null));
        if (flows.size() > cap) {
            flows.remove(flows.size() - 1);
        }
        lastTime = flows.get(flows.size() - 1).timeMillis();
    }

    /** The order of kept flows: time, then origin prefix, then number. */
    static int compare(long time, String prefix, long number, long otherTime, String otherPrefix, long otherNumber) {
        int c = Long.compare(time, otherTime);
        if (c != 0) {
            return c;
        }
        if (prefix != otherPrefix) { // one string per file: identity settles most comparisons
            c = prefix.compareTo(otherPrefix);
            if (c != 0) {
                return c;
            }
        }
        return Long.compare(number, otherNumber);
    }

    private static int compare(long time, String prefix, long number, Kept k) {
        return compare(time, prefix, number, k.timeMillis(), k.originPrefix(), k.originNumber());
    }

    void addAll(EarliestFlows other) {
        for (Kept k : other.flows) {
            add(k.timeMillis(), k.originPrefix(), k.originNumber(), k.flow());
        }
    }

    List<Kept> flows() {
        return flows;
    }
}
