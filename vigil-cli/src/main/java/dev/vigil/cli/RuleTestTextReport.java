package dev.vigil.cli;

import dev.vigil.model.Problem;
import dev.vigil.report.TerminalText;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints a rule test run the way unit-test runners do: one line per rule, the details of what failed under it, a
 * count line at the end. Rule and record text is sanitised: test files and rules may be hostile.
 */
final class RuleTestTextReport {

    private static final String LINE = "%-8s  %-44s  %-11s  %-20s  %s%n";
    private static final String INDENT = "          ";

    private RuleTestTextReport() {
    }

    static void print(RuleTestRun run, PrintStream out) {
        for (Problem p : run.problems()) {
            out.println("PROBLEM   " + problem(p));
        }
        for (RuleTestResult r : run.results()) {
            RuleTestResult.Status status = r.status();
            RuleTests t = r.tests();
            String cases = t.count(RuleTests.Expect.MATCH) + " match, "
                    + t.count(RuleTests.Expect.NOMATCH) + " nomatch";
            out.printf(Locale.ROOT, LINE, status.label(), s(r.id()), t.rule().type().label(), cases,
                    s(t.rule().source()) + note(r));
            if (status == RuleTestResult.Status.NO_TESTS) {
                out.println(INDENT + "add example files to " + s(t.folder()) + "match/ and " + s(t.folder())
                        + "nomatch/");
            }
            for (Problem p : r.problems()) {
                out.println(INDENT + problem(p));
            }
            for (RuleTestResult.FileResult f : r.files()) {
                details(f, out);
            }
        }
        out.println(run.summary());
    }

    private static void details(RuleTestResult.FileResult f, PrintStream out) {
        for (RuleTestResult.Failure failure : f.failures()) {
            String id = failure.eventId().isEmpty() ? "" : " (eventID " + s(failure.eventId()) + ")";
            out.println(INDENT + "FAILED " + s(failure.location()) + id + ": " + s(failure.message()));
            for (String why : failure.why()) {
                out.println(INDENT + "  - " + s(why));
            }
        }
        if (f.failed() > f.failures().size()) {
            out.println(INDENT + "… and " + (f.failed() - f.failures().size()) + " more failed records in "
                    + s(f.testCase().display()));
        }
        for (Problem p : f.problems()) {
            out.println(INDENT + "UNREADABLE " + problem(p));
        }
        if (f.unreadable() > f.problems().size()) {
            out.println(INDENT + "… and " + (f.unreadable() - f.problems().size()) + " more unreadable records in "
                    + s(f.testCase().display()));
        }
    }

    /** Shown after the source of a passing rule that is tested in one direction only. */
    private static String note(RuleTestResult r) {
        if (r.status() != RuleTestResult.Status.PASS) {
            return "";
        }
        if (r.tests().count(RuleTests.Expect.MATCH) == 0) {
            return "  (no match examples)";
        }
        return r.tests().count(RuleTests.Expect.NOMATCH) == 0 ? "  (no nomatch examples)" : "";
    }

    private static String problem(Problem p) {
        return s(p.location()) + ": " + s(p.message()) + " [" + s(p.reason()) + "]";
    }

    private static String s(String v) {
        return TerminalText.sanitize(v);
    }
}
