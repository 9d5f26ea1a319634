package dev.vigil.metrics.filter;

/**
 * One value a matching event contributes to a metric. CloudWatch aggregates these per minute of {@code timeMillis}.
 *
 * @param timeMillis the event time (epoch milliseconds), as the caller supplied it
 */
public record Datapoint(MetricKey key, double value, String unit, long timeMillis) {
}
