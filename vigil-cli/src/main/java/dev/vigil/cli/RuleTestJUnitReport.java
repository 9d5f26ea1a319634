package dev.vigil.cli;

import dev.vigil.model.Problem;
import dev.vigil.report.TerminalText;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code vigil rules test --junit FILE}: the run as JUnit XML, which CI systems (GitHub Actions reporters, GitLab,
 * Jenkins) show as test results. One {@code testsuite} per rule, one {@code testcase} per example file; a rule
 * without examples is a skipped case, rules that did not load are errors in a suite of their own.
 *
 * <p>Text from rules and records is sanitised as for a terminal (CI systems print these messages in their logs)
 * and escaped for XML; characters XML 1.0 cannot carry are written as visible escapes.
 */
final class RuleTestJUnitReport {

    private RuleTestJUnitReport() {
    }

    /** One test case: its name, and at most one outcome element. */
    private record Case(String name, String file, String outcome, String type, String message, List<String> body) {
    }

    static String xml(RuleTestRun run) {
        StringBuilder suites = new StringBuilder();
        int[] total = new int[4];
        if (!run.problems().isEmpty()) {
            List<Case> cases = new ArrayList<>();
            for (Problem p : run.problems()) {
                cases.add(new Case(p.location(), null, "error", p.reason(), p.message(), List.of()));
            }
            suite(suites, "rule problems", null, cases, total);
        }
        for (RuleTestResult r : run.results()) {
            suite(suites, r.id(), r.tests().rule().source(), cases(r), total);
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<testsuites name=\"vigil rules test\"" + counts(total) + ">\n" + suites + "</testsuites>\n";
    }

    private static List<Case> cases(RuleTestResult r) {
        List<Case> cases = new ArrayList<>();
        for (Problem p : r.problems()) {
            boolean missing = p.reason().equals(RuleTestResult.MISSING);
            cases.add(new Case("examples " + p.location(), null, missing ? "failure" : "error", p.reason(),
                    p.message(), List.of()));
        }
        if (r.files().isEmpty() && r.problems().isEmpty()) {
            cases.add(new Case("examples", null, "skipped", null, "no examples; add files to " + r.tests().folder()
                    + "match/ and " + r.tests().folder() + "nomatch/", List.of()));
        }
        for (RuleTestResult.FileResult f : r.files()) {
            String name = f.testCase().expect().folder() + "/" + f.testCase().path().getFileName();
            List<String> body = new ArrayList<>();
            for (RuleTestResult.Failure failure : f.failures()) {
                body.add(failure.location() + (failure.eventId().isEmpty() ? "" : " (eventID " + failure.eventId()
                        + ")") + ": " + failure.message());
                failure.why().forEach(w -> body.add("  - " + w));
            }
            if (f.failed() > f.failures().size()) {
                body.add("… and " + (f.failed() - f.failures().size()) + " more failed records");
            }
            for (Problem p : f.problems()) {
                body.add(p.location() + ": " + p.message() + " [" + p.reason() + "]");
            }
            if (f.unreadable() > f.problems().size()) {
                body.add("… and " + (f.unreadable() - f.problems().size()) + " more unreadable records");
            }
            cases.add(switch (f.status()) {
                case FAIL -> new Case(name, f.testCase().display(), "failure", "mismatch",
                        f.failures().getFirst().message()
                                + (f.failed() > 1 ? " (" + f.failed() + " records failed)" : ""),
                        body);
                case ERROR -> new Case(name, f.testCase().display(), "error", "unreadable",
                        f.unreadable() + " unreadable records or file problems", body);
                default -> new Case(name, f.testCase().display(), null, null, null, List.of());
            });
        }
        return cases;
    }

    private static void suite(StringBuilder out, String name, String file, List<Case> cases, int[] total) {
        int[] counts = new int[4];
        StringBuilder body = new StringBuilder();
        for (Case c : cases) {
            counts[0]++;
            body.append("    <testcase classname=\"").append(attr(name)).append("\" name=\"").append(attr(c.name()))
                    .append('"');
            if (c.file() != null) {
                body.append(" file=\"").append(attr(c.file())).append('"');
            }
            if (c.outcome() == null) {
                body.append("/>\n");
                continue;
            }
            counts[switch (c.outcome()) {
                case "failure" -> 1;
                case "error" -> 2;
                default -> 3;
            }]++;
            body.append(">\n      <").append(c.outcome());
            if (c.type() != null) {
                body.append(" type=\"").append(attr(c.type())).append('"');
            }
            body.append(" message=\"").append(attr(c.message())).append('"');
            if (c.body().isEmpty()) {
                body.append("/>\n");
            } else {
                body.append('>');
                for (int i = 0; i < c.body().size(); i++) {
                    body.append(i > 0 ? "\n" : "").append(text(c.body().get(i)));
                }
                body.append("</").append(c.outcome()).append(">\n");
            }
            body.append("    </testcase>\n");
        }
        for (int i = 0; i < 4; i++) {
            total[i] += counts[i];
        }
        out.append("  <testsuite name=\"").append(attr(name)).append('"');
        if (file != null) {
            out.append(" file=\"").append(attr(file)).append('"');
        }
        out.append(counts(counts)).append(">\n").append(body).append("  </testsuite>\n");
    }

    private static String counts(int[] c) {
        return " tests=\"" + c[0] + "\" failures=\"" + c[1] + "\" errors=\"" + c[2] + "\" skipped=\"" + c[3] + "\"";
    }

    private static String attr(String s) {
        return text(s).replace("\"", "&quot;");
    }

    /** Sanitised for a terminal (one line, no controls), escaped for XML, without XML 1.0's forbidden characters. */
    static String text(String s) {
        String safe = TerminalText.sanitize(s);
        StringBuilder b = new StringBuilder(safe.length() + 16);
        for (int i = 0; i < safe.length(); i++) {
            char ch = safe.charAt(i);
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '\uFFFE', '\uFFFF' -> b.append(String.format("\\u%04X", (int) ch));
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
