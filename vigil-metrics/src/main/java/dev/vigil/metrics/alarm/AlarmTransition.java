package dev.vigil.metrics.alarm;

import java.time.Instant;
import java.util.List;

/**
 * A state change, as CloudWatch's alarm history records it.
 *
 * @param time       when it happened: the end of the period whose evaluation changed the state (event time)
 * @param from       the previous state
 * @param to         the new state
 * @param reason     a sentence in the spirit of CloudWatch's {@code StateReason}
 * @param datapoints the real datapoints the decision was based on, newest first
 */
public record AlarmTransition(Instant time, AlarmState from, AlarmState to, String reason,
                              List<ReasonDatapoint> datapoints) {

    public AlarmTransition {
        datapoints = List.copyOf(datapoints);
    }

    /** A datapoint named in a state reason: its period start and value. */
    public record ReasonDatapoint(Instant timestamp, double value) {
    }
}
