package dev.vigil.metrics.alarm;

/** The three states of a CloudWatch metric alarm, spelled as CloudWatch's {@code StateValue}. */
public enum AlarmState {
    /** The metric is within the threshold (or the band). */
    OK,
    /** The metric breached the threshold (or left the band) in enough of the evaluated periods. */
    ALARM,
    /** The alarm has just started, or there is no data (or no trained model) to decide on. */
    INSUFFICIENT_DATA
}
