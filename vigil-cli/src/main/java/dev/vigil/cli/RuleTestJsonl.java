package dev.vigil.cli;

import dev.vigil.model.Problem;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code vigil rules test --format jsonl}: one JSON object per line. {@code "kind"} says which: {@code problem}
 * (a rule that did not load, an orphaned test folder), {@code rule} (one per rule, with its files, failures and
 * unreadable records) and a final {@code summary}.
 */
final class RuleTestJsonl {

    private RuleTestJsonl() {
    }

    static void print(RuleTestRun run, PrintStream out) {
        for (Problem p : run.problems()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("kind", "problem");
            line.putAll(problem(p));
            out.println(JsonLines.of(line));
        }
        for (RuleTestResult r : run.results()) {
            out.println(JsonLines.of(rule(r)));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("kind", "summary");
        summary.put("rules", run.results().size());
        summary.put("passed", run.count(RuleTestResult.Status.PASS));
        summary.put("failed", run.count(RuleTestResult.Status.FAIL));
        summary.put("errors", run.count(RuleTestResult.Status.ERROR));
        summary.put("no_tests", run.count(RuleTestResult.Status.NO_TESTS));
        summary.put("files", run.files());
        summary.put("records", run.records());
        summary.put("unreadable", run.unreadable());
        summary.put("problems", run.problems().size());
        summary.put("exit_code", run.exitCode());
        out.println(JsonLines.of(summary));
    }

    private static Map<String, Object> rule(RuleTestResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "rule");
        m.put("id", r.id());
        m.put("type", r.tests().rule().type().label());
        m.put("source", r.tests().rule().source());
        m.put("status", r.status().json());
        m.put("folder", r.tests().folder());
        List<Object> files = new ArrayList<>();
        for (RuleTestResult.FileResult f : r.files()) {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("file", f.testCase().display());
            fm.put("expect", f.testCase().expect().folder());
            fm.put("status", f.status().json());
            fm.put("records", f.records());
            fm.put("failed", f.failed());
            fm.put("failures", f.failures().stream().map(RuleTestJsonl::failure).toList());
            fm.put("unreadable", f.unreadable());
            fm.put("problems", f.problems().stream().map(RuleTestJsonl::problem).toList());
            files.add(fm);
        }
        m.put("files", files);
        m.put("problems", r.problems().stream().map(RuleTestJsonl::problem).toList());
        return m;
    }

    private static Map<String, Object> failure(RuleTestResult.Failure f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("location", f.location());
        m.put("record", f.record());
        m.put("event_id", f.eventId());
        m.put("message", f.message());
        m.put("why", f.why());
        return m;
    }

    private static Map<String, Object> problem(Problem p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("location", p.location());
        m.put("reason", p.reason());
        m.put("message", p.message());
        return m;
    }
}
