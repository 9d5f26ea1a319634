package dev.vigil.metrics.alarm;

/**
 * The anomaly-detection part of an alarm: CloudWatch's metric-math pair {@code m1} (the metric) and
 * {@code ad1 = ANOMALY_DETECTION_BAND(m1, k)}, with {@code ThresholdMetricId = ad1}.
 *
 * @param metricId           the id of the metric query, e.g. {@code m1}
 * @param bandId             the id of the band expression, e.g. {@code ad1}
 * @param stdDevs            the band width k in standard deviations (CloudWatch accepts non-integers)
 * @param trainMissingAsZero Vigil extension: train on missing periods as 0 (right for counts published by metric
 *                           filters without a default value, which publish nothing when nothing matched)
 */
public record AnomalyBandSpec(String metricId, String bandId, double stdDevs, boolean trainMissingAsZero) {

    public AnomalyBandSpec {
        if (!(stdDevs > 0 && stdDevs <= 100)) {
            throw new IllegalArgumentException("the anomaly band width must be a positive number of standard"
                    + " deviations (at most 100), was " + stdDevs);
        }
    }

    /** The metric-math expression CloudWatch stores for the band. */
    public String expression() {
        String k = stdDevs == Math.rint(stdDevs) ? Long.toString((long) stdDevs) : Double.toString(stdDevs);
        return "ANOMALY_DETECTION_BAND(" + metricId + ", " + k + ")";
    }
}
