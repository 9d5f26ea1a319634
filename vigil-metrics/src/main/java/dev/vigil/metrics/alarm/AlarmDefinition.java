package dev.vigil.metrics.alarm;

import dev.vigil.metrics.MetricKey;
import dev.vigil.metrics.store.Statistic;
import dev.vigil.model.Severity;

import java.util.List;
import java.util.Objects;

/**
 * A CloudWatch metric alarm as {@code describe-alarms} prints it, restricted to what Vigil evaluates: one metric
 * with a static threshold, or one metric with an anomaly-detection band.
 *
 * @param name                       AlarmName
 * @param description                AlarmDescription, or empty
 * @param metric                     Namespace, MetricName and Dimensions
 * @param statistic                  Statistic or ExtendedStatistic
 * @param unit                       Unit, or null when the alarm does not restrict it
 * @param periodSeconds              Period: a multiple of 60 (Vigil keeps one-minute resolution)
 * @param evaluationPeriods          EvaluationPeriods (N)
 * @param datapointsToAlarm          DatapointsToAlarm (M), 1..N; N when absent
 * @param threshold                  Threshold; null for anomaly alarms
 * @param comparison                 ComparisonOperator
 * @param treatMissingData           TreatMissingData
 * @param evaluateLowSampleCountPercentiles EvaluateLowSampleCountPercentile: true for {@code evaluate} (the default)
 * @param band                       the anomaly band for the anomaly operators, else null
 * @param actionsEnabled             ActionsEnabled (kept for round trips; Vigil runs no actions)
 * @param alarmActions               AlarmActions ARNs (kept for round trips)
 * @param okActions                  OKActions ARNs
 * @param insufficientDataActions    InsufficientDataActions ARNs
 * @param severity                   Vigil extension: severity of the finding raised in ALARM (default medium)
 */
public record AlarmDefinition(String name, String description, MetricKey metric, Statistic statistic, String unit,
                              int periodSeconds, int evaluationPeriods, int datapointsToAlarm, Double threshold,
                              ComparisonOperator comparison, TreatMissingData treatMissingData,
                              boolean evaluateLowSampleCountPercentiles, AnomalyBandSpec band,
                              boolean actionsEnabled, List<String> alarmActions, List<String> okActions,
                              List<String> insufficientDataActions, Severity severity) {

    /** CloudWatch (2023 docs): EvaluationPeriods × Period may not exceed one day. */
    static final int MAX_EVALUATION_SECONDS = 86_400;

    public AlarmDefinition {
        Objects.requireNonNull(name, "name");
        description = Objects.requireNonNullElse(description, "");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(statistic, "statistic");
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(treatMissingData, "treatMissingData");
        severity = Objects.requireNonNullElse(severity, Severity.MEDIUM);
        alarmActions = List.copyOf(alarmActions);
        okActions = List.copyOf(okActions);
        insufficientDataActions = List.copyOf(insufficientDataActions);
        if (name.isBlank() || name.length() > 255) {
            throw new IllegalArgumentException("AlarmName must be 1 to 255 characters");
        }
        if (periodSeconds < 60 || periodSeconds % 60 != 0) {
            throw new IllegalArgumentException("alarm " + name + ": Period " + periodSeconds + " is not a multiple of"
                    + " 60 seconds; Vigil keeps metrics at one-minute resolution, so high-resolution (10 s, 30 s)"
                    + " alarms cannot be evaluated");
        }
        if (evaluationPeriods < 1) {
            throw new IllegalArgumentException("alarm " + name + ": EvaluationPeriods must be at least 1, was "
                    + evaluationPeriods);
        }
        if ((long) evaluationPeriods * periodSeconds > MAX_EVALUATION_SECONDS) {
            throw new IllegalArgumentException("alarm " + name + ": EvaluationPeriods × Period is "
                    + (long) evaluationPeriods * periodSeconds + " s; CloudWatch allows at most one day (86400 s)");
        }
        if (datapointsToAlarm < 1 || datapointsToAlarm > evaluationPeriods) {
            throw new IllegalArgumentException("alarm " + name + ": DatapointsToAlarm must be between 1 and"
                    + " EvaluationPeriods (" + evaluationPeriods + "), was " + datapointsToAlarm);
        }
        if (comparison.isAnomaly()) {
            if (band == null) {
                throw new IllegalArgumentException("alarm " + name + ": " + comparison.awsName() + " needs an"
                        + " ANOMALY_DETECTION_BAND expression named by ThresholdMetricId");
            }
            if (threshold != null) {
                throw new IllegalArgumentException("alarm " + name + ": an anomaly alarm has no static Threshold");
            }
        } else {
            if (band != null) {
                throw new IllegalArgumentException("alarm " + name + ": a band needs one of the anomaly operators"
                        + " (LessThanLowerOrGreaterThanUpperThreshold, GreaterThanUpperThreshold,"
                        + " LessThanLowerThreshold), not " + comparison.awsName());
            }
            if (threshold == null || !Double.isFinite(threshold)) {
                throw new IllegalArgumentException("alarm " + name + ": " + comparison.awsName()
                        + " needs a numeric Threshold");
            }
        }
    }

    /** A static-threshold alarm with CloudWatch's defaults for everything else. */
    public static AlarmDefinition threshold(String name, MetricKey metric, Statistic statistic, int periodSeconds,
                                            int evaluationPeriods, int datapointsToAlarm, double threshold,
                                            ComparisonOperator comparison, TreatMissingData treatMissingData) {
        return new AlarmDefinition(name, "", metric, statistic, null, periodSeconds, evaluationPeriods,
                datapointsToAlarm, threshold, comparison, treatMissingData, true, null, true, List.of(), List.of(),
                List.of(), Severity.MEDIUM);
    }

    /** An anomaly-detection alarm with CloudWatch's defaults for everything else. */
    public static AlarmDefinition anomaly(String name, MetricKey metric, Statistic statistic, int periodSeconds,
                                          int evaluationPeriods, int datapointsToAlarm, double stdDevs,
                                          ComparisonOperator comparison, TreatMissingData treatMissingData) {
        return new AlarmDefinition(name, "", metric, statistic, null, periodSeconds, evaluationPeriods,
                datapointsToAlarm, null, comparison, treatMissingData, true,
                new AnomalyBandSpec("m1", "ad1", stdDevs, false), true, List.of(), List.of(), List.of(),
                Severity.MEDIUM);
    }

    public boolean isAnomaly() {
        return band != null;
    }

    public AlarmDefinition withSeverity(Severity s) {
        return new AlarmDefinition(name, description, metric, statistic, unit, periodSeconds, evaluationPeriods,
                datapointsToAlarm, threshold, comparison, treatMissingData, evaluateLowSampleCountPercentiles, band,
                actionsEnabled, alarmActions, okActions, insufficientDataActions, s);
    }
}
