package dev.vigil.metrics.store;

/**
 * SampleCount, Sum, Minimum, Maximum and a percentile sketch of the values of one metric in one minute, or of
 * several minutes merged into a period. Mutable and not thread-safe: {@link MetricStore} guards it.
 */
final class Rollup {

    private long count;
    private double sum;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private String unit;
    private final ValueSketch sketch;

    Rollup() {
        this.sketch = new ValueSketch();
    }

    /** Restores a persisted minute; the caller has checked the numbers are consistent. */
    Rollup(long count, double sum, double min, double max, String unit, ValueSketch sketch) {
        this.count = count;
        this.sum = sum;
        this.min = min;
        this.max = max;
        this.unit = unit;
        this.sketch = sketch;
    }

    void add(double value, String valueUnit) {
        count++;
        sum += value;
        min = Math.min(min, value);
        max = Math.max(max, value);
        sketch.add(value);
        if (unit == null) {
            unit = valueUnit;
        }
    }

    void merge(Rollup other) {
        if (other.count == 0) {
            return;
        }
        count += other.count;
        sum += other.sum;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
        sketch.merge(other.sketch);
        if (unit == null) {
            unit = other.unit;
        }
    }

    Rollup copy() {
        Rollup r = new Rollup();
        r.merge(this);
        return r;
    }

    long count() {
        return count;
    }

    double sum() {
        return sum;
    }

    double min() {
        return min;
    }

    double max() {
        return max;
    }

    /** The unit of the first datapoint; CloudWatch keeps one unit per metric in practice. */
    String unit() {
        return unit == null ? "None" : unit;
    }

    ValueSketch sketch() {
        return sketch;
    }

    double percentile(double p) {
        return sketch.percentile(p, min, max);
    }
}
