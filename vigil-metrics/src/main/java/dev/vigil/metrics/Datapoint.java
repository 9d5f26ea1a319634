package dev.vigil.metrics;

import java.util.Objects;

/**
 * One observation of a metric at an event time, as a metric filter publishes it for a matching log event.
 *
 * <p>The value is kept as given; the metric store decides what it accepts (it refuses NaN and infinities, as
 * CloudWatch's PutMetricData does).
 *
 * @param key        the metric
 * @param timeMillis event time, epoch milliseconds (UTC)
 * @param value      the observed value
 * @param unit       a CloudWatch StandardUnit name such as {@code Count} or {@code Bytes}; {@code None} when absent
 */
public record Datapoint(MetricKey key, long timeMillis, double value, String unit) {

    /** CloudWatch's unit for "no unit", used when a metric filter does not set one. */
    public static final String NO_UNIT = "None";

    public Datapoint {
        Objects.requireNonNull(key, "key");
        unit = unit == null || unit.isEmpty() ? NO_UNIT : unit;
    }

    /** A datapoint without a unit. */
    public static Datapoint of(MetricKey key, long timeMillis, double value) {
        return new Datapoint(key, timeMillis, value, NO_UNIT);
    }
}
