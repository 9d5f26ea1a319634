package dev.vigil.report;

import java.io.IOException;

/**
 * The "Metrics and alarms" section: a chart per alarm that entered ALARM (the series, the threshold or band, the
 * ALARM periods shaded and every state change marked), then a compact chart per metric with data.
 */
final class MetricsSectionWriter {

    private MetricsSectionWriter() {
    }

    static void write(HtmlSink html, MetricsSection section) throws IOException {
        html.markup("<section id=\"metrics\" aria-labelledby=\"metrics-h\">\n")
                .markup("<h2 id=\"metrics-h\">Metrics and alarms</h2>\n<p class=\"muted\">");
        if (section.from() == null) {
            html.markup("No record had an event time, so no alarm was evaluated.");
        } else {
            html.plain(HumanFormat.plural(section.alarmsEvaluated(), "alarm", "alarms"))
                    .markup(" evaluated over event time ").plain(UtcTime.formatWithZone(section.from()))
                    .markup(" to ").plain(UtcTime.formatWithZone(section.to())).markup("; ")
                    .plain(HumanFormat.count(section.alarms().size())).markup(" entered ALARM.");
        }
        html.markup(" Alarms are replayed over the logs' event time as CloudWatch would have evaluated them; an alarm")
                .markup(" that entered ALARM is a finding, kept when it returns to OK with its last state in the")
                .markup(" description and the evidence.</p>\n");
        for (String note : section.notes()) {
            html.markup("<p class=\"muted metric-note\">").text(note).markup("</p>\n");
        }
        int i = 0;
        for (MetricChart c : section.alarms()) {
            String id = "alarm-chart-" + (++i);
            html.markup("<figure class=\"card metric-figure\" id=\"").markup(id).markup("\">\n<figcaption><b class=\"alarm-name\">")
                    .text(c.title()).markup("</b> <span class=\"state state-")
                    .markup(stateClass(c.finalState())).markup("\">").text(c.finalState())
                    .markup("</span><br/><span class=\"mono\">").text(c.metric()).markup("</span>");
            if (!c.detail().isEmpty()) {
                html.markup(" &#183; ").text(c.detail());
            }
            html.markup("</figcaption>\n");
            MetricChartSvg.write(html, c, id, false);
            transitions(html, c);
            html.markup("</figure>\n");
        }
        if (!section.metrics().isEmpty()) {
            html.markup("<h4>Metrics with data</h4>\n<div class=\"metric-grid\">\n");
            int j = 0;
            for (MetricChart c : section.metrics()) {
                String id = "metric-chart-" + (++j);
                html.markup("<figure class=\"card metric-small\" id=\"").markup(id).markup("\"><figcaption class=\"mono\">")
                        .text(c.title()).markup("</figcaption>\n");
                MetricChartSvg.write(html, c, id, true);
                html.markup("<p class=\"chart-caption\">").text(c.detail()).markup("</p></figure>\n");
            }
            html.markup("</div>\n");
        }
        html.markup("</section>\n");
    }

    private static void transitions(HtmlSink html, MetricChart c) throws IOException {
        if (c.changes().isEmpty()) {
            return;
        }
        html.markup("<p class=\"chart-caption\">State changes: ");
        int shown = Math.min(c.changes().size(), 12);
        for (int k = 0; k < shown; k++) {
            MetricChart.StateChange s = c.changes().get(k);
            html.markup(k == 0 ? "" : "; ").text(s.from()).markup(" &#8594; ").text(s.to()).markup(" at ")
                    .text(UtcTime.formatWithZone(s.time()));
        }
        if (shown < c.changes().size()) {
            html.markup("; and ").plain(HumanFormat.count(c.changes().size() - shown)).markup(" more");
        }
        html.markup(".</p>\n");
    }

    private static String stateClass(String state) {
        return switch (state) {
            case "ALARM" -> "alarm";
            case "OK" -> "ok";
            default -> "other";
        };
    }
}
