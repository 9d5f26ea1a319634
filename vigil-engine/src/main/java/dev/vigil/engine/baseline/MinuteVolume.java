package dev.vigil.engine.baseline;

import java.util.Arrays;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A principal's activity per minute: calls and S3 bytes out per epoch minute, with the minute's first call.
 *
 * <p>Only active minutes are held. At most {@code cap} of them: beyond that the latest minutes are dropped, which
 * keeps exactly the earliest {@code cap} minutes whatever the split of the input (a minute among the earliest of
 * the whole input is among the earliest of every part that saw it), so sums stay complete. A principal busy beyond
 * the cap therefore loses volume analysis for its later minutes; {@link #truncated()} says so.
 *
 * <p>Held as minutes in a sorted {@code long[]} beside their buckets: every CloudTrail call of a scan lands here,
 * and a principal's calls arrive nearly in time order (a file is in time order), so the call's minute is almost
 * always the last one held or a new one after it — found or added in constant time, and otherwise by a binary
 * search over the array rather than by a walk through a tree of boxed keys, which was a visible share of a scan.
 */
final class MinuteVolume {

    static final long MINUTE_MILLIS = 60_000L;

    static final class Bucket {
        long calls;
        long bytesOut;
        Sighting first;
    }

    private final int cap;
    /** minutes[0, size) ascending; buckets[i] is minute i's. */
    private long[] minutes = new long[4];
    private Bucket[] buckets = new Bucket[4];
    private int size;
    private boolean truncated;
    /** The minutes as a map, built when asked for and kept until the next change. */
    private NavigableMap<Long, Bucket> view;

    MinuteVolume(int cap) {
        this.cap = cap;
    }

    void add(long time, long bytesOut, Sighting sighting) {
        Bucket b = bucket(Math.floorDiv(time, MINUTE_MILLIS));
        if (b == null) {
            return; // a minute after the earliest cap minutes: dropped
        }
        b.calls++;
        b.bytesOut = saturated(b.bytesOut, bytesOut);
        b.first = Sighting.earlier(b.first, sighting);
    }

    /** Restores a learning-period minute from a snapshot. */
    void restore(long minute, long calls, long bytesOut) {
        Bucket b = bucket(minute);
        if (b != null) {
            b.calls += calls;
            b.bytesOut = saturated(b.bytesOut, bytesOut);
        }
    }

    void merge(MinuteVolume other) {
        truncated |= other.truncated;
        for (int i = 0; i < other.size; i++) {
            Bucket o = other.buckets[i];
            Bucket b = bucket(other.minutes[i]);
            if (b == null) {
                break; // the rest are later still
            }
            b.calls += o.calls;
            b.bytesOut = saturated(b.bytesOut, o.bytesOut);
            b.first = Sighting.earlier(b.first, o.first);
        }
    }

    /**
     * The minute's bucket, added when new; null when the cap is reached and the minute is later than every minute
     * held (it is dropped, and the volume marked truncated). A new minute among the held ones pushes the latest out.
     */
    private Bucket bucket(long minute) {
        int last = size - 1;
        if (last >= 0 && minutes[last] == minute) {
            return buckets[last];
        }
        int at = last < 0 || minute > minutes[last] ? size : Arrays.binarySearch(minutes, 0, size, minute);
        if (at >= 0 && at < size) {
            return buckets[at];
        }
        int insert = at >= 0 ? at : -at - 1;
        if (size == cap) {
            truncated = true;
            if (insert == size) {
                return null;
            }
            size--; // the latest minute makes room
        }
        if (size == minutes.length) {
            int grown = Math.min(Math.max(4, size * 2), Math.max(cap, 1));
            minutes = Arrays.copyOf(minutes, grown);
            buckets = Arrays.copyOf(buckets, grown);
        }
        System.arraycopy(minutes, insert, minutes, insert + 1, size - insert);
        System.arraycopy(buckets, insert, buckets, insert + 1, size - insert);
        Bucket b = new Bucket();
        minutes[insert] = minute;
        buckets[insert] = b;
        size++;
        view = null;
        return b;
    }

    /** Minute (epoch minutes) → bucket, in time order; read only. */
    NavigableMap<Long, Bucket> minutes() {
        if (view == null) {
            TreeMap<Long, Bucket> m = new TreeMap<>();
            for (int i = 0; i < size; i++) {
                m.put(minutes[i], buckets[i]);
            }
            view = Collections.unmodifiableNavigableMap(m);
        }
        return view;
    }

    /** True when minutes were dropped: volume was not analysed after {@code minutes().lastKey()}. */
    boolean truncated() {
        return truncated;
    }

    void markTruncated() {
        truncated = true;
    }

    /** A sum of byte counts that stops at Long.MAX_VALUE: a forged byte count must not wrap to a small number. */
    private static long saturated(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
