package dev.vigil.metrics.alarm;

/** One period of an alarm's evaluation range, classified against the threshold or band. */
enum Slot {
    /** No datapoint in the period (or, for an anomaly alarm, no trained band for it). */
    MISSING,
    /** A datapoint within the threshold. */
    NOT_BREACHING,
    /** A datapoint that breaches. */
    BREACHING;

    /** The truth-table letter CloudWatch's documentation uses: {@code -}, {@code 0}, {@code X}. */
    char letter() {
        return switch (this) {
            case MISSING -> '-';
            case NOT_BREACHING -> '0';
            case BREACHING -> 'X';
        };
    }
}
