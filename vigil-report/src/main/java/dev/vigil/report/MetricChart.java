package dev.vigil.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One metric series for the report's metrics section: a value per period, with the alarm's threshold or anomaly
 * band and its state changes when the series belongs to an alarm.
 *
 * <p>A long series is folded into at most {@value #MAX_POINTS} points, each covering several periods (the
 * largest value, the widest band, ALARM if any folded period was in ALARM), so a year of five-minute periods still
 * draws as a chart of a size a browser handles; {@link #bucketSeconds()} says how much each point covers.
 *
 * @param title         the alarm's name, or the metric's name for a plain series; shown escaped
 * @param metric        {@code Namespace/Name{dimensions}}; shown escaped
 * @param detail        one line on what is compared, e.g. {@code Sum >= 1 in 1 of 1 periods of 5 min}; may be empty
 * @param periodSeconds the period of the series
 * @param bucketSeconds what one point covers: the period, or a multiple once folded
 * @param points        oldest first
 * @param changes       the alarm's state changes, oldest first (empty for a plain series); at most
 *                      {@value #MAX_CHANGES} are kept
 * @param finalState    the alarm's state at the end, or empty for a plain series
 */
public record MetricChart(String title, String metric, String detail, long periodSeconds, long bucketSeconds,
                          List<Point> points, List<StateChange> changes, String finalState) {

    public static final int MAX_POINTS = 720;
    public static final int MAX_CHANGES = 200;

    /**
     * One period (or fold of periods).
     *
     * @param start     period start
     * @param value     the statistic, or null when the period had no data
     * @param threshold static threshold, or null
     * @param lower     anomaly band's lower edge, or null
     * @param upper     anomaly band's upper edge, or null
     * @param state     the alarm state after the period ({@code OK}, {@code ALARM}, {@code INSUFFICIENT_DATA}),
     *                  or empty for a plain series
     */
    public record Point(Instant start, Double value, Double threshold, Double lower, Double upper, String state) {
        public Point {
            Objects.requireNonNull(start, "start");
            state = Objects.requireNonNullElse(state, "");
        }
    }

    /** A state transition at {@code time} (the end of the period that caused it). */
    public record StateChange(Instant time, String from, String to, String reason) {
        public StateChange {
            Objects.requireNonNull(time, "time");
            from = Objects.requireNonNullElse(from, "");
            to = Objects.requireNonNullElse(to, "");
            reason = Objects.requireNonNullElse(reason, "");
        }
    }

    public MetricChart {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(metric, "metric");
        detail = Objects.requireNonNullElse(detail, "");
        finalState = Objects.requireNonNullElse(finalState, "");
        if (periodSeconds < 1) {
            throw new IllegalArgumentException("periodSeconds must be positive, was " + periodSeconds);
        }
        int fold = Math.max(1, (points.size() + MAX_POINTS - 1) / MAX_POINTS);
        points = fold == 1 ? List.copyOf(points) : fold(points, fold);
        bucketSeconds = Math.max(bucketSeconds, periodSeconds * fold);
        changes = List.copyOf(changes.subList(0, Math.min(changes.size(), MAX_CHANGES)));
    }

    /** A series of an alarm: each point covers one period. */
    public static MetricChart alarm(String title, String metric, String detail, long periodSeconds, List<Point> points,
                                    List<StateChange> changes, String finalState) {
        return new MetricChart(title, metric, detail, periodSeconds, periodSeconds, points, changes, finalState);
    }

    /** A plain series without alarm. */
    public static MetricChart series(String title, String metric, String detail, long periodSeconds,
                                     List<Point> points) {
        return new MetricChart(title, metric, detail, periodSeconds, periodSeconds, points, List.of(), "");
    }

    private static List<Point> fold(List<Point> points, int fold) {
        List<Point> out = new ArrayList<>(points.size() / fold + 1);
        for (int i = 0; i < points.size(); i += fold) {
            List<Point> group = points.subList(i, Math.min(points.size(), i + fold));
            Double value = null;
            Double threshold = null;
            Double lower = null;
            Double upper = null;
            String state = "";
            boolean alarm = false;
            for (Point p : group) {
                value = max(value, p.value());
                threshold = threshold == null ? p.threshold() : threshold;
                lower = min(lower, p.lower());
                upper = max(upper, p.upper());
                alarm |= "ALARM".equals(p.state());
                state = p.state();
            }
            out.add(new Point(group.get(0).start(), value, threshold, lower, upper, alarm ? "ALARM" : state));
        }
        return List.copyOf(out);
    }

    private static Double min(Double a, Double b) {
        return b == null ? a : a == null ? b : Double.valueOf(Math.min(a, b));
    }

    private static Double max(Double a, Double b) {
        return b == null ? a : a == null ? b : Double.valueOf(Math.max(a, b));
    }
}
