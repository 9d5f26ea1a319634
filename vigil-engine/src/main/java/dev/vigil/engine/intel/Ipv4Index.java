package dev.vigil.engine.intel;

/**
 * IPv4 elementary intervals (see {@link IndexBuilder}): sorted starts, each with its candidate list. Built for the
 * miss, which is what most flow peers are:
 * <ul>
 *   <li>a table indexed by the address's top bits (16 to 22 of them, about four intervals per slot) narrows the
 *   search to the intervals starting in that slot, so a lookup is one table read and a search within a cache line or
 *   two;</li>
 *   <li>each interval is one long, start in the high half and candidate offset in the low half, so the search and the
 *   "is this interval empty?" test read the same cache lines;</li>
 *   <li>with many intervals (large sets spread over the whole space, where hardly any slot is empty) one bit per /24
 *   says whether any listed address lies in it: a 2 MiB table that answers most misses with one read, where the
 *   slot table and the 16 bytes per interval no longer stay in the processor's caches.</li>
 * </ul>
 */
final class Ipv4Index {

    private final IndicatorTable table;
    /** Per interval: (start ^ MIN_VALUE) << 32 | offset of its candidates; sorted. */
    private final long[] packed;
    private final int[] candidates;
    /** Per indicator id: first address and prefix, to show the block that matched. */
    private final int[] first;
    private final int[] prefix;
    private final int shift;
    /**
     * slot[s] = index of the first interval starting at or after s << shift; negative (the index with the sign bit
     * set) when no address of the slot is listed at all, so that most misses end after this one read.
     */
    private final int[] slot;
    /** Bit (address >>> 8) set when some listed interval touches that /24; null for small indices. */
    private final long[] listed24;

    Ipv4Index(IndicatorTable table, int[] starts, int[] offsets, int[] candidates, int[] first, int[] prefix) {
        this.table = table;
        this.candidates = candidates;
        this.first = first;
        this.prefix = prefix;
        this.packed = new long[starts.length];
        for (int i = 0; i < starts.length; i++) {
            packed[i] = ((long) starts[i] << 32) | (offsets[i] & 0xFFFFFFFFL);
        }
        int bits = 16;
        while (bits < 22 && (long) starts.length > 4L << bits) {
            bits++;
        }
        this.shift = 32 - bits;
        this.slot = new int[(1 << bits) + 1];
        int i = 0;
        for (int s = 0; s <= 1 << bits; s++) {
            long from = (long) s << shift;
            while (i < starts.length && Integer.toUnsignedLong(starts[i] ^ Integer.MIN_VALUE) < from) {
                i++;
            }
            slot[s] = i;
        }
        for (int s = 0; s < 1 << bits; s++) {
            boolean startsNone = slot[s] == slot[s + 1];
            int before = slot[s] - 1;
            boolean coveredByNone = before < 0 || offsets[before] == offsets[before + 1];
            if (startsNone && coveredByNone) {
                slot[s] |= Integer.MIN_VALUE;
            }
        }
        this.listed24 = starts.length >= MIN_INTERVALS_FOR_BITMAP ? listed24(starts, offsets) : null;
    }

    /** From this many intervals on (about 100,000 indicators spread over the space) the /24 bitmap pays. */
    static final int MIN_INTERVALS_FOR_BITMAP = 1 << 18;

    private static long[] listed24(int[] starts, int[] offsets) {
        long[] bits = new long[1 << 18];
        for (int i = 0; i < starts.length; i++) {
            if (offsets[i] == offsets[i + 1]) {
                continue; // a gap between indicators
            }
            long from = Integer.toUnsignedLong(starts[i] ^ Integer.MIN_VALUE);
            long last = i + 1 < starts.length ? Integer.toUnsignedLong(starts[i + 1] ^ Integer.MIN_VALUE) - 1
                    : 0xFFFFFFFFL;
            for (long b = from >>> 8; b <= last >>> 8; b++) {
                bits[(int) (b >>> 6)] |= 1L << b;
            }
        }
        return bits;
    }

    IntelMatch lookup(long address, long epochSeconds) {
        int id = firstValid(intervalOf(address), epochSeconds);
        return id < 0 ? null : match(id);
    }

    /**
     * The elementary interval holding the address, or -1 when no indicator covers it (the common case). This is the
     * expensive part of a lookup (the cache misses into a large index) and, unlike the answer, it does not depend on
     * the time: {@link CachingIpReputation} keeps it per address.
     */
    int intervalOf(long address) {
        if (!mayCover(address)) {
            return -1;
        }
        long key = ((long) ((int) address ^ Integer.MIN_VALUE) << 32) | 0xFFFFFFFFL;
        int s = (int) (address >>> shift);
        int lo = slot[s];
        if (lo < 0) {
            return -1; // nothing listed in the slot (the bitmap, when there is one, already said so)
        }
        int hi = (slot[s + 1] & Integer.MAX_VALUE) - 1;
        // the last interval starting at or before the address: in this slot, or the one before it
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (packed[mid] <= key) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        int at = lo - 1;
        return at < 0 || (int) packed[at] == end(at) ? -1 : at;
    }

    /**
     * False when no indicator can cover the address, from one read: the /24 bitmap when there is one, else the slot
     * table's "nothing listed here" flag. Most flow peers end here, whose words stay in the processor's caches.
     */
    boolean mayCover(long address) {
        if (listed24 != null) {
            return (listed24[(int) (address >>> 14)] & 1L << (address >>> 8)) != 0;
        }
        return slot[(int) (address >>> shift)] >= 0;
    }

    /** The end of interval {@code at}'s candidates (the next interval's offset). */
    private int end(int at) {
        return at + 1 < packed.length ? (int) packed[at + 1] : candidates.length;
    }

    /** The id of the strongest of interval {@code at}'s candidates valid at the time; -1 when none or at is -1. */
    int firstValid(int at, long epochSeconds) {
        return at < 0 ? -1 : table.firstValid(candidates, (int) packed[at], end(at), epochSeconds);
    }

    /** The match for indicator {@code id}, naming the block as normalised ({@code network/prefix}, or the address). */
    IntelMatch match(int id) {
        long network = Integer.toUnsignedLong(first[id]);
        return table.match(id, prefix[id] == 32 ? IpText.ipv4(network) : IpText.ipv4(network) + "/" + prefix[id]);
    }
}
