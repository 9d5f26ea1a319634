package dev.vigil.metrics.alarm;

/** How an alarm treats periods without a datapoint, with CloudWatch's spellings ({@code TreatMissingData}). */
public enum TreatMissingData {
    /** The default: missing periods are not considered; all missing means INSUFFICIENT_DATA. */
    MISSING("missing"),
    /** Missing periods count as within the threshold. */
    NOT_BREACHING("notBreaching"),
    /** Missing periods count as breaching. */
    BREACHING("breaching"),
    /** The current state is kept when the data present cannot decide. */
    IGNORE("ignore");

    private final String awsName;

    TreatMissingData(String awsName) {
        this.awsName = awsName;
    }

    public String awsName() {
        return awsName;
    }

    /**
     * Parses CloudWatch's spelling; absent means {@link #MISSING}, CloudWatch's default.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static TreatMissingData parse(String text) {
        if (text == null || text.isBlank()) {
            return MISSING;
        }
        for (TreatMissingData t : values()) {
            if (t.awsName.equalsIgnoreCase(text.trim()) || t.name().equalsIgnoreCase(text.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("TreatMissingData '" + text
                + "' is not one of missing, notBreaching, breaching, ignore");
    }
}
