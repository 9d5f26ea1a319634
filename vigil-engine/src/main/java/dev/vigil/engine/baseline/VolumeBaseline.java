package dev.vigil.engine.baseline;

import java.time.Duration;
import java.util.Map;

/**
 * A principal's learned volume: per hour of the week and overall, the mean and standard deviation of calls and
 * of S3 bytes out per minute over its learning period, idle minutes counting as zero. Built in {@code finish} from
 * the learning-period minutes (sums of counts and of squares), so it does not depend on the order of the input.
 *
 * <p>Learning minutes are the epoch minutes from the one holding the first-seen time up to, not including, the
 * first minute that starts at or after the learning period's end; later minutes are judged against it. An hour of
 * the week is used when the learning period covered all 60 of its minutes at least once; otherwise the overall
 * figures are (a learning period shorter than a week leaves most hours uncovered).
 */
final class VolumeBaseline {

    private static final int FULL_HOUR = 60;

    private final long[] minutes = new long[HourOfWeek.HOURS + 1]; // index 168: overall
    private final double[] calls = new double[HourOfWeek.HOURS + 1];
    private final double[] callSquares = new double[HourOfWeek.HOURS + 1];
    private final double[] bytes = new double[HourOfWeek.HOURS + 1];
    private final double[] byteSquares = new double[HourOfWeek.HOURS + 1];
    private long peakCalls;
    private long peakBytes;

    /** The first epoch minute after the learning period of a principal first seen at {@code first}. */
    static long learningEndMinute(long first, Duration learning) {
        long end = saturatedAdd(first, learning);
        return Math.floorDiv(end, MinuteVolume.MINUTE_MILLIS) + (Math.floorMod(end, MinuteVolume.MINUTE_MILLIS) == 0
                ? 0 : 1);
    }

    static long saturatedAdd(long time, Duration d) {
        long millis;
        try {
            millis = d.toMillis();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
        long sum = time + millis;
        return ((time ^ sum) & (millis ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    VolumeBaseline(long first, Duration learning, MinuteVolume volume) {
        long from = Math.floorDiv(first, MinuteVolume.MINUTE_MILLIS);
        long to = learningEndMinute(first, learning);
        for (long hour = Math.floorDiv(from, 60); hour * 60 < to; hour++) {
            long lo = Math.max(from, hour * 60);
            long hi = Math.min(to, hour * 60 + 60);
            int slot = HourOfWeek.of(hour * HourOfWeek.HOUR_MILLIS);
            minutes[slot] += hi - lo;
            minutes[HourOfWeek.HOURS] += hi - lo;
        }
        for (Map.Entry<Long, MinuteVolume.Bucket> m : volume.minutes().headMap(to, false).entrySet()) {
            int slot = HourOfWeek.of(m.getKey() * MinuteVolume.MINUTE_MILLIS);
            double c = m.getValue().calls;
            double b = m.getValue().bytesOut;
            peakCalls = Math.max(peakCalls, m.getValue().calls);
            peakBytes = Math.max(peakBytes, m.getValue().bytesOut);
            for (int i : new int[] {slot, HourOfWeek.HOURS}) {
                calls[i] += c;
                callSquares[i] += c * c;
                bytes[i] += b;
                byteSquares[i] += b * b;
            }
        }
    }

    /**
     * Mean and standard deviation per minute, where they came from, and the busiest learning minute overall: a
     * minute is unusual only above both the deviation threshold and that peak (a burst seen while learning is
     * usual, even where one week of an hour's history makes it look rare).
     */
    record Expectation(double mean, double deviation, boolean hourOfWeek, long peak) {
        double threshold(double deviations) {
            return Math.max(mean + deviations * deviation, peak);
        }
    }

    Expectation calls(long minute) {
        return expectation(minute, calls, callSquares, peakCalls);
    }

    Expectation bytesOut(long minute) {
        return expectation(minute, bytes, byteSquares, peakBytes);
    }

    private Expectation expectation(long minute, double[] sums, double[] squares, long peak) {
        int slot = HourOfWeek.of(minute * MinuteVolume.MINUTE_MILLIS);
        boolean seasonal = minutes[slot] >= FULL_HOUR;
        int i = seasonal ? slot : HourOfWeek.HOURS;
        double n = Math.max(1, minutes[i]);
        double mean = sums[i] / n;
        double variance = Math.max(0, squares[i] / n - mean * mean);
        return new Expectation(mean, Math.sqrt(variance), seasonal, peak);
    }
}
