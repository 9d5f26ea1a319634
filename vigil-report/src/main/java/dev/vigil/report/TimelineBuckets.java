package dev.vigil.report;

import dev.vigil.model.Finding;
import dev.vigil.model.Severity;

import java.time.Instant;
import java.util.List;

/**
 * Findings counted per time bucket and severity, by first-seen event time: the data behind the timeline chart.
 *
 * <p>The bucket width is the smallest "round" interval (1 s … 1 year) that spreads the findings over at most
 * {@link #MAX_BUCKETS} bars, aligned to UTC so bars start on whole minutes, hours or days. Event times come
 * from logs and may be absurd (year 1970 next to year 9999): the bucket count stays bounded whatever the span.
 *
 * @param startSecond     epoch second where the first bucket starts
 * @param intervalSeconds width of one bucket
 * @param counts          {@code counts[bucket][severity.ordinal()]}
 * @param undated         findings left out because their time is unknown
 */
record TimelineBuckets(double startSecond, long intervalSeconds, int[][] counts, int undated) {

    static final int MAX_BUCKETS = 40;
    static final int MIN_BUCKETS = 12;

    private static final long[] ROUND_INTERVALS = {
            1, 5, 15, 30, 60, 5 * 60, 15 * 60, 30 * 60, 3_600, 3 * 3_600, 6 * 3_600, 12 * 3_600,
            86_400, 2 * 86_400, 7 * 86_400, 14 * 86_400, 30 * 86_400, 91 * 86_400, 365 * 86_400};

    static TimelineBuckets of(List<Finding> findings) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int undated = 0;
        for (Finding f : findings) {
            if (f.firstSeen().equals(UtcTime.NO_TIME)) {
                undated++;
                continue;
            }
            double t = seconds(f.firstSeen());
            min = Math.min(min, t);
            max = Math.max(max, t);
        }
        if (min > max) {
            return new TimelineBuckets(0, 60, new int[0][Severity.values().length], undated);
        }
        long interval = intervalFor(max - min);
        double start = Math.floor(min / interval) * interval;
        int needed = (int) Math.min(MAX_BUCKETS, Math.floor((max - start) / interval) + 1);
        int[][] counts = new int[Math.max(needed, MIN_BUCKETS)][Severity.values().length];
        for (Finding f : findings) {
            if (f.firstSeen().equals(UtcTime.NO_TIME)) {
                continue;
            }
            int i = (int) Math.floor((seconds(f.firstSeen()) - start) / interval);
            counts[Math.max(0, Math.min(needed - 1, i))][f.severity().ordinal()]++;
        }
        return new TimelineBuckets(start, interval, counts, undated);
    }

    int bucketCount() {
        return counts.length;
    }

    int total(int bucket) {
        int sum = 0;
        for (int c : counts[bucket]) {
            sum += c;
        }
        return sum;
    }

    int maxTotal() {
        int max = 0;
        for (int b = 0; b < counts.length; b++) {
            max = Math.max(max, total(b));
        }
        return max;
    }

    /** Start of a bucket, clamped into the range {@link Instant} can hold. */
    Instant bucketStart(int bucket) {
        double s = startSecond + (double) bucket * intervalSeconds;
        // Clamp after the cast: Instant.MAX's epoch second rounds up when held in a double.
        long whole = (long) Math.floor(s);
        return Instant.ofEpochSecond(Math.max(Instant.MIN.getEpochSecond(), Math.min(Instant.MAX.getEpochSecond(), whole)));
    }

    static long intervalFor(double spanSeconds) {
        for (long candidate : ROUND_INTERVALS) {
            // One bucket is kept spare: aligning the start down to a round time can push the last finding one further.
            if (spanSeconds / candidate < MAX_BUCKETS - 1) {
                return candidate;
            }
        }
        // Spans of centuries only come from broken or forged timestamps; keep the chart bounded anyway.
        return (long) Math.ceil(spanSeconds / (MAX_BUCKETS - 2));
    }

    private static double seconds(Instant t) {
        return t.getEpochSecond() + t.getNano() / 1e9;
    }
}
