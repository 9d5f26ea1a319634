package dev.vigil.report;

import java.io.IOException;
import java.util.Locale;

/**
 * The "Compliance" section: a score card per framework (a bar per section so the weak areas stand out), the check
 * status counts, and the failing checks with their reasons.
 */
final class ComplianceSectionWriter {

    /** Failing results listed in full; more are counted. Keeps a report of a large estate loadable. */
    static final int MAX_FAILURES = 500;

    private ComplianceSectionWriter() {
    }

    static void write(HtmlSink html, ComplianceSection section) throws IOException {
        html.markup("<section id=\"compliance\" aria-labelledby=\"compliance-h\">\n")
                .markup("<h2 id=\"compliance-h\">Compliance</h2>\n");
        counts(html, section);
        for (String note : section.notes()) {
            html.markup("<p class=\"muted\">").text(note).markup("</p>\n");
        }
        if (!section.frameworks().isEmpty()) {
            html.markup("<div class=\"cards\">\n");
            for (ComplianceSection.FrameworkScore f : section.frameworks()) {
                framework(html, f);
            }
            html.markup("</div>\n");
        }
        failures(html, section);
        html.markup("</section>\n");
    }

    private static void counts(HtmlSink html, ComplianceSection section) throws IOException {
        if (section.checkCounts().isEmpty()) {
            return;
        }
        html.markup("<p class=\"muted\">Check results: ");
        boolean first = true;
        for (ComplianceSection.StatusCount c : section.checkCounts()) {
            html.markup(first ? "" : " &#183; ").markup("<b>").plain(HumanFormat.count(c.count())).markup("</b> ")
                    .text(c.status());
            first = false;
        }
        html.markup(". A requirement passes only when every check mapped to it passes; one that could not be judged")
                .markup(" (missing data, access denied) or needs a person is counted apart and never as a pass.</p>\n");
    }

    private static void framework(HtmlSink html, ComplianceSection.FrameworkScore f) throws IOException {
        html.markup("<div class=\"card framework\" id=\"framework-").markup(slug(f.id())).markup("\">\n<h3>")
                .text(f.name()).markup(" <span class=\"score\">").plain(percent(f.score())).markup("</span></h3>\n")
                .markup("<p class=\"note\">").plain(HumanFormat.count(f.passed())).markup(" passed &#183; ")
                .plain(HumanFormat.count(f.failed())).markup(" failed &#183; ")
                .plain(HumanFormat.count(f.errors())).markup(" not judged &#183; ")
                .plain(HumanFormat.count(f.manual())).markup(" manual &#183; ")
                .plain(HumanFormat.count(f.notApplicable())).markup(" not applicable</p>\n");
        if (!f.sections().isEmpty()) {
            html.markup("<table class=\"sevcounts\"><tbody>\n");
            for (ComplianceSection.SectionScore s : f.sections()) {
                html.markup("<tr><td>").text(s.name()).markup("</td><td class=\"barcell\">");
                bar(html, s.score());
                html.markup("</td><td>").plain(percent(s.score())).markup("</td><td class=\"muted\">")
                        .plain(s.passed() + "/" + (s.passed() + s.failed())).markup("</td></tr>\n");
            }
            html.markup("</tbody></table>\n");
        }
        html.markup("</div>\n");
    }

    private static void bar(HtmlSink html, double score) throws IOException {
        // Inline SVG keeps the page self-contained under the report's Content-Security-Policy.
        int width = score < 0 ? 0 : (int) Math.round(score * 100);
        String colour = score < 0 ? "#cbd2d9" : score >= 0.9 ? "#2f855a" : score >= 0.6 ? "#b7791f" : "#c53030";
        html.markup("<svg class=\"scorebar\" viewBox=\"0 0 100 8\" width=\"100%\" height=\"8\" role=\"img\" aria-label=\"")
                .plain(percent(score)).markup("\"><rect width=\"100\" height=\"8\" fill=\"#edf2f7\"/>")
                .markup("<rect width=\"").plain(Integer.toString(width)).markup("\" height=\"8\" fill=\"")
                .markup(colour).markup("\"/></svg>");
    }

    private static void failures(HtmlSink html, ComplianceSection section) throws IOException {
        html.markup("<h3>Failing checks</h3>\n");
        if (section.failures().isEmpty()) {
            html.markup("<p class=\"muted\">No check failed.</p>\n");
            return;
        }
        html.markup("<div class=\"list\"><table class=\"failures\"><thead><tr><th>Severity</th><th>Check</th>")
                .markup("<th>Account</th><th>Region</th><th>Resource</th><th>Why</th></tr></thead><tbody>\n");
        int shown = Math.min(section.failures().size(), MAX_FAILURES);
        for (int i = 0; i < shown; i++) {
            ComplianceSection.Failure f = section.failures().get(i);
            html.markup("<tr><td><span class=\"badge sev-").markup(sevClass(f.severity())).markup("\">")
                    .text(f.severity()).markup("</span></td><td><b class=\"mono\">").text(f.checkId())
                    .markup("</b><br/>").text(Clip.clip(f.title(), 200)).markup("</td><td class=\"mono\">")
                    .text(f.account()).markup("</td><td class=\"mono\">").text(f.region())
                    .markup("</td><td class=\"mono\">").text(Clip.clip(f.resource(), 300)).markup("</td><td>")
                    .text(Clip.clip(f.reason(), 600)).markup("</td></tr>\n");
        }
        html.markup("</tbody></table></div>\n");
        if (shown < section.failures().size()) {
            html.markup("<p class=\"muted\">And ").plain(HumanFormat.count(section.failures().size() - shown))
                    .markup(" more failing results; the OCSF file lists them all.</p>\n");
        }
    }

    private static String sevClass(String severity) {
        String s = severity == null ? "" : severity.toLowerCase(Locale.ROOT);
        return switch (s) {
            case "critical", "high", "medium", "low" -> s;
            default -> "informational";
        };
    }

    /** Framework ids come from files users may write: keep anchors to a safe alphabet. */
    static String slug(String id) {
        return id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    }

    static String percent(double score) {
        return score < 0 ? "n/a" : Math.round(score * 100) + "%";
    }
}
