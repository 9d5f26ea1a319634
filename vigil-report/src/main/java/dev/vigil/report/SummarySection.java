package dev.vigil.report;

import dev.vigil.model.Finding;
import dev.vigil.model.Problem;
import dev.vigil.model.ScanSummary;
import dev.vigil.model.Severity;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The report's summary cards: findings by severity, what was read, what was skipped and why. */
final class SummarySection {

    private SummarySection() {
    }

    static void write(HtmlSink html, List<Finding> findings, ScanSummary summary) throws IOException {
        html.markup("<section id=\"summary\" aria-labelledby=\"summary-h\">\n<h2 id=\"summary-h\">Summary</h2>\n")
                .markup("<div class=\"cards\">\n");
        severityCard(html, findings);
        readCard(html, summary);
        if (summary != null && summary.partial()) {
            // A partial run's problems get the full width below: they are what the reader must act on first.
            html.markup("</div>\n");
            skippedCard(html, summary);
        } else {
            skippedCard(html, summary);
            html.markup("</div>\n");
        }
        html.markup("</section>\n");
    }

    static long[] countBySeverity(List<Finding> findings) {
        long[] counts = new long[Severity.values().length];
        for (Finding f : findings) {
            counts[f.severity().ordinal()]++;
        }
        return counts;
    }

    private static void severityCard(HtmlSink html, List<Finding> findings) throws IOException {
        long[] counts = countBySeverity(findings);
        long max = 1;
        for (long c : counts) {
            max = Math.max(max, c);
        }
        html.markup("<div class=\"card\"><h3>Findings by severity</h3>\n<table class=\"sevcounts\"><tbody>\n");
        for (Severity s : SeverityStyle.mostSevereFirst()) {
            long c = counts[s.ordinal()];
            String css = SeverityStyle.cssName(s);
            html.markup("<tr><td><span class=\"badge sev-").markup(css).markup("\">").plain(s.caption())
                    .markup("</span></td><td class=\"num\" data-severity=\"").markup(css).markup("\">")
                    .plain(HumanFormat.count(c)).markup("</td><td class=\"barcell\">");
            if (c > 0) {
                double pct = Math.max(1.5, 100.0 * c / max);
                html.markup("<span class=\"bar sev-").markup(css).markup("\" style=\"width:")
                        .markup(String.format(Locale.ROOT, "%.1f", pct)).markup("%\"></span>");
            }
            html.markup("</td></tr>\n");
        }
        html.markup("</tbody><tfoot><tr><td><strong>Total</strong></td><td class=\"num\" id=\"total-findings\"><strong>")
                .plain(HumanFormat.count(findings.size())).markup("</strong></td><td></td></tr></tfoot></table></div>\n");
    }

    private static void readCard(HtmlSink html, ScanSummary summary) throws IOException {
        html.markup("<div class=\"card\" id=\"read\"><h3>What was read</h3>\n");
        if (summary == null) {
            html.markup("<p class=\"muted\">No scan summary was supplied with these findings, so what was read "
                    + "is not known. Findings listed here may come from an earlier scan.</p></div>\n");
            return;
        }
        html.markup("<dl class=\"facts\">\n<dt>Files</dt><dd>").plain(HumanFormat.count(summary.files()));
        List<Map.Entry<String, Long>> kinds = HumanFormat.byCountDescending(summary.fileKinds());
        if (!kinds.isEmpty()) {
            html.markup(" <span class=\"muted\">(");
            for (int i = 0; i < kinds.size(); i++) {
                html.markup(i == 0 ? "" : ", ").text(kinds.get(i).getKey()).markup(" ")
                        .plain(HumanFormat.count(kinds.get(i).getValue()));
            }
            html.markup(")</span>");
        }
        html.markup("</dd>\n<dt>Records</dt><dd>").plain(HumanFormat.count(summary.records())).markup("</dd>\n")
                .markup("<dt>Data read</dt><dd>").plain(HumanFormat.bytes(summary.bytes()));
        if (summary.bytes() >= 1024) {
            html.markup(" <span class=\"muted\">(").plain(HumanFormat.plural(summary.bytes(), "byte", "bytes"))
                    .markup(")</span>");
        }
        html.markup("</dd>\n<dt>Started</dt><dd>").plain(UtcTime.formatWithZone(summary.startedAt())).markup("</dd>\n")
                .markup("<dt>Elapsed</dt><dd>").plain(HumanFormat.duration(summary.elapsed())).markup("</dd>\n")
                .markup("<dt>Throughput</dt><dd>").plain(HumanFormat.rate(summary.records(), summary.elapsed()))
                .markup("</dd>\n<dt>Peak memory</dt><dd>")
                .plain(summary.peakRssBytes() < 0 ? "not reported by this platform"
                        : HumanFormat.bytes(summary.peakRssBytes()))
                .markup("</dd>\n</dl></div>\n");
    }

    private static void skippedCard(HtmlSink html, ScanSummary summary) throws IOException {
        boolean partial = summary != null && summary.partial();
        html.markup(partial ? "<div class=\"card wide\" id=\"skipped\">" : "<div class=\"card\" id=\"skipped\">")
                .markup("<h3>What was skipped</h3>\n");
        if (summary == null) {
            html.markup("<p class=\"muted\">Not known: no scan summary was supplied.</p></div>\n");
            return;
        }
        if (!summary.partial()) {
            html.markup("<p>Nothing was skipped: every file and record found was read.</p></div>\n");
            return;
        }
        html.markup("<div class=\"skipgrid\"><div>\n<dl class=\"facts\">\n<dt>Files skipped</dt><dd id=\"skipped-files\">")
                .plain(HumanFormat.count(summary.skippedFiles())).markup("</dd>\n<dt>Records skipped</dt>")
                .markup("<dd id=\"skipped-records\">").plain(HumanFormat.count(summary.skippedRecords()))
                .markup("</dd>\n</dl>\n");
        List<Map.Entry<String, Long>> reasons = HumanFormat.byCountDescending(summary.skipReasons());
        if (!reasons.isEmpty()) {
            html.markup("<h4>Reasons</h4>\n<table class=\"reasons\"><thead><tr><th>Reason</th>")
                    .markup("<th class=\"num\">Count</th></tr></thead><tbody>\n");
            for (Map.Entry<String, Long> r : reasons) {
                html.markup("<tr><td class=\"mono wrap\">").text(r.getKey()).markup("</td><td class=\"num\">")
                        .plain(HumanFormat.count(r.getValue())).markup("</td></tr>\n");
            }
            html.markup("</tbody></table>\n");
        }
        html.markup("</div><div>\n");
        List<Problem> problems = summary.problems();
        if (!problems.isEmpty()) {
            long counted = reasons.stream().mapToLong(Map.Entry::getValue).sum();
            html.markup("<h4>First problems</h4>\n<p class=\"note\">");
            if (counted > problems.size()) {
                html.markup("The first ").plain(HumanFormat.count(problems.size())).markup(" of ")
                        .plain(HumanFormat.count(counted)).markup(" problems, in the order they were met.");
            } else {
                html.markup("In the order they were met.");
            }
            html.markup("</p>\n<table class=\"problems\"><thead><tr><th>Where</th><th>Reason</th><th>What</th>")
                    .markup("</tr></thead><tbody>\n");
            for (Problem p : problems) {
                html.markup("<tr><td class=\"mono wrap\">").text(Clip.clip(p.location(), 300))
                        .markup("</td><td class=\"mono\">").text(Clip.clip(p.reason(), 80))
                        .markup("</td><td class=\"wrap\">").text(Clip.clip(p.message(), 600)).markup("</td></tr>\n");
            }
            html.markup("</tbody></table>\n");
        }
        html.markup("</div></div></div>\n");
    }
}
