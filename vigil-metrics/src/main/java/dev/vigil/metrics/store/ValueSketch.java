package dev.vigil.metrics.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * The values of one minute (or a merge of minutes) kept for percentiles, in bounded memory.
 *
 * <p>Up to {@link #EXACT_CAP} values are kept exactly, so small minutes give exact percentiles. Past that the
 * values move into a logarithmic histogram with relative accuracy {@link #RELATIVE_ACCURACY} (a value is
 * reported within ±1% of a real value at that rank: bucket {@code i} holds magnitudes in
 * (γ<sup>i-1</sup>, γ<sup>i</sup>] with γ = 1.01/0.99, reported as their midpoint). At most
 * {@link #MAX_BUCKETS} buckets per sign: when values span more than about 35 orders of magnitude the smallest
 * magnitudes are merged into the lowest kept bucket, so one hostile value cannot grow the sketch without bound.
 * Sketches merge exactly (bucket counts add), so per-thread stores and persisted minutes combine losslessly.
 *
 * <p>Not thread-safe; {@link MetricStore} guards it.
 */
final class ValueSketch {

    static final int EXACT_CAP = 128;
    static final double RELATIVE_ACCURACY = 0.01;
    static final int MAX_BUCKETS = 4096;

    private static final double GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);
    private static final double LOG_GAMMA = Math.log(GAMMA);
    /** Magnitudes below this count as zero; they are far below any unit a metric filter publishes. */
    private static final double MIN_MAGNITUDE = 1e-9;
    private static final byte FORMAT_EXACT = 1;
    private static final byte FORMAT_BUCKETS = 2;

    private double[] exact = new double[4];
    private int exactCount;
    private Buckets positive;
    private Buckets negative;
    private long zeros;

    void add(double value) {
        if (positive == null) {
            if (exactCount < EXACT_CAP) {
                if (exactCount == exact.length) {
                    exact = Arrays.copyOf(exact, Math.min(EXACT_CAP, exact.length * 2));
                }
                exact[exactCount++] = value;
                return;
            }
            toBuckets();
        }
        addToBuckets(value, 1);
    }

    void merge(ValueSketch other) {
        if (positive == null && other.positive == null && exactCount + other.exactCount <= EXACT_CAP) {
            for (int i = 0; i < other.exactCount; i++) {
                add(other.exact[i]);
            }
            return;
        }
        if (positive == null) {
            toBuckets();
        }
        for (int i = 0; i < other.exactCount; i++) {
            addToBuckets(other.exact[i], 1);
        }
        if (other.positive != null) {
            positive.mergeFrom(other.positive);
            negative.mergeFrom(other.negative);
            zeros += other.zeros;
        }
    }

    ValueSketch copy() {
        ValueSketch c = new ValueSketch();
        c.merge(this);
        return c;
    }

    boolean isExact() {
        return positive == null;
    }

    long count() {
        return positive == null ? exactCount : positive.total + negative.total + zeros;
    }

    /**
     * The value at percentile {@code p} (0..100) by nearest rank: the smallest value with at least p% of the
     * values at or below it. NaN when empty. Sketch answers are clamped to [min, max] of the real values.
     */
    double percentile(double p, double min, double max) {
        long n = count();
        if (n == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (long) Math.ceil(p / 100.0 * n));
        rank = Math.min(rank, n);
        if (positive == null) {
            double[] sorted = Arrays.copyOf(exact, exactCount);
            Arrays.sort(sorted);
            return sorted[(int) rank - 1];
        }
        double v = fromBuckets(rank);
        return Math.max(min, Math.min(max, v));
    }

    private double fromBuckets(long rank) {
        long seen = 0;
        // Most negative first: the negative store ordered by descending magnitude.
        for (int i = negative.counts.length - 1; i >= 0; i--) {
            seen += negative.counts[i];
            if (seen >= rank) {
                return -valueOf(negative.offset + i);
            }
        }
        seen += zeros;
        if (seen >= rank) {
            return 0;
        }
        for (int i = 0; i < positive.counts.length; i++) {
            seen += positive.counts[i];
            if (seen >= rank) {
                return valueOf(positive.offset + i);
            }
        }
        return valueOf(positive.offset + positive.counts.length - 1);
    }

    private void toBuckets() {
        positive = new Buckets();
        negative = new Buckets();
        for (int i = 0; i < exactCount; i++) {
            addToBuckets(exact[i], 1);
        }
        exact = new double[0];
        exactCount = 0;
    }

    private void addToBuckets(double value, long count) {
        double magnitude = Math.abs(value);
        if (magnitude < MIN_MAGNITUDE) {
            zeros += count;
        } else if (value > 0) {
            positive.add(indexOf(magnitude), count);
        } else {
            negative.add(indexOf(magnitude), count);
        }
    }

    private static int indexOf(double magnitude) {
        return (int) Math.ceil(Math.log(magnitude) / LOG_GAMMA);
    }

    private static double valueOf(int index) {
        return 2 * Math.pow(GAMMA, index) / (GAMMA + 1);
    }

    byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            if (positive == null) {
                out.writeByte(FORMAT_EXACT);
                out.writeInt(exactCount);
                for (int i = 0; i < exactCount; i++) {
                    out.writeDouble(exact[i]);
                }
            } else {
                out.writeByte(FORMAT_BUCKETS);
                out.writeLong(zeros);
                positive.write(out);
                negative.write(out);
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads {@link #toBytes()} output.
     *
     * @throws IllegalArgumentException when the bytes are not a sketch this version wrote
     */
    static ValueSketch fromBytes(byte[] data) {
        ValueSketch s = new ValueSketch();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte format = in.readByte();
            if (format == FORMAT_EXACT) {
                int n = in.readInt();
                if (n < 0 || n > EXACT_CAP) {
                    throw new IllegalArgumentException("sketch holds " + n + " exact values, at most " + EXACT_CAP);
                }
                for (int i = 0; i < n; i++) {
                    s.add(in.readDouble());
                }
            } else if (format == FORMAT_BUCKETS) {
                s.positive = new Buckets();
                s.negative = new Buckets();
                s.exact = new double[0];
                s.zeros = nonNegative(in.readLong());
                s.positive.read(in);
                s.negative.read(in);
            } else {
                throw new IllegalArgumentException("unknown sketch format " + format);
            }
            if (in.available() > 0) {
                throw new IllegalArgumentException("trailing bytes after the sketch");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated sketch", e);
        }
        return s;
    }

    private static long nonNegative(long v) {
        if (v < 0) {
            throw new IllegalArgumentException("negative count " + v + " in sketch");
        }
        return v;
    }

    /** Dense counts for consecutive bucket indexes starting at {@code offset}, capped at MAX_BUCKETS. */
    private static final class Buckets {
        long[] counts = new long[0];
        int offset;
        long total;

        void add(int index, long count) {
            total += count;
            if (counts.length == 0) {
                counts = new long[1];
                offset = index;
            }
            if (index < offset) {
                // Below the kept range: grow down, but never past MAX_BUCKETS; lower values join the lowest bucket.
                int target = Math.max(index, offset + counts.length - MAX_BUCKETS);
                if (target < offset) {
                    long[] grown = new long[counts.length + (offset - target)];
                    System.arraycopy(counts, 0, grown, offset - target, counts.length);
                    counts = grown;
                    offset = target;
                }
                index = Math.max(target, offset);
            } else if (index >= offset + counts.length) {
                // Above: grow up; if that exceeds MAX_BUCKETS, the lowest buckets collapse into the new lowest.
                int newOffset = Math.max(offset, index - MAX_BUCKETS + 1);
                long[] grown = new long[index - newOffset + 1];
                for (int i = 0; i < counts.length; i++) {
                    grown[Math.max(offset + i, newOffset) - newOffset] += counts[i];
                }
                counts = grown;
                offset = newOffset;
            }
            counts[index - offset] += count;
        }

        void mergeFrom(Buckets other) {
            for (int i = 0; i < other.counts.length; i++) {
                if (other.counts[i] != 0) {
                    add(other.offset + i, other.counts[i]);
                }
            }
        }

        void write(DataOutputStream out) throws IOException {
            out.writeInt(offset);
            out.writeInt(counts.length);
            for (long c : counts) {
                out.writeLong(c);
            }
        }

        void read(DataInputStream in) throws IOException {
            int off = in.readInt();
            int n = in.readInt();
            if (n < 0 || n > MAX_BUCKETS) {
                throw new IllegalArgumentException("sketch holds " + n + " buckets, at most " + MAX_BUCKETS);
            }
            for (int i = 0; i < n; i++) {
                long c = nonNegative(in.readLong());
                if (c > 0) {
                    add(off + i, c);
                }
            }
        }
    }
}
