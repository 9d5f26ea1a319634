package dev.vigil.engine.intel;

/**
 * IPv4 elementary intervals (see {@link IndexBuilder}): sorted starts, each with its candidate list. A table over the
 * top 16 bits narrows the search to the intervals starting in that /16, so a lookup touches a few cache lines even
 * with millions of intervals; a miss usually ends at an empty candidate list.
 */
final class Ipv4Index {

    private final IndicatorTable table;
    /** Interval starts as unsigned values flipped into signed order ({@code x ^ MIN_VALUE}). */
    private final int[] starts;
    private final int[] offsets;
    private final int[] candidates;
    /** Per indicator id: first address and prefix, to show the block that matched. */
    private final int[] first;
    private final int[] prefix;
    /** bucket[b] = index of the first interval starting at or after b << 16. */
    private final int[] bucket = new int[65537];

    Ipv4Index(IndicatorTable table, int[] starts, int[] offsets, int[] candidates, int[] first, int[] prefix) {
        this.table = table;
        this.starts = starts;
        this.offsets = offsets;
        this.candidates = candidates;
        this.first = first;
        this.prefix = prefix;
        int i = 0;
        for (int b = 0; b <= 65536; b++) {
            long from = (long) b << 16;
            while (i < starts.length && Integer.toUnsignedLong(starts[i] ^ Integer.MIN_VALUE) < from) {
                i++;
            }
            bucket[b] = i;
        }
    }

    IntelMatch lookup(long address, long epochSeconds) {
        int key = (int) address ^ Integer.MIN_VALUE;
        int b = (int) (address >>> 16);
        int lo = bucket[b];
        int hi = bucket[b + 1] - 1;
        // the last interval starting at or before the address: in this /16, or the one before it
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] <= key) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        int at = lo - 1;
        if (at < 0) {
            return null;
        }
        for (int c = offsets[at], end = offsets[at + 1]; c < end; c++) {
            int id = candidates[c];
            if (table.validAt(id, epochSeconds)) {
                long network = Integer.toUnsignedLong(first[id]);
                String text = prefix[id] == 32 ? IpText.ipv4(network) : IpText.ipv4(network) + "/" + prefix[id];
                return table.match(id, text);
            }
        }
        return null;
    }

    int intervals() {
        return starts.length;
    }
}
