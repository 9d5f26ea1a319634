package dev.vigil.report;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link MetricChart} as inline SVG, like the timeline: no script, every text from data escaped. One bar
 * per period; periods the alarm spent in ALARM are shaded and their bars drawn in red; the static threshold is a
 * dashed line, the anomaly band a grey area; each state change is a vertical marker with a tooltip giving the
 * transition, its time and CloudWatch-style reason.
 */
final class MetricChartSvg {

    private static final int LEFT = 56;
    private static final int RIGHT = 12;
    private static final int TOP = 12;
    private static final int BOTTOM = 30;
    private static final int MAX_X_LABELS = 6;

    private MetricChartSvg() {
    }

    /**
     * @param id      unique element id prefix for the chart's description (ASCII letters, digits, '-')
     * @param compact a small chart without axis labels, for the overview of metrics
     */
    static void write(HtmlSink html, MetricChart chart, String id, boolean compact) throws IOException {
        List<MetricChart.Point> points = chart.points();
        if (points.isEmpty()) {
            html.markup("<p class=\"muted\">No periods to chart.</p>\n");
            return;
        }
        int width = compact ? 320 : 960;
        int height = compact ? 72 : 230;
        int left = compact ? 4 : LEFT;
        int right = compact ? 4 : RIGHT;
        int top = compact ? 4 : TOP;
        int bottom = compact ? 4 : BOTTOM;
        double plotW = width - left - right;
        double plotH = height - top - bottom;
        int n = points.size();
        Instant first = points.get(0).start();
        Instant end = points.get(n - 1).start().plusSeconds(chart.bucketSeconds());
        double span = Math.max(1, end.toEpochMilli() - first.toEpochMilli());

        double hi = 0;
        double lo = 0;
        boolean integral = true;
        for (MetricChart.Point p : points) {
            for (Double v : new Double[]{p.value(), p.threshold(), p.lower(), p.upper()}) {
                if (v != null && Double.isFinite(v)) {
                    hi = Math.max(hi, v);
                    lo = Math.min(lo, v);
                    integral &= v == Math.rint(v);
                }
            }
        }
        double step = niceStep(Math.max(hi - lo, Double.MIN_NORMAL));
        if (integral) {
            step = Math.max(1, step); // counts: no half-events on the axis
        }
        double yTop = Math.ceil(hi / step) * step;
        double yBottom = Math.floor(lo / step) * step;
        if (!(yTop > yBottom)) {
            yTop = yBottom + 1;
            step = 1;
        }
        Scale y = new Scale(top, plotH, yBottom, yTop);
        double barW = plotW / n;
        double gap = barW > 6 ? Math.min(3, barW * 0.2) : 0;

        html.markup("<svg class=\"metric").markup(compact ? " compact" : "").markup("\" viewBox=\"0 0 ")
                .number(width).markup(" ").number(height).markup("\" role=\"img\" aria-labelledby=\"").markup(id)
                .markup("-desc\" preserveAspectRatio=\"xMidYMid meet\">\n<desc id=\"").markup(id).markup("-desc\">")
                .plain(description(chart, first, end)).markup("</desc>\n");

        // Periods in ALARM, shaded behind everything else (consecutive periods as one area).
        for (int i = 0; i < n; i++) {
            if (!"ALARM".equals(points.get(i).state())) {
                continue;
            }
            int j = i;
            while (j + 1 < n && "ALARM".equals(points.get(j + 1).state())) {
                j++;
            }
            html.markup("<rect class=\"alarm-zone\" x=\"").markup(fmt(left + i * barW)).markup("\" y=\"")
                    .markup(fmt(top)).markup("\" width=\"").markup(fmt((j - i + 1) * barW)).markup("\" height=\"")
                    .markup(fmt(plotH)).markup("\"/>\n");
            i = j;
        }
        if (!compact) {
            for (double v = yBottom; v <= yTop + step / 2; v += step) {
                double yy = y.of(v);
                html.markup("<line class=\"grid\" x1=\"").markup(fmt(left)).markup("\" x2=\"")
                        .markup(fmt(width - right)).markup("\" y1=\"").markup(fmt(yy)).markup("\" y2=\"")
                        .markup(fmt(yy)).markup("\"/><text class=\"axis\" x=\"").markup(fmt(left - 6))
                        .markup("\" y=\"").markup(fmt(yy + 4)).markup("\" text-anchor=\"end\">").plain(number(v))
                        .markup("</text>\n");
            }
        }
        // Anomaly band.
        for (int i = 0; i < n; i++) {
            MetricChart.Point p = points.get(i);
            if (p.lower() != null && p.upper() != null) {
                double y1 = y.of(p.upper());
                double y2 = y.of(p.lower());
                html.markup("<rect class=\"band\" x=\"").markup(fmt(left + i * barW)).markup("\" y=\"")
                        .markup(fmt(y1)).markup("\" width=\"").markup(fmt(barW)).markup("\" height=\"")
                        .markup(fmt(Math.max(0.5, y2 - y1))).markup("\"/>\n");
            }
        }
        // Bars.
        double zero = y.of(Math.max(yBottom, Math.min(0, yTop)));
        for (int i = 0; i < n; i++) {
            MetricChart.Point p = points.get(i);
            if (p.value() == null) {
                continue;
            }
            double yy = y.of(p.value());
            double y1 = Math.min(yy, zero);
            double h = Math.max(1, Math.abs(zero - yy));
            html.markup("<rect class=\"bar").markup("ALARM".equals(p.state()) ? " breach" : "").markup("\" x=\"")
                    .markup(fmt(left + i * barW + gap / 2)).markup("\" y=\"").markup(fmt(y1)).markup("\" width=\"")
                    .markup(fmt(Math.max(1, barW - gap))).markup("\" height=\"").markup(fmt(h)).markup("\"><title>")
                    .plain(UtcTime.formatWithZone(p.start())).markup(": ").plain(number(p.value()));
            if (p.lower() != null && p.upper() != null) {
                html.markup(" (band ").plain(number(p.lower())).markup(" to ").plain(number(p.upper())).markup(")");
            }
            if (!p.state().isEmpty()) {
                html.markup(", ").plain(p.state());
            }
            html.markup("</title></rect>\n");
        }
        // Static threshold (constant per alarm; drawn from the first point that has one).
        Double threshold = points.stream().map(MetricChart.Point::threshold).filter(t -> t != null).findFirst()
                .orElse(null);
        if (threshold != null) {
            double yy = y.of(threshold);
            html.markup("<line class=\"threshold\" x1=\"").markup(fmt(left)).markup("\" x2=\"")
                    .markup(fmt(width - right)).markup("\" y1=\"").markup(fmt(yy)).markup("\" y2=\"").markup(fmt(yy))
                    .markup("\"><title>threshold ").plain(number(threshold)).markup("</title></line>\n");
            if (!compact) {
                html.markup("<text class=\"threshold-label\" x=\"").markup(fmt(width - right - 4)).markup("\" y=\"")
                        .markup(fmt(Math.max(top + 10, yy - 4))).markup("\" text-anchor=\"end\">threshold ")
                        .plain(number(threshold)).markup("</text>\n");
            }
        }
        // State changes.
        for (MetricChart.StateChange c : chart.changes()) {
            double x = left + plotW * (c.time().toEpochMilli() - first.toEpochMilli()) / span;
            if (x < left || x > width - right) {
                continue;
            }
            String cls = "ALARM".equals(c.to()) ? "to-alarm" : "OK".equals(c.to()) ? "to-ok" : "to-other";
            html.markup("<line class=\"change ").markup(cls).markup("\" x1=\"").markup(fmt(x)).markup("\" x2=\"")
                    .markup(fmt(x)).markup("\" y1=\"").markup(fmt(top)).markup("\" y2=\"").markup(fmt(top + plotH))
                    .markup("\"><title>").plain(c.from()).markup(" to ").plain(c.to()).markup(" at ")
                    .plain(UtcTime.formatWithZone(c.time())).markup(c.reason().isEmpty() ? "" : ": ")
                    .plain(Clip.clip(c.reason(), 600)).markup("</title></line>\n");
        }
        html.markup("<line class=\"baseline\" x1=\"").markup(fmt(left)).markup("\" x2=\"").markup(fmt(width - right))
                .markup("\" y1=\"").markup(fmt(zero)).markup("\" y2=\"").markup(fmt(zero)).markup("\"/>\n");
        if (!compact) {
            DateTimeFormatter labels = TimelineChart.labelFormat(chart.bucketSeconds(), first, end);
            int every = (n + MAX_X_LABELS - 1) / MAX_X_LABELS;
            for (int i = 0; i < n; i += every) {
                double x = left + i * barW;
                html.markup("<text class=\"axis\" x=\"").markup(fmt(x)).markup("\" y=\"")
                        .markup(fmt(top + plotH + 18)).markup("\" text-anchor=\"").markup(i == 0 ? "start" : "middle")
                        .markup("\">").plain(TimelineChart.label(labels, points.get(i).start())).markup("</text>\n");
            }
        }
        html.markup("</svg>\n");
    }

    static String description(MetricChart chart, Instant first, Instant end) {
        StringBuilder b = new StringBuilder();
        b.append(chart.metric()).append(" per ").append(TimelineChart.intervalText(chart.bucketSeconds()))
                .append(", ").append(UtcTime.formatWithZone(first)).append(" to ").append(UtcTime.formatWithZone(end));
        if (!chart.detail().isEmpty()) {
            b.append("; ").append(chart.detail());
        }
        long alarms = chart.changes().stream().filter(c -> "ALARM".equals(c.to())).count();
        if (!chart.finalState().isEmpty()) {
            b.append("; entered ALARM ").append(alarms == 1 ? "once" : alarms + " times")
                    .append(", final state ").append(chart.finalState());
        }
        return b.append('.').toString();
    }

    /** 1, 2 or 5 times a power of ten, reaching {@code range} in at most five steps. */
    static double niceStep(double range) {
        double raw = range / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[]{1, 2, 5, 10}) {
            if (magnitude * m >= raw) {
                return magnitude * m;
            }
        }
        return magnitude * 10;
    }

    /** A number as a person reads it: integers without decimals, others with up to four significant digits. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return HumanFormat.count((long) v);
        }
        return String.format(Locale.ROOT, "%.4g", v).replaceAll("\\.?0+(e|$)", "$1");
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private record Scale(double top, double height, double min, double max) {
        double of(double v) {
            double clamped = Math.max(min, Math.min(max, v));
            return top + height * (max - clamped) / (max - min);
        }
    }
}
