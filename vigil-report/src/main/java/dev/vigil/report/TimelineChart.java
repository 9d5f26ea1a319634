package dev.vigil.report;

import dev.vigil.model.Severity;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The timeline as an inline SVG: a stacked bar per time bucket, coloured by severity, most severe at the
 * bottom, with UTC time labels. Every bar segment has a tooltip with its exact count, and the chart carries a
 * text description for screen readers.
 */
final class TimelineChart {

    private static final int WIDTH = 960;
    private static final int HEIGHT = 250;
    private static final int LEFT = 48;
    private static final int RIGHT = 12;
    private static final int TOP = 12;
    private static final int BOTTOM = 34;
    private static final int MAX_X_LABELS = 6;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_MINUTE =
            DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private TimelineChart() {
    }

    static void write(HtmlSink html, TimelineBuckets buckets) throws IOException {
        int n = buckets.bucketCount();
        if (n == 0) {
            html.markup("<p class=\"muted\">No findings with a usable event time to chart.");
            undatedNote(html, buckets.undated());
            html.markup("</p>\n");
            return;
        }
        int maxTotal = Math.max(1, buckets.maxTotal());
        long step = niceStep(maxTotal);
        long top = ((maxTotal + step - 1) / step) * step;
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        double barW = plotW / n;
        double gap = barW > 6 ? Math.min(4, barW * 0.15) : 0;
        Instant first = buckets.bucketStart(0);
        Instant end = buckets.bucketStart(n);

        html.markup("<svg class=\"timeline\" viewBox=\"0 0 ").number(WIDTH).markup(" ").number(HEIGHT)
                .markup("\" role=\"img\" aria-labelledby=\"timeline-desc\" preserveAspectRatio=\"xMidYMid meet\">\n")
                .markup("<desc id=\"timeline-desc\">Findings by first-seen time, ").plain(UtcTime.formatWithZone(first))
                .markup(" to ").plain(UtcTime.formatWithZone(end)).markup(", one bar per ")
                .plain(intervalText(buckets.intervalSeconds())).markup(", stacked by severity.</desc>\n");

        // Horizontal grid and count labels.
        for (long v = 0; v <= top; v += step) {
            double y = TOP + plotH - plotH * v / top;
            html.markup("<line class=\"grid\" x1=\"").markup(fmt(LEFT)).markup("\" x2=\"").markup(fmt(WIDTH - RIGHT))
                    .markup("\" y1=\"").markup(fmt(y)).markup("\" y2=\"").markup(fmt(y)).markup("\"/>")
                    .markup("<text class=\"axis\" x=\"").markup(fmt(LEFT - 6)).markup("\" y=\"").markup(fmt(y + 4))
                    .markup("\" text-anchor=\"end\">").plain(HumanFormat.count(v)).markup("</text>\n");
        }

        // Bars, most severe at the bottom of each stack.
        for (int b = 0; b < n; b++) {
            double x = LEFT + b * barW + gap / 2;
            double y = TOP + plotH;
            for (Severity s : SeverityStyle.mostSevereFirst()) {
                int c = buckets.counts()[b][s.ordinal()];
                if (c == 0) {
                    continue;
                }
                double h = plotH * c / top;
                y -= h;
                html.markup("<rect x=\"").markup(fmt(x)).markup("\" y=\"").markup(fmt(y))
                        .markup("\" width=\"").markup(fmt(Math.max(1, barW - gap))).markup("\" height=\"")
                        .markup(fmt(h)).markup("\" fill=\"").markup(SeverityStyle.colour(s)).markup("\"><title>")
                        .plain(UtcTime.formatWithZone(buckets.bucketStart(b))).markup(" + ")
                        .plain(intervalText(buckets.intervalSeconds())).markup(": ")
                        .plain(HumanFormat.count(c)).markup(" ").plain(s.caption())
                        .markup(c == 1 ? " finding" : " findings").markup("</title></rect>\n");
            }
        }

        // Baseline and UTC time labels on bucket boundaries.
        html.markup("<line class=\"baseline\" x1=\"").markup(fmt(LEFT)).markup("\" x2=\"").markup(fmt(WIDTH - RIGHT))
                .markup("\" y1=\"").markup(fmt(TOP + plotH)).markup("\" y2=\"").markup(fmt(TOP + plotH)).markup("\"/>\n");
        DateTimeFormatter labels = labelFormat(buckets.intervalSeconds(), first, end);
        int every = (n + MAX_X_LABELS - 1) / MAX_X_LABELS;
        for (int b = 0; b < n; b += every) {
            double x = LEFT + b * barW;
            html.markup("<line class=\"tick\" x1=\"").markup(fmt(x)).markup("\" x2=\"").markup(fmt(x))
                    .markup("\" y1=\"").markup(fmt(TOP + plotH)).markup("\" y2=\"").markup(fmt(TOP + plotH + 5))
                    .markup("\"/><text class=\"axis\" x=\"").markup(fmt(x)).markup("\" y=\"")
                    .markup(fmt(TOP + plotH + 18)).markup("\" text-anchor=\"").markup(b == 0 ? "start" : "middle")
                    .markup("\">").plain(label(labels, buckets.bucketStart(b))).markup("</text>\n");
        }
        html.markup("</svg>\n");
        html.markup("<p class=\"chart-caption\">First seen (UTC), each bar ")
                .plain(intervalText(buckets.intervalSeconds())).markup(", from ")
                .plain(UtcTime.formatWithZone(first)).markup(" to ").plain(UtcTime.formatWithZone(end)).markup(".");
        undatedNote(html, buckets.undated());
        html.markup("</p>\n<p class=\"legend\">");
        for (Severity s : SeverityStyle.mostSevereFirst()) {
            html.markup("<span class=\"key\"><span class=\"swatch sev-").markup(SeverityStyle.cssName(s))
                    .markup("\"></span>").plain(s.caption()).markup("</span> ");
        }
        html.markup("</p>\n");
    }

    private static void undatedNote(HtmlSink html, int undated) throws IOException {
        if (undated > 0) {
            html.markup(" ").plain(HumanFormat.plural(undated, "finding has", "findings have"))
                    .markup(" no usable event time and ").markup(undated == 1 ? "is" : "are").markup(" not charted.");
        }
    }

    /** 1, 2 or 5 times a power of ten, reaching the maximum in at most five steps. */
    static long niceStep(long max) {
        long step = 1;
        while (true) {
            for (long m : new long[]{1, 2, 5}) {
                if ((max + step * m - 1) / (step * m) <= 5) {
                    return step * m;
                }
            }
            step *= 10;
        }
    }

    static String intervalText(long seconds) {
        if (seconds % 86_400 == 0) {
            return HumanFormat.plural(seconds / 86_400, "day", "days");
        }
        if (seconds % 3_600 == 0) {
            return HumanFormat.plural(seconds / 3_600, "hour", "hours");
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + " min";
        }
        return seconds + " s";
    }

    static DateTimeFormatter labelFormat(long interval, Instant first, Instant end) {
        if (interval >= 86_400) {
            return DAY;
        }
        boolean oneDay = label(DAY, first).equals(label(DAY, end.isAfter(first) ? end.minusSeconds(1) : first));
        if (!oneDay) {
            return DAY_MINUTE;
        }
        return interval >= 60 ? MINUTE : SECOND;
    }

    static String label(DateTimeFormatter f, Instant t) {
        try {
            return f.format(t);
        } catch (java.time.DateTimeException beyondCalendar) {
            return t.toString();
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
