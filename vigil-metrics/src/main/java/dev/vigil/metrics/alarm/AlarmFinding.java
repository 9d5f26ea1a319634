package dev.vigil.metrics.alarm;

import dev.vigil.model.Finding;

import java.time.Instant;

/**
 * A finding raised by an alarm, with its workflow status. {@link Finding} has no status field, and this module
 * does not change the model; the status travels beside the finding until the hub's workflow takes it.
 *
 * @param finding    the finding: one per alarm and metric, updated by every ALARM episode
 * @param status     OPEN while the alarm has not returned to OK since it last entered ALARM
 * @param statusTime when the status was last set (the transition's event time)
 */
public record AlarmFinding(Finding finding, Status status, Instant statusTime) {

    /** Workflow status of an alarm finding. */
    public enum Status {
        /** The alarm is in ALARM, or left it only for INSUFFICIENT_DATA (not known to be fine). */
        OPEN,
        /** The alarm returned to OK. */
        RESOLVED
    }
}
