package dev.vigil.metrics.alarm;

import java.time.Instant;

/**
 * One evaluated period, for charts: the statistic's value, the threshold or band it was compared with, and the
 * alarm's state after the period closed.
 *
 * @param periodStart start of the period
 * @param value       the statistic's value, or null when the period had no datapoint
 * @param threshold   the static threshold, or null for anomaly alarms
 * @param expected    the anomaly model's expected value, or null (static alarm, or model not trained yet)
 * @param lower       lower band edge, or null
 * @param upper       upper band edge, or null
 * @param state       the state after evaluating at the end of this period
 */
public record AlarmStep(Instant periodStart, Double value, Double threshold, Double expected, Double lower,
                        Double upper, AlarmState state) {
}
