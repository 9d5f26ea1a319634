package dev.vigil.report;

import dev.vigil.model.Evidence;
import dev.vigil.model.Finding;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One finding in full: what the rule says, the key facts, and the triggering records both as a table of the
 * fields analysts scan first and as pretty-printed raw JSON with the file and position each came from.
 */
final class FindingDetail {

    /** Evidence rows shown before the rest are folded away. */
    static final int VISIBLE_ROWS = 10;

    /** ATT&amp;CK technique ids; only ids of exactly this shape become links, so no rule text reaches a URL. */
    private static final Pattern TECHNIQUE = Pattern.compile("T(\\d{4})(?:\\.(\\d{3}))?");

    private FindingDetail() {
    }

    static void write(HtmlSink html, Finding f, String anchor, int rank, EvidenceBudget budget) throws IOException {
        String css = SeverityStyle.cssName(f.severity());
        html.markup("<article class=\"finding edge-").markup(css).markup("\" id=\"").markup(anchor)
                .markup("\" aria-labelledby=\"").markup(anchor).markup("-h\">\n<header><span class=\"muted\">#")
                .number(rank).markup("</span> <span class=\"badge sev-").markup(css).markup("\">")
                .plain(f.severity().caption()).markup("</span><h3 id=\"").markup(anchor).markup("-h\">")
                .text(f.rule().title()).markup("</h3></header>\n<p class=\"desc\">").text(f.rule().description())
                .markup("</p>\n<div class=\"two\">\n");
        facts(html, f);
        keyFacts(html, f.keys());
        html.markup("</div>\n");
        evidence(html, f, budget);
        html.markup("<p class=\"backlink\"><a href=\"#findings\">Back to findings</a></p>\n</article>\n");
    }

    private static void facts(HtmlSink html, Finding f) throws IOException {
        html.markup("<dl class=\"facts\">\n<dt>Rule</dt><dd class=\"mono wrap rule-id\">").text(f.rule().id())
                .markup("</dd>\n<dt>Finding id</dt><dd class=\"mono wrap\">").text(f.id()).markup("</dd>\n");
        if (!f.rule().attack().isEmpty()) {
            html.markup("<dt>ATT&amp;CK</dt><dd class=\"attack\">");
            for (int i = 0; i < f.rule().attack().size(); i++) {
                html.markup(i == 0 ? "" : ", ");
                attackTechnique(html, f.rule().attack().get(i));
            }
            html.markup("</dd>\n");
        }
        if (!f.rule().types().isEmpty()) {
            html.markup("<dt>Types</dt><dd class=\"wrap\">");
            for (int i = 0; i < f.rule().types().size(); i++) {
                html.markup(i == 0 ? "" : "<br/>").text(f.rule().types().get(i));
            }
            html.markup("</dd>\n");
        }
        fact(html, "Account", f.account());
        fact(html, "Region", f.region());
        fact(html, "Principal", f.principal());
        fact(html, "Resource", f.resource());
        html.markup("<dt>First seen</dt><dd>").plain(UtcTime.formatWithZone(f.firstSeen())).markup("</dd>\n")
                .markup("<dt>Last seen</dt><dd>").plain(UtcTime.formatWithZone(f.lastSeen())).markup("</dd>\n")
                .markup("<dt>Records</dt><dd class=\"count\">").plain(HumanFormat.count(f.count()))
                .markup("</dd>\n</dl>\n");
    }

    private static void fact(HtmlSink html, String name, String value) throws IOException {
        if (!value.isEmpty()) {
            html.markup("<dt>").markup(name).markup("</dt><dd class=\"mono wrap\">").text(Clip.clip(value, 2000))
                    .markup("</dd>\n");
        }
    }

    private static void attackTechnique(HtmlSink html, String id) throws IOException {
        Matcher m = TECHNIQUE.matcher(id);
        if (!m.matches()) {
            html.text(id);
            return;
        }
        // Built only from the matched digits: a plain link the reader may follow, never fetched by the page.
        String path = m.group(2) == null ? m.group(1) : m.group(1) + "/" + m.group(2);
        html.markup("<a class=\"mono\" rel=\"noreferrer\" href=\"https://attack.mitre.org/techniques/T").markup(path)
                .markup("/\">").plain(id).markup("</a>");
    }

    private static void keyFacts(HtmlSink html, Map<String, String> keys) throws IOException {
        html.markup("<div>");
        if (keys.isEmpty()) {
            html.markup("<p class=\"muted\">This rule groups on no key facts.</p>");
        } else {
            html.markup("<table class=\"keys\"><thead><tr><th>Key fact</th><th>Value</th></tr></thead><tbody>\n");
            for (Map.Entry<String, String> k : keys.entrySet()) {
                html.markup("<tr><td class=\"mono wrap\">").text(Clip.clip(k.getKey(), 200))
                        .markup("</td><td class=\"mono wrap\">").text(Clip.clip(k.getValue(), 2000))
                        .markup("</td></tr>\n");
            }
            html.markup("</tbody></table>");
        }
        html.markup("</div>\n");
    }

    private static void evidence(HtmlSink html, Finding f, EvidenceBudget budget) throws IOException {
        List<Evidence> kept = new ArrayList<>(f.evidence().size());
        for (Evidence e : f.evidence()) {
            if (e.isSummary()) {
                summary(html, e);
            } else {
                kept.add(e);
            }
        }
        int rows = Math.min(kept.size(), budget.rowsPerFinding());
        int raw = Math.min(rows, budget.rawPerFinding());
        long total = Math.max(f.count(), kept.size());
        html.markup("<h4>Triggering records</h4>\n");
        if (kept.isEmpty()) {
            html.markup("<p class=\"note\">No records were kept with this finding (")
                    .plain(HumanFormat.plural(f.count(), "record", "records")).markup(" counted).</p>\n");
            return;
        }
        if (rows < total) {
            html.markup("<p class=\"note capped showing\">Showing ").plain(HumanFormat.count(rows)).markup(" of ")
                    .plain(HumanFormat.count(total)).markup(" records.");
            if (kept.size() < total) {
                html.markup(" A finding keeps at most ").plain(HumanFormat.count(Finding.MAX_EVIDENCE))
                        .markup(" records whole; all ").plain(HumanFormat.count(total)).markup(" were counted.");
            }
            if (rows < kept.size()) {
                html.markup(" This report shows ").plain(HumanFormat.count(rows))
                        .markup(" per finding to stay small; the findings file holds all ")
                        .plain(HumanFormat.count(kept.size())).markup(" kept.");
            }
            html.markup("</p>\n");
        }
        List<EvidenceFields> fields = new ArrayList<>(rows);
        boolean anyError = false;
        for (int i = 0; i < rows; i++) {
            EvidenceFields ef = EvidenceFields.of(kept.get(i).rawJson());
            fields.add(ef);
            anyError |= !ef.errorCode().isEmpty();
        }
        int visible = Math.min(rows, VISIBLE_ROWS);
        evidenceTable(html, kept, fields, 0, visible, anyError);
        if (visible < rows) {
            // Long tables bury the next finding; the rest is one click away (and printed in full).
            html.markup("<details class=\"more\"><summary>Show ").plain(HumanFormat.count(rows - visible))
                    .markup(" more records</summary>\n");
            evidenceTable(html, kept, fields, visible, rows, anyError);
            html.markup("</details>\n");
        }
        html.markup("<p class=\"note rawnote\">Raw records");
        if (raw < rows) {
            html.markup(" (the first ").plain(HumanFormat.count(raw)).markup(")");
        }
        html.markup(", exactly as read, re-indented:</p>\n");
        for (int i = 0; i < raw; i++) {
            rawRecord(html, kept.get(i), i + 1, budget.maxRawChars());
        }
        html.markup("<p class=\"print-only note\">Raw records are in the HTML file and the findings output.</p>\n");
    }

    /** The facts a detection over many records decided on (window, peers, ports, bytes, baseline), as a list. */
    private static void summary(HtmlSink html, Evidence e) throws IOException {
        List<Map.Entry<String, String>> facts = SummaryFacts.of(e.rawJson());
        if (facts.isEmpty()) {
            return;
        }
        html.markup("<h4>What was seen</h4>\n<dl class=\"facts summary\">\n");
        for (Map.Entry<String, String> fact : facts) {
            html.markup("<dt>").text(Clip.clip(fact.getKey(), 100)).markup("</dt><dd class=\"mono wrap\">")
                    .text(Clip.clip(fact.getValue(), 2000)).markup("</dd>\n");
        }
        html.markup("</dl>\n");
    }

    private static void evidenceTable(HtmlSink html, List<Evidence> kept, List<EvidenceFields> fields, int from,
                                      int to, boolean errorColumn) throws IOException {
        if (fields.subList(from, to).stream().allMatch(f -> !f.flow().isEmpty() && f.eventName().isEmpty())) {
            flowTable(html, kept, fields, from, to);
            return;
        }
        html.markup("<div class=\"list\"><table class=\"evidence\"><thead><tr><th class=\"num\">#</th>")
                .markup("<th>Time (UTC)</th><th>eventID / origin</th><th>eventName</th><th>sourceIPAddress</th>")
                .markup("<th>userAgent</th>").markup(errorColumn ? "<th>errorCode</th>" : "")
                .markup("</tr></thead><tbody>\n");
        for (int i = from; i < to; i++) {
            Evidence e = kept.get(i);
            EvidenceFields f = fields.get(i);
            html.markup("<tr class=\"ev\"><td class=\"num\">").number(i + 1L).markup("</td><td class=\"time\">")
                    .plain(UtcTime.format(e.time())).markup("</td><td><span class=\"mono wrap event-id\">")
                    .text(Clip.clip(e.eventId(), 100)).markup("</span><br/><span class=\"mono wrap muted\">")
                    .text(Clip.clip(e.origin(), 300)).markup("</span></td><td class=\"mono word\">")
                    .text(Clip.clip(f.eventName().isEmpty() ? f.flow() : f.eventName(), 200));
            if (!f.eventSource().isEmpty()) {
                html.markup("<br/><span class=\"muted\">").text(Clip.clip(f.eventSource(), 100)).markup("</span>");
            }
            html.markup("</td><td class=\"mono wrap\">").text(Clip.clip(f.sourceIpAddress(), 100))
                    .markup("</td><td class=\"mono wrap\">").text(Clip.clip(f.userAgent(), 300)).markup("</td>");
            if (errorColumn) {
                html.markup("<td class=\"mono word error\">").text(Clip.clip(f.errorCode(), 100)).markup("</td>");
            }
            html.markup("</tr>\n");
        }
        html.markup("</tbody></table></div>\n");
    }

    /** Flow-log records: where each was read and the flow in one line, instead of CloudTrail's columns. */
    private static void flowTable(HtmlSink html, List<Evidence> kept, List<EvidenceFields> fields, int from, int to)
            throws IOException {
        html.markup("<div class=\"list\"><table class=\"evidence flows\"><thead><tr><th class=\"num\">#</th>")
                .markup("<th>Time (UTC)</th><th>flow</th><th>origin</th></tr></thead><tbody>\n");
        for (int i = from; i < to; i++) {
            html.markup("<tr class=\"ev\"><td class=\"num\">").number(i + 1L).markup("</td><td class=\"time\">")
                    .plain(UtcTime.format(kept.get(i).time())).markup("</td><td class=\"mono wrap\">")
                    .text(Clip.clip(fields.get(i).flow(), 300)).markup("</td><td><span class=\"mono wrap muted\">")
                    .text(Clip.clip(kept.get(i).origin(), 300)).markup("</span></td></tr>\n");
        }
        html.markup("</tbody></table></div>\n");
    }

    private static void rawRecord(HtmlSink html, Evidence e, int n, int maxChars) throws IOException {
        if (e.rawJson().isEmpty()) {
            // The engine drops raw text of waiting correlation hits when its evidence budget is full.
            html.markup("<p class=\"note raw-missing\">Record ").number(n).markup(" &#183; <span class=\"mono\">")
                    .text(Clip.clip(e.eventId(), 100)).markup("</span>: the raw record was not kept (memory budget "
                            + "for waiting records was full); find it at <span class=\"mono origin\">")
                    .text(Clip.clip(e.origin(), 300)).markup("</span>.</p>\n");
            return;
        }
        RawRecordFormatter.Shown shown = RawRecordFormatter.format(e.rawJson(), maxChars);
        html.markup("<details class=\"raw\"><summary>Record ").number(n).markup(" &#183; <span class=\"mono\">")
                .text(Clip.clip(e.eventId(), 100)).markup("</span> &#183; from <span class=\"mono origin\">")
                .text(Clip.clip(e.origin(), 300)).markup("</span>");
        if (!shown.validJson()) {
            html.markup(" &#183; <strong>not valid JSON, shown as read</strong>");
        }
        html.markup("</summary><pre>").preformatted(shown.text());
        if (shown.cutChars() > 0) {
            html.markup("\n</pre><p class=\"note capped\">Cut here: ")
                    .plain(HumanFormat.count(shown.cutChars())).markup(" more characters are in the source at ")
                    .text(Clip.clip(e.origin(), 300)).markup(".</p></details>\n");
        } else {
            html.markup("</pre></details>\n");
        }
    }
}
