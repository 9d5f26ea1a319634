/**
 * CloudWatch-compatible monitoring over the logs Vigil reads: the filter pattern language, metric filters that turn
 * matching events into one-minute datapoints, a metric store, and alarms (static thresholds and anomaly bands) whose
 * ALARM state becomes a finding.
 */
package dev.vigil.metrics;
