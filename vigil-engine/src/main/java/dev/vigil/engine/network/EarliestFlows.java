package dev.vigil.engine.network;

import dev.vigil.model.FlowRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The earliest flows of a key by (time, origin), at most {@code cap}: the evidence a finding shows. Keeping the
 * smallest under a total order makes the kept flows independent of arrival order and of how readers split the input.
 * A flow seen twice (same time and origin) is kept once.
 */
final class EarliestFlows {

    static final Comparator<FlowRecord> ORDER =
            Comparator.comparingLong(FlowRecord::timeMillis).thenComparing(FlowRecord::origin);

    private final int cap;
    private final List<FlowRecord> flows = new ArrayList<>(2);

    EarliestFlows(int cap) {
        this.cap = cap;
    }

    EarliestFlows emptyCopy() {
        return new EarliestFlows(cap);
    }

    void add(FlowRecord r) {
        int n = flows.size();
        if (n == cap && ORDER.compare(r, flows.get(n - 1)) >= 0) {
            return;
        }
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int c = ORDER.compare(flows.get(mid), r);
            if (c == 0) {
                return;
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        flows.add(lo, r);
        if (flows.size() > cap) {
            flows.remove(flows.size() - 1);
        }
    }

    void addAll(EarliestFlows other) {
        other.flows.forEach(this::add);
    }

    List<FlowRecord> flows() {
        return flows;
    }
}
