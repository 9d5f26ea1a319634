package dev.vigil.engine.baseline;

import java.util.Map;
import java.util.TreeMap;

/**
 * A principal's activity per minute: calls and S3 bytes out per epoch minute, with the minute's first call.
 *
 * <p>Only active minutes are held. At most {@code cap} of them: beyond that the latest minutes are dropped, which
 * keeps exactly the earliest {@code cap} minutes whatever the split of the input (a minute among the earliest of
 * the whole input is among the earliest of every part that saw it), so sums stay complete. A principal busy beyond
 * the cap therefore loses volume analysis for its later minutes; {@link #truncated()} says so.
 */
final class MinuteVolume {

    static final long MINUTE_MILLIS = 60_000L;

    static final class Bucket {
        long calls;
        long bytesOut;
        Sighting first;
    }

    private final int cap;
    private final TreeMap<Long, Bucket> minutes = new TreeMap<>();
    private boolean truncated;
    /**
     * The bucket the last call went to, and its minute: a principal's calls come in runs within a minute (a file
     * is in time order), and a tree lookup per call was a visible share of a CloudTrail scan. Null after a trim,
     * which may have dropped it.
     */
    private long lastMinute;
    private Bucket lastBucket;

    MinuteVolume(int cap) {
        this.cap = cap;
    }

    void add(long time, long bytesOut, Sighting sighting) {
        long minute = Math.floorDiv(time, MINUTE_MILLIS);
        Bucket b = lastBucket != null && lastMinute == minute ? lastBucket : null;
        if (b == null) {
            b = minutes.computeIfAbsent(minute, m -> new Bucket());
            lastMinute = minute;
            lastBucket = b;
        }
        b.calls++;
        b.bytesOut = saturated(b.bytesOut, bytesOut);
        b.first = Sighting.earlier(b.first, sighting);
        trim();
    }

    /** Restores a learning-period minute from a snapshot. */
    void restore(long minute, long calls, long bytesOut) {
        Bucket b = minutes.computeIfAbsent(minute, m -> new Bucket());
        b.calls += calls;
        b.bytesOut = saturated(b.bytesOut, bytesOut);
        trim();
    }

    void merge(MinuteVolume other) {
        truncated |= other.truncated;
        other.minutes.forEach((minute, o) -> {
            Bucket b = minutes.computeIfAbsent(minute, m -> new Bucket());
            b.calls += o.calls;
            b.bytesOut = saturated(b.bytesOut, o.bytesOut);
            b.first = Sighting.earlier(b.first, o.first);
        });
        trim();
    }

    /** Minute (epoch minutes) → bucket, in time order. */
    TreeMap<Long, Bucket> minutes() {
        return minutes;
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

    private void trim() {
        while (minutes.size() > cap) {
            Map.Entry<Long, Bucket> last = minutes.pollLastEntry();
            truncated = last != null;
            lastBucket = null;
        }
    }
}
