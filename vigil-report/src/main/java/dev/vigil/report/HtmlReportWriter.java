package dev.vigil.report;

import dev.vigil.model.Finding;
import dev.vigil.model.ScanSummary;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes the self-contained HTML report ({@code report.html}) of a scan: summary, timeline, findings table and
 * every finding with its triggering records.
 *
 * <p>The page needs nothing but itself: styles and charts are inline, there is no script, and a
 * Content-Security-Policy forbids the browser to load anything, so the report opens offline and cannot call
 * out even if a log record tried to make it. Every string from findings and evidence is treated as hostile:
 * it is escaped for its context, written as ASCII with character references, and control, bidi-override and
 * invisible characters are shown as highlighted <code>&#92;uXXXX</code> escapes rather than acted upon.
 *
 * <p>The page is streamed to the writer as it is produced. To keep a scan with thousands of findings to a
 * file a browser opens comfortably, the evidence shown per finding shrinks as findings grow (every finding
 * keeps at least a few rows and one raw record), and only the 2,000 most severe findings are listed; the
 * summary and timeline always count every finding, and every cut is stated on the page.
 */
public final class HtmlReportWriter {

    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

    private HtmlReportWriter() {
    }

    /**
     * Writes the report.
     *
     * @param out      where the page goes; it is flushed, not closed. Any encoding works (the page is ASCII),
     *                 UTF-8 is what the page declares
     * @param ctx      title, generation time, inputs and outputs of the run
     * @param findings the findings, in any order; shown most severe first, then by first seen
     * @param summary  what the scan read and skipped, or null when the findings come without one (for
     *                 example from a stored workspace); the report then says that this is unknown
     * @throws IOException when the writer fails
     */
    public static void write(Writer out, ReportContext ctx, List<Finding> findings, ScanSummary summary)
            throws IOException {
        write(out, ctx, findings, summary, null);
    }

    /**
     * Writes the report with a "Metrics and alarms" section after the timeline.
     *
     * @param metrics the alarms that entered ALARM and the metrics with data, or null for no section (a scan that
     *                ran no metric filters)
     * @see #write(Writer, ReportContext, List, ScanSummary)
     */
    public static void write(Writer out, ReportContext ctx, List<Finding> findings, ScanSummary summary,
                             MetricsSection metrics) throws IOException {
        write(out, ctx, findings, summary, metrics, null);
    }

    /**
     * Writes the report with a "Compliance" section (framework scores and failing checks) after the metrics.
     *
     * @param compliance the posture results, or null for no section (a run that assessed no posture)
     * @see #write(Writer, ReportContext, List, ScanSummary, MetricsSection)
     */
    public static void write(Writer out, ReportContext ctx, List<Finding> findings, ScanSummary summary,
                             MetricsSection metrics, ComplianceSection compliance) throws IOException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(ctx, "ctx");
        Objects.requireNonNull(findings, "findings");
        Detailing plan = Detailing.of(findings);
        List<Finding> ordered = plan.ordered();
        EvidenceBudget budget = plan.budget();
        List<Finding> detailed = plan.detailed();
        List<String> anchors = plan.anchors();

        HtmlSink html = new HtmlSink(out);
        head(html, ctx);
        header(html, ctx, summary);
        html.markup("<nav class=\"toc\" aria-label=\"Sections\"><a href=\"#summary\">Summary</a>")
                .markup("<a href=\"#timeline\">Timeline</a>")
                .markup(metrics == null ? "" : "<a href=\"#metrics\">Metrics</a>")
                .markup(compliance == null ? "" : "<a href=\"#compliance\">Compliance</a>")
                .markup("<a href=\"#findings\">Findings (")
                .plain(HumanFormat.count(ordered.size())).markup(")</a>")
                .markup(detailed.isEmpty() ? "" : "<a href=\"#details\">Details</a>")
                .markup("<a href=\"#skipped\">Skipped</a></nav>\n<main>\n");
        banners(html, summary, ordered.size(), detailed.size());
        SummarySection.write(html, ordered, summary);

        html.markup("<section id=\"timeline\" aria-labelledby=\"timeline-h\">\n")
                .markup("<h2 id=\"timeline-h\">Timeline</h2>\n");
        TimelineChart.write(html, TimelineBuckets.of(ordered));
        html.markup("</section>\n");
        if (metrics != null) {
            MetricsSectionWriter.write(html, metrics);
        }
        if (compliance != null) {
            ComplianceSectionWriter.write(html, compliance);
        }

        FindingTable.write(html, detailed, anchors, ordered.size());
        details(html, "Finding details", detailed, anchors, budget);
        html.markup("</main>\n");
        footer(html, ctx);
        html.markup("</body>\n</html>\n");
        html.flush();
    }

    /**
     * Writes a posture report: the Compliance section first, then the failing checks as findings with their
     * details. The scan-only parts (what was read and skipped as CloudTrail, the first-seen timeline) are left out:
     * a posture run has no events, and "not known" boxes would only confuse an auditor.
     *
     * @param failing    the failing checks as findings (one per check, account, region and resource)
     * @param compliance the scored frameworks and the failures
     */
    public static void writePosture(Writer out, ReportContext ctx, List<Finding> failing,
                                    ComplianceSection compliance) throws IOException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(ctx, "ctx");
        Objects.requireNonNull(compliance, "compliance");
        Detailing plan = Detailing.of(failing);
        List<Finding> ordered = plan.ordered();
        EvidenceBudget budget = plan.budget();
        List<Finding> detailed = plan.detailed();
        List<String> anchors = plan.anchors();
        HtmlSink html = new HtmlSink(out);
        head(html, ctx);
        header(html, ctx, null, "Assessed");
        html.markup("<nav class=\"toc\" aria-label=\"Sections\"><a href=\"#compliance\">Compliance</a>")
                .markup("<a href=\"#findings\">Failing checks (").plain(HumanFormat.count(ordered.size()))
                .markup(")</a>").markup(detailed.isEmpty() ? "" : "<a href=\"#details\">Details</a>")
                .markup("</nav>\n<main>\n");
        ComplianceSectionWriter.write(html, compliance);
        FindingTable.write(html, detailed, anchors, ordered.size());
        details(html, "Failing check details", detailed, anchors, budget);
        html.markup("</main>\n");
        footer(html, ctx);
        html.markup("</body>\n</html>\n");
        html.flush();
    }

    /**
     * Which findings a page details and under which anchors: most severe first, as many as the evidence budget
     * allows for a page a browser opens comfortably.
     */
    private record Detailing(List<Finding> ordered, EvidenceBudget budget, List<Finding> detailed,
                             List<String> anchors) {
        static Detailing of(List<Finding> findings) {
            List<Finding> ordered = FindingOrder.sorted(findings);
            EvidenceBudget budget = EvidenceBudget.forFindings(ordered.size());
            List<Finding> detailed = ordered.subList(0, Math.min(ordered.size(), budget.maxDetailed()));
            AnchorIds ids = new AnchorIds();
            List<String> anchors = new ArrayList<>(detailed.size());
            for (Finding f : detailed) {
                anchors.add(ids.next(f));
            }
            return new Detailing(ordered, budget, detailed, anchors);
        }
    }

    /** The per-finding details section, when any finding is detailed. */
    private static void details(HtmlSink html, String heading, List<Finding> detailed, List<String> anchors,
                                EvidenceBudget budget) throws IOException {
        if (detailed.isEmpty()) {
            return;
        }
        html.markup("<section id=\"details\" aria-labelledby=\"details-h\">\n")
                .markup("<h2 id=\"details-h\">").plain(heading).markup("</h2>\n");
        for (int i = 0; i < detailed.size(); i++) {
            FindingDetail.write(html, detailed.get(i), anchors.get(i), i + 1, budget);
        }
        html.markup("</section>\n");
    }

    private static void head(HtmlSink html, ReportContext ctx) throws IOException {
        html.markup("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .markup("<meta http-equiv=\"Content-Security-Policy\" content=\"").markup(CONTENT_SECURITY_POLICY)
                .markup("\"/>\n<meta name=\"referrer\" content=\"no-referrer\"/>\n")
                .markup("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .markup("<meta name=\"generator\" content=\"Vigil\"/>\n<title>").plain(ctx.title())
                .markup("</title>\n<style>\n").markup(PageStyle.CSS).markup("</style>\n</head>\n<body>\n");
    }

    private static void header(HtmlSink html, ReportContext ctx, ScanSummary summary) throws IOException {
        header(html, ctx, summary, "Scanned");
    }

    private static void header(HtmlSink html, ReportContext ctx, ScanSummary summary, String verb) throws IOException {
        List<String> inputs = !ctx.inputs().isEmpty() || summary == null ? ctx.inputs() : summary.inputs();
        html.markup("<header class=\"top\">\n<h1>").text(ctx.title()).markup("</h1>\n<p class=\"meta\">")
                .markup("Generated <b id=\"generated-at\">").plain(UtcTime.formatWithZone(ctx.generatedAt()))
                .markup("</b>");
        if (!inputs.isEmpty()) {
            int shown = Math.min(inputs.size(), 20);
            html.markup(" &#183; ").plain(verb).markup(" <span class=\"inputs\">");
            for (int i = 0; i < shown; i++) {
                html.markup(i == 0 ? "" : ", ").markup("<b class=\"mono\">").text(Clip.clip(inputs.get(i), 300))
                        .markup("</b>");
            }
            if (shown < inputs.size()) {
                html.markup(" and ").plain(HumanFormat.count(inputs.size() - shown)).markup(" more");
            }
            html.markup("</span>");
        }
        html.markup("</p>\n</header>\n");
    }

    private static void banners(HtmlSink html, ScanSummary summary, int total, int detailed) throws IOException {
        if (summary != null && summary.partial()) {
            html.markup("<div class=\"banner partial\" role=\"alert\" id=\"partial-banner\"><strong>")
                    .markup("Partial results.</strong> ");
            if (summary.skippedFiles() > 0) {
                html.plain(HumanFormat.plural(summary.skippedFiles(), "file", "files"));
                html.markup(summary.skippedRecords() > 0 ? " and " : "");
            }
            if (summary.skippedRecords() > 0) {
                html.plain(HumanFormat.plural(summary.skippedRecords(), "record", "records"));
            }
            html.markup(summary.skippedFiles() + summary.skippedRecords() == 1 ? " was" : " were")
                    .markup(" skipped, so findings may be missing. See <a href=\"#skipped\">What was skipped</a>")
                    .markup(" for the reasons and where.</div>\n");
        }
        if (detailed < total) {
            html.markup("<div class=\"banner capped\" id=\"capped-banner\">This report details the ")
                    .plain(HumanFormat.count(detailed)).markup(" most severe of ").plain(HumanFormat.count(total))
                    .markup(" findings to stay a size a browser opens comfortably. The summary and timeline count ")
                    .markup("all of them; the findings output of the scan holds every one.</div>\n");
        }
    }

    private static void footer(HtmlSink html, ReportContext ctx) throws IOException {
        html.markup("<footer>\n");
        if (!ctx.outputs().isEmpty()) {
            html.markup("<p>Outputs of this run: ");
            int i = 0;
            for (Map.Entry<String, Path> o : ctx.outputs().entrySet()) {
                html.markup(i++ == 0 ? "" : "; ").text(o.getKey()).markup(" <span class=\"mono\">")
                        .text(o.getValue().toString()).markup("</span>");
            }
            html.markup(".</p>\n");
        }
        html.markup("<p>Generated by Vigil. All times are UTC. Text from logs is attacker-controlled: it is shown ")
                .markup("escaped, and hidden or control characters appear as highlighted ")
                .markup("<span class=\"ctl\">\\uXXXX</span> escapes. This page loads nothing from the network.</p>\n")
                .markup("</footer>\n");
    }
}
