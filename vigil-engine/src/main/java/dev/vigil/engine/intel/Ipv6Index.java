package dev.vigil.engine.intel;

/** IPv6 elementary intervals (see {@link IndexBuilder}) over 128-bit addresses held as two longs; binary search. */
final class Ipv6Index {

    private final IndicatorTable table;
    /** Interval starts, high and low word interleaved. */
    private final long[] starts;
    private final int[] offsets;
    private final int[] candidates;
    private final long[] first;
    private final int[] prefix;

    Ipv6Index(IndicatorTable table, long[] starts, int[] offsets, int[] candidates, long[] first, int[] prefix) {
        this.table = table;
        this.starts = starts;
        this.offsets = offsets;
        this.candidates = candidates;
        this.first = first;
        this.prefix = prefix;
    }

    IntelMatch lookup(long high, long low, long epochSeconds) {
        int lo = 0;
        int hi = starts.length / 2 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (IndexBuilder.compare(starts[2 * mid], starts[2 * mid + 1], high, low) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        int at = lo - 1;
        if (at < 0) {
            return null;
        }
        int id = table.firstValid(candidates, offsets[at], offsets[at + 1], epochSeconds);
        if (id < 0) {
            return null;
        }
        String text = IpText.ipv6(first[2 * id], first[2 * id + 1]);
        return table.match(id, prefix[id] == 128 ? text : text + "/" + prefix[id]);
    }
}
