package dev.vigil.cli;

import dev.vigil.metrics.MetricKey;
import dev.vigil.metrics.alarm.AlarmDefinition;
import dev.vigil.metrics.alarm.AlarmEvaluator;
import dev.vigil.metrics.alarm.AlarmFinding;
import dev.vigil.metrics.alarm.AlarmFindings;
import dev.vigil.metrics.alarm.AlarmHistory;
import dev.vigil.metrics.alarm.AlarmState;
import dev.vigil.metrics.alarm.AlarmStep;
import dev.vigil.metrics.alarm.AlarmTransition;
import dev.vigil.metrics.filter.MetricFilter;
import dev.vigil.metrics.store.MetricSelector;
import dev.vigil.metrics.store.MetricStore;
import dev.vigil.metrics.store.SeriesPoint;
import dev.vigil.metrics.store.Statistic;
import dev.vigil.model.DetectionInfo;
import dev.vigil.model.Finding;
import dev.vigil.report.MetricChart;
import dev.vigil.report.MetricsSection;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Evaluates the alarms after a scan, over the scan's own metrics and the event-time range of its records (no wall
 * clock), and turns them into findings and the report's charts.
 *
 * <p><b>Status of an alarm finding.</b> An alarm that entered ALARM is a finding, kept when the alarm returns to
 * OK: a finding records that something happened, and returning to OK does not undo it. The finding's description
 * ends with the alarm's last state ("Last state: OK since … (resolved)" or "Last state: ALARM since … (open)"), and
 * its evidence holds every transition of the ALARM episodes including the OK that ended them.
 *
 * <p><b>Bounds.</b> Event times are read from logs; one record stamped decades away would otherwise make every alarm
 * replay millions of periods. An alarm is replayed over at most {@value #MAX_PERIODS} of its periods, the latest
 * ones of the range; the report says when a range was cut.
 */
final class AlarmReplay {

    static final int MAX_PERIODS = 100_000;
    /** Compact charts of metrics with data shown in the report. */
    static final int MAX_METRIC_CHARTS = 30;
    static final Duration METRIC_CHART_PERIOD = Duration.ofMinutes(5);

    /**
     * @param findings  one per alarm that entered ALARM
     * @param evaluated alarms evaluated
     * @param inAlarm   alarms that entered ALARM at least once
     * @param section   the report's metrics section
     */
    record Outcome(List<Finding> findings, int evaluated, int inAlarm, List<String> alarmNames,
                   MetricsSection section) {
    }

    private AlarmReplay() {
    }

    static Outcome run(MetricDefinitions definitions, ScanMetrics.Result metrics) {
        if (!metrics.hasTime()) {
            return new Outcome(List.of(), 0, 0, List.of(),
                    new MetricsSection(0, null, null, List.of(), List.of(), List.of()));
        }
        Instant from = Instant.ofEpochMilli(metrics.minTimeMillis());
        Instant to = Instant.ofEpochMilli(metrics.maxTimeMillis() + 1);
        AlarmEvaluator evaluator = new AlarmEvaluator();
        List<Finding> findings = new ArrayList<>();
        List<MetricChart> charts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int evaluated = 0;
        for (AlarmDefinition alarm : definitions.alarms()) {
            long periodMillis = alarm.periodSeconds() * 1000L;
            Instant start = from;
            if ((to.toEpochMilli() - from.toEpochMilli()) / periodMillis > MAX_PERIODS) {
                start = to.minusMillis(MAX_PERIODS * periodMillis);
                notes.add("Alarm " + alarm.name() + " was evaluated over its latest " + MAX_PERIODS + " periods only ("
                        + "from " + start + "): the records' event times span more.");
            }
            AlarmHistory history = evaluator.evaluate(alarm, metrics.store(), start, to, from);
            evaluated++;
            var finding = AlarmFindings.of(history);
            if (finding.isEmpty()) {
                continue;
            }
            findings.add(withStatus(finding.get()));
            names.add(alarm.name());
            charts.add(chart(history));
        }
        List<MetricChart> series = metricCharts(definitions, metrics.store(), from, to);
        return new Outcome(findings, evaluated, names.size(), names,
                new MetricsSection(evaluated, from, to, charts, series, notes));
    }

    /** The finding with the alarm's last state at the end of its description (see the class comment). */
    static Finding withStatus(AlarmFinding af) {
        Finding f = af.finding();
        String status = af.status() == AlarmFinding.Status.RESOLVED
                ? "Last state: OK since " + af.statusTime() + " (resolved)."
                : "Last state: ALARM since " + af.statusTime() + " (open).";
        DetectionInfo r = f.rule();
        DetectionInfo rule = new DetectionInfo(r.id(), r.title(), r.description() + " " + status, r.severity(),
                r.attack(), r.types());
        return new Finding(f.id(), rule, f.keys(), f.account(), f.region(), f.principal(), f.resource(),
                f.firstSeen(), f.lastSeen(), f.count(), f.evidence());
    }

    static MetricChart chart(AlarmHistory h) {
        AlarmDefinition a = h.alarm();
        List<MetricChart.Point> points = new ArrayList<>(h.steps().size());
        for (AlarmStep s : h.steps()) {
            points.add(new MetricChart.Point(s.periodStart(), s.value(), s.threshold(), s.lower(), s.upper(),
                    s.state().name()));
        }
        List<MetricChart.StateChange> changes = new ArrayList<>();
        for (AlarmTransition t : h.transitions()) {
            changes.add(new MetricChart.StateChange(t.time(), t.from().name(), t.to().name(), t.reason()));
        }
        return MetricChart.alarm(a.name(), a.metric().toString(), condition(a), a.periodSeconds(), points, changes,
                h.finalState().name());
    }

    /** {@code Sum >= 1 in 1 of 1 periods of 5 min, missing data notBreaching}. */
    static String condition(AlarmDefinition a) {
        String compare = switch (a.comparison()) {
            case GREATER_THAN_OR_EQUAL_TO_THRESHOLD -> ">= " + MetricsQueryCommand.number(a.threshold());
            case GREATER_THAN_THRESHOLD -> "> " + MetricsQueryCommand.number(a.threshold());
            case LESS_THAN_THRESHOLD -> "< " + MetricsQueryCommand.number(a.threshold());
            case LESS_THAN_OR_EQUAL_TO_THRESHOLD -> "<= " + MetricsQueryCommand.number(a.threshold());
            case LESS_THAN_LOWER_OR_GREATER_THAN_UPPER_THRESHOLD -> "outside the band";
            case GREATER_THAN_UPPER_THRESHOLD -> "above the band";
            case LESS_THAN_LOWER_THRESHOLD -> "below the band";
        };
        if (a.isAnomaly()) {
            compare += " of " + MetricsQueryCommand.number(a.band().stdDevs()) + " standard deviations";
        }
        long minutes = a.periodSeconds() / 60;
        String period = minutes % 60 == 0 ? minutes / 60 + " h" : minutes + " min";
        return a.statistic().awsName() + " " + compare + " in " + a.datapointsToAlarm() + " of "
                + a.evaluationPeriods() + " periods of " + period + ", missing data "
                + a.treatMissingData().awsName();
    }

    /** Compact charts: every dimensionless metric a filter publishes that has data, by name. */
    static List<MetricChart> metricCharts(MetricDefinitions definitions, MetricStore store, Instant from, Instant to) {
        Set<MetricKey> keys = new LinkedHashSet<>();
        for (MetricFilter f : definitions.filters()) {
            if (f.transformation().dimensions().isEmpty()) {
                keys.add(MetricKey.of(f.transformation().metricNamespace(), f.transformation().metricName()));
            }
        }
        Instant start = from;
        long periodMillis = METRIC_CHART_PERIOD.toMillis();
        if ((to.toEpochMilli() - from.toEpochMilli()) / periodMillis > MAX_PERIODS) {
            start = to.minusMillis(MAX_PERIODS * periodMillis);
        }
        Instant alignedStart = Instant.ofEpochMilli(Math.floorDiv(start.toEpochMilli(), periodMillis) * periodMillis);
        List<MetricChart> out = new ArrayList<>();
        for (MetricKey k : keys.stream().sorted(java.util.Comparator.comparing(MetricKey::toString)).toList()) {
            if (out.size() >= MAX_METRIC_CHARTS) {
                break;
            }
            List<SeriesPoint> series = store.statistics(MetricSelector.exactly(k), alignedStart, to,
                    METRIC_CHART_PERIOD, Statistic.Basic.SUM);
            if (series.isEmpty()) {
                continue;
            }
            List<MetricChart.Point> points = new ArrayList<>();
            int i = 0;
            double total = 0;
            for (long t = alignedStart.toEpochMilli(); t < to.toEpochMilli(); t += periodMillis) {
                Double v = null;
                if (i < series.size() && series.get(i).periodStart().toEpochMilli() == t) {
                    v = series.get(i++).value();
                    total += v;
                }
                points.add(new MetricChart.Point(Instant.ofEpochMilli(t), v, null, null, null, ""));
            }
            out.add(MetricChart.series(k.name(), k.toString(), "Sum per 5 min; total "
                    + MetricsQueryCommand.number(total), METRIC_CHART_PERIOD.toSeconds(), points));
        }
        return out;
    }

    /** One line for the terminal. */
    static String summaryLine(ScanMetrics.Result m, Outcome o) {
        String alarms = o.inAlarm() == 0 ? "none entered ALARM"
                : o.inAlarm() + " entered ALARM (" + String.join(", ", o.alarmNames()) + ")";
        return String.format(Locale.ROOT, "metrics: %,d datapoints in %,d metrics; alarms: %d evaluated, %s",
                m.datapoints(), m.store().metrics().size(), o.evaluated(), alarms);
    }
}
