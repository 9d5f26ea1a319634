package dev.vigil.posture.report;

import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.framework.AccountScore;
import dev.vigil.posture.framework.FrameworkScore;
import dev.vigil.posture.framework.PostureReport;
import dev.vigil.posture.framework.Requirement;
import dev.vigil.posture.framework.RequirementScore;
import dev.vigil.posture.framework.SectionScore;
import dev.vigil.posture.framework.Tally;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link PostureReport} as plain text for a terminal: the status counts, then per framework its score,
 * a table per section and per account, the requirements that fail or could not be judged (with their failing
 * checks), the manual requirements with the evidence to collect, and finally every failing check result with its
 * reason.
 *
 * <p>No line is wider than {@link #WIDTH} columns and no ANSI colour is written. Resource names, account ids and
 * reasons come from the estate's data (tags, names an attacker can choose), so every one is passed through
 * {@link TerminalSafe} before it is printed: control characters become visible escapes.
 */
public final class PostureReportPrinter {

    /** The widest line written. */
    public static final int WIDTH = 100;

    /**
     * What to include.
     *
     * @param maxFailures        failing results listed in full at the end; the rest are counted
     * @param examplesPerCheck   failing or unjudged resources named under each requirement, per check
     * @param showManual         list the manual requirements with their evidence notes
     * @param frameworkDetail    per framework, the section and account tables and the requirements failing; when
     *                           false, one score line per framework (an overview of many frameworks)
     */
    public record Options(int maxFailures, int examplesPerCheck, boolean showManual, boolean frameworkDetail) {
        public static final Options DEFAULT = new Options(200, 3, true, true);

        public Options(int maxFailures, int examplesPerCheck, boolean showManual) {
            this(maxFailures, examplesPerCheck, showManual, true);
        }
    }

    private final PrintWriter out;
    private final Options options;

    public PostureReportPrinter(Writer out, Options options) {
        this.out = out instanceof PrintWriter pw ? pw : new PrintWriter(out);
        this.options = options;
    }

    /** Prints with {@link Options#DEFAULT}. */
    public static void print(PostureReport report, Writer out) {
        new PostureReportPrinter(out, Options.DEFAULT).print(report);
    }

    public void print(PostureReport report) {
        line("Vigil posture report");
        line("Check results: " + counts(report.checkCounts()));
        line("Score = requirements passed / (passed + failed). Not judged (ERROR: missing export, access denied)");
        line("and MANUAL requirements are counted apart and never count as passed.");
        for (FrameworkScore f : report.frameworks()) {
            out.println();
            framework(f);
        }
        out.println();
        failures(report.failures());
        out.flush();
    }

    private void framework(FrameworkScore f) {
        line("== " + TerminalSafe.clean(f.framework().displayName()) + " [" + TerminalSafe.clean(f.framework().id())
                + "] ==");
        Tally t = f.overall();
        line("Score " + percent(t) + " -- " + t.passed() + " passed, " + t.failed() + " failed, " + t.errors()
                + " not judged, " + t.manual() + " manual, " + t.notApplicable() + " not applicable");
        if (!options.frameworkDetail()) {
            return;
        }
        out.println();
        line("  " + TerminalSafe.pad("Section", 48) + header(true));
        for (SectionScore s : f.sections()) {
            line("  " + TerminalSafe.pad(TerminalSafe.clean(s.section()), 48) + row(s.tally(), true));
        }
        if (!f.accounts().isEmpty()) {
            out.println();
            line("  " + TerminalSafe.pad("Account (automated requirements)", 48) + header(false));
            for (AccountScore a : f.accounts()) {
                String name = a.account().isEmpty() ? "(organisation-wide)" : TerminalSafe.clean(a.account());
                line("  " + TerminalSafe.pad(name, 48) + row(a.tally(), false));
            }
        }
        List<RequirementScore> attention = f.requirements().stream()
                .filter(r -> r.status() == CheckStatus.FAIL || r.status() == CheckStatus.ERROR).toList();
        if (!attention.isEmpty()) {
            out.println();
            line("  Requirements failing or not judged");
            for (RequirementScore r : attention) {
                requirement(r);
            }
        }
        List<RequirementScore> manual = f.requirements().stream()
                .filter(r -> r.status() == CheckStatus.MANUAL).toList();
        if (options.showManual() && !manual.isEmpty()) {
            out.println();
            line("  Manual requirements: evidence to collect");
            for (RequirementScore r : manual) {
                Requirement q = r.requirement();
                line("    " + heading(q));
                String note = q.manual() ? q.evidence() : "a check asked for a person on "
                        + r.withStatus(CheckStatus.MANUAL).size() + " resource(s); see its reasons";
                for (String l : TerminalSafe.wrap(TerminalSafe.clean(note), WIDTH - 8, 3)) {
                    line("        " + l);
                }
            }
        }
    }

    private void requirement(RequirementScore r) {
        line("    " + TerminalSafe.pad(r.status().name(), 6) + heading(r.requirement()));
        Map<String, List<CheckResult>> byCheck = new LinkedHashMap<>();
        CheckStatus shown = r.status();
        for (CheckResult c : r.withStatus(shown)) {
            byCheck.computeIfAbsent(c.checkId(), k -> new ArrayList<>()).add(c);
        }
        for (Map.Entry<String, List<CheckResult>> e : byCheck.entrySet()) {
            List<CheckResult> rs = e.getValue();
            line("          " + TerminalSafe.fit(TerminalSafe.clean(e.getKey()) + ": " + rs.size()
                    + (shown == CheckStatus.FAIL ? " failing" : " not judged"), WIDTH - 10));
            for (CheckResult c : rs.subList(0, Math.min(rs.size(), options.examplesPerCheck()))) {
                line("            " + where(c, WIDTH - 12));
                if (shown != CheckStatus.FAIL) {
                    // why it could not be judged is the actionable part (which file to export); failures give
                    // their reasons once, in the failing checks list
                    for (String l : TerminalSafe.wrap(TerminalSafe.clean(c.reason()), WIDTH - 14, 2)) {
                        line("              " + l);
                    }
                }
            }
            if (rs.size() > options.examplesPerCheck()) {
                line("            and " + (rs.size() - options.examplesPerCheck()) + " more");
            }
        }
        if (!r.unanswered().isEmpty()) {
            line("          " + TerminalSafe.fit("no result from: " + TerminalSafe.clean(String.join(", ",
                    r.unanswered())), WIDTH - 10));
        }
    }

    private void failures(List<PostureReport.Failure> failures) {
        line("Failing checks (" + failures.size() + ")");
        if (failures.isEmpty()) {
            line("  No check failed.");
            return;
        }
        int shown = Math.min(failures.size(), options.maxFailures());
        for (PostureReport.Failure f : failures.subList(0, shown)) {
            CheckResult r = f.result();
            line("  " + TerminalSafe.pad(f.severity().caption().toUpperCase(Locale.ROOT), 9)
                    + TerminalSafe.fit(TerminalSafe.clean(r.checkId()) + "  " + TerminalSafe.clean(f.title()),
                    WIDTH - 11));
            line("           " + where(r, WIDTH - 11));
            for (String l : TerminalSafe.wrap(TerminalSafe.clean(r.reason()), WIDTH - 11, 4)) {
                line("           " + l);
            }
        }
        if (shown < failures.size()) {
            line("  and " + (failures.size() - shown) + " more failing results (all are in findings.ocsf.jsonl)");
        }
    }

    private static String heading(Requirement q) {
        return TerminalSafe.fit(TerminalSafe.clean(q.id()) + "  " + TerminalSafe.clean(q.title()) + "  ["
                + q.responsibility().label() + "]", WIDTH - 10);
    }

    /** "account region  resource" in {@code cols}: the resource is cut in the middle, the scope never. */
    private static String where(CheckResult r, int cols) {
        String account = r.account().isEmpty() ? "organisation" : TerminalSafe.clean(r.account());
        String region = r.region().isEmpty() ? "" : " " + TerminalSafe.clean(r.region());
        String scope = TerminalSafe.fit(account + region, cols / 2) + "  ";
        return scope + TerminalSafe.fitMiddle(TerminalSafe.clean(r.resource()), cols - TerminalSafe.width(scope));
    }

    private static String header(boolean withManual) {
        return TerminalSafe.right("Score", 6) + TerminalSafe.right("Pass", 7) + TerminalSafe.right("Fail", 7)
                + TerminalSafe.right("Error", 7) + (withManual ? TerminalSafe.right("Manual", 8) : "")
                + TerminalSafe.right("N/A", 7);
    }

    private static String row(Tally t, boolean withManual) {
        return TerminalSafe.right(percent(t), 6) + TerminalSafe.right(Integer.toString(t.passed()), 7)
                + TerminalSafe.right(Integer.toString(t.failed()), 7) + TerminalSafe.right(Integer.toString(t.errors()), 7)
                + (withManual ? TerminalSafe.right(Integer.toString(t.manual()), 8) : "")
                + TerminalSafe.right(Integer.toString(t.notApplicable()), 7);
    }

    static String percent(Tally t) {
        return t.score().isPresent() ? Math.round(t.score().getAsDouble() * 100) + "%" : "n/a";
    }

    private static String counts(Map<CheckStatus, Long> counts) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<CheckStatus, Long> e : counts.entrySet()) {
            b.append(b.isEmpty() ? "" : ", ").append(e.getValue()).append(' ').append(e.getKey().name());
        }
        return b.toString();
    }

    /** Every line goes through here: the width budget holds even if a caller's text was not cut. */
    private void line(String s) {
        out.println(TerminalSafe.fit(s, WIDTH));
    }
}
