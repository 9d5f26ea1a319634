package dev.vigil.metrics.store;

import java.time.Instant;

/**
 * One period of a statistics series.
 *
 * @param periodStart start of the period (aligned to a multiple of the period since the epoch, UTC)
 * @param value       the statistic's value over the period
 * @param sampleCount datapoints in the period (for percentile significance and for display)
 */
public record SeriesPoint(Instant periodStart, double value, long sampleCount) {
}
