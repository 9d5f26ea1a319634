package dev.vigil.metrics.alarm;

/**
 * CloudWatch's {@code ComparisonOperator}: four static-threshold comparisons and three for anomaly-detection
 * bands. A datapoint <em>breaches</em> when the comparison holds.
 */
public enum ComparisonOperator {
    GREATER_THAN_OR_EQUAL_TO_THRESHOLD("GreaterThanOrEqualToThreshold", "greater than or equal to", false),
    GREATER_THAN_THRESHOLD("GreaterThanThreshold", "greater than", false),
    LESS_THAN_THRESHOLD("LessThanThreshold", "less than", false),
    LESS_THAN_OR_EQUAL_TO_THRESHOLD("LessThanOrEqualToThreshold", "less than or equal to", false),
    LESS_THAN_LOWER_OR_GREATER_THAN_UPPER_THRESHOLD("LessThanLowerOrGreaterThanUpperThreshold",
            "outside the band", true),
    GREATER_THAN_UPPER_THRESHOLD("GreaterThanUpperThreshold", "greater than the upper band", true),
    LESS_THAN_LOWER_THRESHOLD("LessThanLowerThreshold", "less than the lower band", true);

    private final String awsName;
    private final String phrase;
    private final boolean anomaly;

    ComparisonOperator(String awsName, String phrase, boolean anomaly) {
        this.awsName = awsName;
        this.phrase = phrase;
        this.anomaly = anomaly;
    }

    public String awsName() {
        return awsName;
    }

    /** The words CloudWatch's state reasons use, e.g. "greater than or equal to". */
    String phrase() {
        return phrase;
    }

    /** True for the three operators that compare against an anomaly-detection band. */
    public boolean isAnomaly() {
        return anomaly;
    }

    /** Static threshold: does {@code value} breach {@code threshold}? */
    public boolean breaches(double value, double threshold) {
        return switch (this) {
            case GREATER_THAN_OR_EQUAL_TO_THRESHOLD -> value >= threshold;
            case GREATER_THAN_THRESHOLD -> value > threshold;
            case LESS_THAN_THRESHOLD -> value < threshold;
            case LESS_THAN_OR_EQUAL_TO_THRESHOLD -> value <= threshold;
            default -> throw new IllegalStateException(awsName + " compares against a band, not a threshold");
        };
    }

    /** Anomaly band: does {@code value} breach the band [lower, upper] on this operator's side(s)? */
    public boolean breaches(double value, double lower, double upper) {
        return switch (this) {
            case LESS_THAN_LOWER_OR_GREATER_THAN_UPPER_THRESHOLD -> value < lower || value > upper;
            case GREATER_THAN_UPPER_THRESHOLD -> value > upper;
            case LESS_THAN_LOWER_THRESHOLD -> value < lower;
            default -> throw new IllegalStateException(awsName + " compares against a threshold, not a band");
        };
    }

    /**
     * Parses CloudWatch's spelling (exact, as the API requires).
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static ComparisonOperator parse(String text) {
        for (ComparisonOperator c : values()) {
            if (c.awsName.equals(text)) {
                return c;
            }
        }
        StringBuilder names = new StringBuilder();
        for (ComparisonOperator c : values()) {
            names.append(names.isEmpty() ? "" : ", ").append(c.awsName);
        }
        throw new IllegalArgumentException("ComparisonOperator '" + text + "' is not one of " + names);
    }
}
