package dev.vigil.engine.network;

import dev.vigil.engine.intel.IntelMatch;

/**
 * The facts one entry holds about its flows — all of them sums, minima, maxima, capped sets of the smallest values or
 * the earliest flows, so that merging partial states in any order gives the same result. {@link TallyMap} keeps
 * them in rows while flows are added; an entry becomes a tally when {@link FlowVerdicts} judges it.
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

    int distinctCount() {
        return distinct == null ? 0 : distinct.size();
    }

    void merge(Tally o) {
        flows += o.flows;
        packets = plus(packets, o.packets);
        bytes = plus(bytes, o.bytes);
        accepted += o.accepted;
        first = Math.min(first, o.first);
        last = Math.max(last, o.last);
        minStart = Math.min(minStart, o.minStart);
        maxEnd = Math.max(maxEnd, o.maxEnd);
        beaconFlows += o.beaconFlows;
        beaconBytes = plus(beaconBytes, o.beaconBytes);
        sumSquares = plus(sumSquares, o.sumSquares);
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

    /**
     * The sum of two non-negative counts, stopping at Long.MAX_VALUE: packet and byte counts are the log's (up to
     * 18 digits each), and a forged count must not wrap a total round to a small number and hide a flood or a
     * volume.
     */
    static long plus(long a, long b) {
        return a > Long.MAX_VALUE - b ? Long.MAX_VALUE : a + b;
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
