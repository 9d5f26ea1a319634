package dev.vigil.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The report's metrics section: the alarms that entered ALARM, each with its chart, and compact charts of the
 * metrics the scan's filters published.
 *
 * @param alarmsEvaluated how many alarms were evaluated
 * @param from            start of the event-time range the alarms were evaluated over, or null when none
 * @param to              end of that range, or null
 * @param alarms          one chart per alarm that entered ALARM
 * @param metrics         compact charts of metrics with data
 * @param notes           lines to show as they are (what was left out and why)
 */
public record MetricsSection(int alarmsEvaluated, Instant from, Instant to, List<MetricChart> alarms,
                             List<MetricChart> metrics, List<String> notes) {

    public MetricsSection {
        alarms = List.copyOf(alarms);
        metrics = List.copyOf(metrics);
        notes = List.copyOf(notes);
        if ((from == null) != (to == null)) {
            throw new IllegalArgumentException("from and to are both given or both null");
        }
        Objects.requireNonNull(notes, "notes");
    }
}
