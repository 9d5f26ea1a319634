package dev.vigil.report;

import dev.vigil.model.Finding;
import dev.vigil.model.Problem;
import dev.vigil.model.ScanSummary;
import dev.vigil.model.Severity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The text printed at the end of {@code vigil scan}: findings by severity, the top findings, what was read,
 * what was skipped and why, and where the outputs went.
 *
 * <p>Every string that came from a log or a path is passed through {@link TerminalText#sanitize(String)}, and
 * every line is cut to the given width (long values end in an ellipsis; principals keep their end, where the
 * user or role name is). A partial run is announced right under the title, before anything else.
 */
public final class TerminalSummary {

    /** Findings listed in the "Top findings" block. */
    static final int TOP = 10;
    /** Problems listed under "Skipped". */
    static final int FIRST_PROBLEMS = 5;
    /** Narrowest width laid out; smaller requests get this. */
    static final int MIN_WIDTH = 40;
    /** Below this width the top findings are shown on two lines each instead of in columns. */
    static final int COLUMNS_WIDTH = 80;

    private static final String BOLD = "1";
    private static final String DIM = "2";
    private static final String WARN = "1;33";

    private TerminalSummary() {
    }

    /**
     * Renders the summary.
     *
     * @param ctx        title, generation time, inputs and the outputs to list
     * @param findings   the findings, in any order
     * @param summary    what the scan read and skipped, or null when not known
     * @param ansiColour true to colour severities and headings with ANSI SGR codes; pass false when output is
     *                   not a terminal
     * @param width      terminal width in columns; values under 40 are treated as 40
     * @return lines separated by {@code \n}, ending with a line feed; no line wider than the width
     */
    public static String render(ReportContext ctx, List<Finding> findings, ScanSummary summary, boolean ansiColour,
                                int width) {
        Objects.requireNonNull(ctx, "ctx");
        Objects.requireNonNull(findings, "findings");
        int w = Math.max(MIN_WIDTH, width);
        List<TerminalLine> lines = new ArrayList<>();
        title(lines, ctx, summary);
        partialBanner(lines, summary, w);
        List<Finding> ordered = FindingOrder.sorted(findings);
        severities(lines, ordered);
        top(lines, ordered, w);
        read(lines, summary);
        skipped(lines, summary);
        outputs(lines, ctx.outputs());
        StringBuilder out = new StringBuilder();
        for (TerminalLine line : lines) {
            out.append(line.render(w, ansiColour)).append('\n');
        }
        return out.toString();
    }

    private static void title(List<TerminalLine> lines, ReportContext ctx, ScanSummary summary) {
        lines.add(new TerminalLine().data(ctx.title(), BOLD));
        List<String> inputs = !ctx.inputs().isEmpty() || summary == null ? ctx.inputs() : summary.inputs();
        TerminalLine meta = new TerminalLine().label("Generated " + UtcTime.formatWithZone(ctx.generatedAt()), DIM);
        if (!inputs.isEmpty()) {
            meta.label(" \u00B7 scanned ", DIM);
            for (int i = 0; i < inputs.size(); i++) {
                meta.label(i == 0 ? "" : ", ").data(inputs.get(i));
            }
        }
        lines.add(meta);
    }

    private static void partialBanner(List<TerminalLine> lines, ScanSummary summary, int width) {
        if (summary == null || !summary.partial()) {
            return;
        }
        StringBuilder what = new StringBuilder();
        if (summary.skippedFiles() > 0) {
            what.append(HumanFormat.plural(summary.skippedFiles(), "file", "files"));
        }
        if (summary.skippedRecords() > 0) {
            what.append(what.isEmpty() ? "" : " and ")
                    .append(HumanFormat.plural(summary.skippedRecords(), "record", "records"));
        }
        // Wrapped, never cut: this is the one line a reader must not miss.
        String head = "PARTIAL RESULTS:";
        List<String> wrapped = wrap(head + " " + what
                + (summary.skippedFiles() + summary.skippedRecords() == 1 ? " was" : " were")
                + " skipped; findings may be missing (see Skipped below).", width);
        lines.add(new TerminalLine());
        lines.add(new TerminalLine().label(head, WARN).label(wrapped.get(0).substring(head.length())));
        for (String more : wrapped.subList(1, wrapped.size())) {
            lines.add(new TerminalLine().label(more));
        }
    }

    /** Greedy word wrap of this module's own text (no wide characters) to a width. */
    static List<String> wrap(String text, int width) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
                out.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        out.add(line.toString());
        return out;
    }

    private static void severities(List<TerminalLine> lines, List<Finding> ordered) {
        lines.add(new TerminalLine());
        if (ordered.isEmpty()) {
            lines.add(new TerminalLine().label("Findings", BOLD).label("  none"));
            return;
        }
        lines.add(new TerminalLine().label("Findings", BOLD).label("  " + HumanFormat.count(ordered.size())));
        long[] counts = SummarySection.countBySeverity(ordered);
        String[] formatted = new String[counts.length];
        int numWidth = 1;
        for (int i = 0; i < counts.length; i++) {
            formatted[i] = HumanFormat.count(counts[i]);
            numWidth = Math.max(numWidth, formatted[i].length());
        }
        for (Severity s : SeverityStyle.mostSevereFirst()) {
            long c = counts[s.ordinal()];
            lines.add(severity(new TerminalLine().label("  "), s, 10, c > 0 ? SeverityStyle.sgr(s) : DIM)
                    .label(TerminalText.right(formatted[s.ordinal()], numWidth)));
        }
    }

    private static void top(List<TerminalLine> lines, List<Finding> ordered, int width) {
        if (ordered.isEmpty()) {
            return;
        }
        List<Finding> top = ordered.subList(0, Math.min(TOP, ordered.size()));
        lines.add(new TerminalLine());
        lines.add(new TerminalLine().label("Top findings", BOLD).label(top.size() < ordered.size()
                ? "  (" + top.size() + " of " + HumanFormat.count(ordered.size()) + ", most severe first)"
                : "  (most severe first)"));
        int countW = "COUNT".length();
        int whereW = "ACCOUNT/REGION".length();
        for (Finding f : top) {
            countW = Math.max(countW, HumanFormat.count(f.count()).length());
            whereW = Math.max(whereW, TerminalText.width(where(f)));
        }
        if (width < COLUMNS_WIDTH) {
            for (Finding f : top) {
                lines.add(severity(new TerminalLine().label("  "), f.severity(), 9, SeverityStyle.sgr(f.severity()))
                        .data(f.rule().title()));
                lines.add(new TerminalLine().label("           ")
                        .data(principal(TerminalText.sanitize(f.principal()), width - 11 - 2))
                        .label(f.principal().isEmpty() ? "" : "  ").data(where(f))
                        .label("  \u00D7" + HumanFormat.count(f.count())));
            }
            return;
        }
        whereW = Math.min(whereW, 34);
        // Columns: indent 2, severity 8, then title, principal, where, count, two spaces between each.
        int flexible = width - 2 - 8 - 2 - 2 - 2 - whereW - 2 - countW;
        // The title gets up to three fifths, or more when principals are short; the principal the rest.
        int titleNatural = "TITLE".length();
        int principalNatural = "PRINCIPAL".length();
        for (Finding f : top) {
            titleNatural = Math.max(titleNatural, TerminalText.width(TerminalText.sanitize(f.rule().title())));
            principalNatural = Math.max(principalNatural, TerminalText.width(TerminalText.sanitize(f.principal())));
        }
        int titleW = Math.min(titleNatural, Math.max(flexible * 3 / 5, flexible - principalNatural));
        int principalW = Math.max(10, flexible - titleW);
        lines.add(new TerminalLine().label("  " + TerminalText.cell("SEVERITY", 8) + "  "
                + TerminalText.cell("TITLE", titleW) + "  " + TerminalText.cell("PRINCIPAL", principalW) + "  "
                + TerminalText.cell("ACCOUNT/REGION", whereW) + "  " + TerminalText.right("COUNT", countW), DIM));
        for (Finding f : top) {
            String principal = principal(TerminalText.sanitize(f.principal()), principalW);
            lines.add(severity(new TerminalLine().label("  "), f.severity(), 8, SeverityStyle.sgr(f.severity()))
                    .label("  ").data(TerminalText.cell(TerminalText.sanitize(f.rule().title()), titleW))
                    .label("  ").data(TerminalText.cell(principal, principalW))
                    .label("  ").data(TerminalText.cell(TerminalText.truncateMiddle(where(f), whereW), whereW))
                    .label("  ")
                    .label(TerminalText.right(HumanFormat.count(f.count()), countW)));
        }
    }

    /**
     * A principal cut to a width. An ARN that does not fit loses its {@code arn:aws:iam::123456789012:} prefix
     * first (the account has its own column), keeping the part that names the user or role.
     */
    static String principal(String sanitized, int cols) {
        if (TerminalText.width(sanitized) <= cols) {
            return sanitized;
        }
        String[] parts = sanitized.split(":", 6);
        if (parts.length == 6 && parts[0].equals("arn")) {
            String resource = TerminalText.ELLIPSIS + parts[5];
            return TerminalText.width(resource) <= cols ? resource : TerminalText.truncateMiddle(parts[5], cols);
        }
        return TerminalText.truncateMiddle(sanitized, cols);
    }

    /** Account and region as {@code 123456789012/us-east-1}, sanitized. */
    private static String where(Finding f) {
        String account = TerminalText.sanitize(f.account());
        String region = TerminalText.sanitize(f.region());
        if (account.isEmpty() || region.isEmpty()) {
            return account + region;
        }
        return account + "/" + region;
    }

    private static void read(List<TerminalLine> lines, ScanSummary summary) {
        lines.add(new TerminalLine());
        if (summary == null) {
            lines.add(new TerminalLine().label("Read", BOLD).label("  not known: no scan summary was supplied"));
            return;
        }
        lines.add(new TerminalLine().label("Read", BOLD));
        TerminalLine files = fact("Files", HumanFormat.count(summary.files()));
        List<Map.Entry<String, Long>> kinds = HumanFormat.byCountDescending(summary.fileKinds());
        if (!kinds.isEmpty()) {
            files.label(" (");
            for (int i = 0; i < kinds.size(); i++) {
                files.label(i == 0 ? "" : ", ").data(kinds.get(i).getKey())
                        .label(" " + HumanFormat.count(kinds.get(i).getValue()));
            }
            files.label(")");
        }
        lines.add(files);
        lines.add(fact("Records", HumanFormat.count(summary.records())));
        lines.add(fact("Data", HumanFormat.bytes(summary.bytes())));
        lines.add(fact("Elapsed", HumanFormat.duration(summary.elapsed()) + " ("
                + HumanFormat.rate(summary.records(), summary.elapsed()) + ")"));
        lines.add(fact("Peak memory", summary.peakRssBytes() < 0 ? "not reported by this platform"
                : HumanFormat.bytes(summary.peakRssBytes())));
    }

    private static void skipped(List<TerminalLine> lines, ScanSummary summary) {
        if (summary == null) {
            return;
        }
        lines.add(new TerminalLine());
        if (!summary.partial()) {
            lines.add(new TerminalLine().label("Skipped", BOLD).label("  nothing: every file and record found was read"));
            return;
        }
        lines.add(new TerminalLine().label("Skipped", WARN));
        lines.add(fact("Files", HumanFormat.count(summary.skippedFiles())));
        lines.add(fact("Records", HumanFormat.count(summary.skippedRecords())));
        List<Map.Entry<String, Long>> reasons = HumanFormat.byCountDescending(summary.skipReasons());
        if (!reasons.isEmpty()) {
            int countW = 1;
            for (Map.Entry<String, Long> r : reasons) {
                countW = Math.max(countW, HumanFormat.count(r.getValue()).length());
            }
            lines.add(new TerminalLine().label("  Reasons"));
            for (Map.Entry<String, Long> r : reasons) {
                lines.add(new TerminalLine().label("    " + TerminalText.right(HumanFormat.count(r.getValue()), countW)
                        + "  ").data(r.getKey()));
            }
        }
        List<Problem> problems = summary.problems();
        if (!problems.isEmpty()) {
            int shown = Math.min(FIRST_PROBLEMS, problems.size());
            long counted = reasons.stream().mapToLong(Map.Entry::getValue).sum();
            long of = Math.max(counted, problems.size());
            lines.add(new TerminalLine().label("  First problems" + (shown < of
                    ? " (" + shown + " of " + HumanFormat.count(of) + ")" : "")));
            for (Problem p : problems.subList(0, shown)) {
                lines.add(new TerminalLine().label("    ").data(p.location()).label("  [").data(p.reason())
                        .label("]"));
                lines.add(new TerminalLine().label("      ").data(p.message()));
            }
        }
    }

    private static void outputs(List<TerminalLine> lines, Map<String, Path> outputs) {
        if (outputs.isEmpty()) {
            return;
        }
        lines.add(new TerminalLine());
        lines.add(new TerminalLine().label("Outputs", BOLD));
        int labelW = 1;
        for (String label : outputs.keySet()) {
            labelW = Math.max(labelW, TerminalText.width(TerminalText.sanitize(label)));
        }
        labelW = Math.min(labelW, 24);
        for (Map.Entry<String, Path> o : outputs.entrySet()) {
            lines.add(new TerminalLine().label("  ").data(TerminalText.cell(TerminalText.sanitize(o.getKey()), labelW))
                    .label("  ").data(o.getValue().toString()));
        }
    }

    private static TerminalLine fact(String name, String value) {
        return new TerminalLine().label("  " + TerminalText.cell(name, 12) + " ").label(value);
    }

    /** The severity label coloured, then padded uncoloured so a background colour stops at the word. */
    private static TerminalLine severity(TerminalLine line, Severity s, int cols, String sgr) {
        String label = shortLabel(s);
        return line.label(label, sgr).label(" ".repeat(Math.max(0, cols - label.length())));
    }

    private static String shortLabel(Severity s) {
        return switch (s) {
            case CRITICAL -> "CRITICAL";
            case HIGH -> "HIGH";
            case MEDIUM -> "MEDIUM";
            case LOW -> "LOW";
            case INFORMATIONAL -> "INFO";
        };
    }
}
