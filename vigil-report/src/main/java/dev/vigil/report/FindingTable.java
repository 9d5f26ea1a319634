package dev.vigil.report;

import dev.vigil.model.Finding;

import java.io.IOException;
import java.util.List;

/** The findings overview: one row per finding, most severe first, each linking to its detail. */
final class FindingTable {

    private FindingTable() {
    }

    static void write(HtmlSink html, List<Finding> detailed, List<String> anchors, int total) throws IOException {
        html.markup("<section id=\"findings\" aria-labelledby=\"findings-h\">\n<h2 id=\"findings-h\">Findings</h2>\n");
        if (detailed.isEmpty()) {
            html.markup("<p id=\"no-findings\">No findings were raised from the records read.</p>\n</section>\n");
            return;
        }
        if (detailed.size() < total) {
            html.markup("<p class=\"note capped\">The ").plain(HumanFormat.count(detailed.size()))
                    .markup(" most severe of ").plain(HumanFormat.count(total)).markup(" findings.</p>\n");
        }
        html.markup("<div class=\"list\"><table class=\"findings\"><thead><tr><th class=\"num\">#</th>")
                .markup("<th>Severity</th><th>Title</th><th>Principal</th><th>Account</th><th>Region</th>")
                .markup("<th class=\"num\">Count</th><th>First seen (UTC)</th><th>Last seen (UTC)</th>")
                .markup("</tr></thead><tbody>\n");
        for (int i = 0; i < detailed.size(); i++) {
            Finding f = detailed.get(i);
            String css = SeverityStyle.cssName(f.severity());
            html.markup("<tr><td class=\"num\">").number(i + 1L).markup("</td><td><span class=\"badge sev-")
                    .markup(css).markup("\">").plain(f.severity().caption()).markup("</span></td>")
                    .markup("<td class=\"wrap\"><a href=\"#").markup(anchors.get(i)).markup("\">")
                    .text(Clip.clip(f.rule().title(), 200)).markup("</a></td><td class=\"mono wrap\">")
                    .text(Clip.clip(f.principal(), 200)).markup("</td><td class=\"mono\">")
                    .text(Clip.clip(f.account(), 40)).markup("</td><td class=\"mono\">")
                    .text(Clip.clip(f.region(), 40)).markup("</td><td class=\"num\">")
                    .plain(HumanFormat.count(f.count())).markup("</td><td class=\"time\">")
                    .plain(UtcTime.format(f.firstSeen())).markup("</td><td class=\"time\">")
                    .plain(UtcTime.format(f.lastSeen())).markup("</td></tr>\n");
        }
        html.markup("</tbody></table></div>\n</section>\n");
    }
}
