package dev.vigil.engine.network;

import dev.vigil.engine.intel.IntelMatch;
import dev.vigil.model.FlowRecord;

/**
 * The facts one partial-state entry keeps about its flows — all of them sums, minima, maxima, capped sets of the
 * smallest values or the earliest flows, so that merging partial states in any order gives the same result.
 */
final class Tally {

    long flows;
    long packets;
    long bytes;
    long accepted;
    /** Earliest and latest flow time (ms). */
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    /** Earliest flow start and latest flow end (seconds), for durations. */
    long minStart = Long.MAX_VALUE;
    long maxEnd = Long.MIN_VALUE;
    /** Beaconing: small outbound connection records, their bytes and squared bytes (saturating). */
    long beaconFlows;
    long beaconBytes;
    long sumSquares;
    /** Distinct ports or hosts, or local ports for mining and beaconing. */
    SmallestLongs distinct;
    /** Distinct connection start times (beaconing). */
    SmallestLongs starts;
    /** Port probes: the port was seen open to the internet. */
    boolean open;
    /** The strongest indicator match among the flows. */
    IntelMatch match;
    EarliestFlows evidence;

    void add(FlowRecord r, long timeMillis, int evidenceCap, boolean evidenceText) {
        flows++;
        if (r.packets() > 0) {
            packets += r.packets();
        }
        if (r.bytes() > 0) {
            bytes += r.bytes();
        }
        if (r.action() == FlowRecord.Action.ACCEPT) {
            accepted++;
        }
        first = Math.min(first, timeMillis);
        last = Math.max(last, timeMillis);
        long start = r.start() != FlowRecord.ABSENT ? r.start() : timeMillis / 1000;
        minStart = Math.min(minStart, start);
        maxEnd = Math.max(maxEnd, Math.floorDiv(timeMillis, 1000));
        if (evidenceCap > 0) {
            if (evidence == null) {
                evidence = new EarliestFlows(evidenceCap, evidenceText);
            }
            evidence.add(r);
        }
    }

    void distinct(long value, int cap) {
        if (distinct == null) {
            distinct = new SmallestLongs(cap);
        }
        distinct.add(value);
    }

    void start(long seconds, int cap) {
        if (starts == null) {
            starts = new SmallestLongs(cap);
        }
        starts.add(seconds);
    }

    void beacon(long flowBytes) {
        beaconFlows++;
        beaconBytes += flowBytes;
        long sq = flowBytes * flowBytes;
        sumSquares = sumSquares > Long.MAX_VALUE - sq ? Long.MAX_VALUE : sumSquares + sq;
    }

    void match(IntelMatch m) {
        match = stronger(match, m);
    }

    int distinctCount() {
        return distinct == null ? 0 : distinct.size();
    }

    void merge(Tally o) {
        flows += o.flows;
        packets += o.packets;
        bytes += o.bytes;
        accepted += o.accepted;
        first = Math.min(first, o.first);
        last = Math.max(last, o.last);
        minStart = Math.min(minStart, o.minStart);
        maxEnd = Math.max(maxEnd, o.maxEnd);
        beaconFlows += o.beaconFlows;
        beaconBytes += o.beaconBytes;
        sumSquares = sumSquares > Long.MAX_VALUE - o.sumSquares ? Long.MAX_VALUE : sumSquares + o.sumSquares;
        // Copies, never adopts: one entry can be merged into several totals (a window's flood, the hour's volume,
        // the pair's beacon), and a shared set would then be changed through the other.
        if (o.distinct != null) {
            if (distinct == null) {
                distinct = o.distinct.emptyCopy();
            }
            distinct.addAll(o.distinct);
        }
        if (o.starts != null) {
            if (starts == null) {
                starts = o.starts.emptyCopy();
            }
            starts.addAll(o.starts);
        }
        open |= o.open;
        match = stronger(match, o.match);
        if (o.evidence != null) {
            if (evidence == null) {
                evidence = o.evidence.emptyCopy();
            }
            evidence.addAll(o.evidence);
        }
    }

    /** Highest confidence, then set name, then indicator: never the one that happened to come first. */
    static IntelMatch stronger(IntelMatch a, IntelMatch b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        if (a.confidence() != b.confidence()) {
            return a.confidence() > b.confidence() ? a : b;
        }
        int c = a.setName().compareTo(b.setName());
        if (c == 0) {
            c = a.indicator().compareTo(b.indicator());
        }
        return c <= 0 ? a : b;
    }
}
