package dev.vigil.engine.network;

import dev.vigil.model.FlowRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * The earliest flows of a key by (time, origin), at most {@code cap}: the evidence a finding shows. Keeping the
 * smallest under a total order makes the kept flows independent of arrival order and of how readers split the input.
 * A flow seen twice (same time and origin) is kept once.
 */
final class EarliestFlows {

    /**
     * One kept flow: its time and origin, and the record itself unless evidence text is off
     * ({@code evidence-text: false}), when a caller reads it back from its origin.
     */
    record Kept(long timeMillis, String origin, FlowRecord flow) {
    }

    private final int cap;
    private final boolean keepText;
    /**
     * The kept flows in order; null while at most one is kept (then in {@link #one}): most entries (one instance and
     * peer in one window) see a single flow, and a list per entry was a large share of the partial state.
     */
    private List<Kept> flows;
    /** The one kept flow without text, or null. */
    private Kept one;
    /** The one kept flow with text, or null: the record stands for its own time and origin. */
    private FlowRecord oneFlow;
    /** The time of the last kept flow in {@link #flows}. */
    private long lastTime;

    EarliestFlows(int cap, boolean keepText) {
        this.cap = cap;
        this.keepText = keepText;
    }

    EarliestFlows emptyCopy() {
        return new EarliestFlows(cap, keepText);
    }

    void add(FlowRecord r) {
        add(r.timeMillis(), r.origin(), r);
    }

    private void add(long time, String origin, FlowRecord r) {
        if (flows == null) {
            Kept kept = single();
            if (kept == null) {
                if (keepText && r != null) {
                    oneFlow = r;
                } else {
                    one = new Kept(time, origin, null);
                }
                return;
            }
            int c = compare(time, origin, kept);
            if (c == 0 || (cap == 1 && c > 0)) {
                return;
            }
            flows = new ArrayList<>(Math.min(cap, 4));
            flows.add(kept);
            one = null;
            oneFlow = null;
        }
        int n = flows.size();
        if (n == cap && time > lastTime) {
            return; // the common case once full, decided without reading the kept flows
        }
        if (n == cap && compare(time, origin, flows.get(n - 1)) >= 0) {
            return; // the common case once full: later than everything kept, decided without allocating
        }
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int c = -compare(time, origin, flows.get(mid));
            if (c == 0) {
                return;
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        flows.add(lo, new Kept(time, origin, keepText ? r : null));
        if (flows.size() > cap) {
            flows.remove(flows.size() - 1);
        }
        lastTime = flows.get(flows.size() - 1).timeMillis();
    }

    private static int compare(long time, String origin, Kept k) {
        int c = Long.compare(time, k.timeMillis());
        return c != 0 ? c : origin.compareTo(k.origin());
    }

    void addAll(EarliestFlows other) {
        for (Kept k : other.flows()) {
            add(k.timeMillis(), k.origin(), k.flow());
        }
    }

    private Kept single() {
        return oneFlow != null ? new Kept(oneFlow.timeMillis(), oneFlow.origin(), oneFlow) : one;
    }

    List<Kept> flows() {
        if (flows != null) {
            return flows;
        }
        Kept kept = single();
        return kept == null ? List.of() : List.of(kept);
    }
}
