package dev.vigil.metrics.alarm;

import java.util.List;

/**
 * The replay of one alarm over a time range.
 *
 * @param alarm       the alarm
 * @param steps       every evaluated period, oldest first (for charts)
 * @param transitions every state change, oldest first
 * @param finalState  the state at the end of the range
 */
public record AlarmHistory(AlarmDefinition alarm, List<AlarmStep> steps, List<AlarmTransition> transitions,
                           AlarmState finalState) {
    public AlarmHistory {
        steps = List.copyOf(steps);
        transitions = List.copyOf(transitions);
    }
}
