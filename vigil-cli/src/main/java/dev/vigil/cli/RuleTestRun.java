package dev.vigil.cli;

import dev.vigil.model.Problem;

import java.util.List;

/**
 * The outcome of {@code vigil rules test}.
 *
 * @param results  one per rule, sorted by rule id
 * @param problems rules that did not load or compile, and test folders that belong to no rule
 */
record RuleTestRun(List<RuleTestResult> results, List<Problem> problems) {

    RuleTestRun {
        results = List.copyOf(results);
        problems = List.copyOf(problems);
    }

    long count(RuleTestResult.Status status) {
        return results.stream().filter(r -> r.status() == status).count();
    }

    long files() {
        return results.stream().mapToLong(r -> r.files().size()).sum();
    }

    long records() {
        return results.stream().mapToLong(RuleTestResult::records).sum();
    }

    long unreadable() {
        return results.stream().mapToLong(RuleTestResult::unreadable).sum();
    }

    /** True when every rule passed or has no tests, and nothing failed to load. */
    boolean passed() {
        return problems.isEmpty() && count(RuleTestResult.Status.FAIL) == 0 && count(RuleTestResult.Status.ERROR) == 0;
    }

    int exitCode() {
        return passed() ? ExitCode.OK : ExitCode.ERROR;
    }

    /** {@code 49 rules: 47 passed, 1 failed, 1 with errors, 0 without tests; 130 files, 480 records, …}. */
    String summary() {
        return plural(results.size(), "rule") + ": " + count(RuleTestResult.Status.PASS) + " passed, "
                + count(RuleTestResult.Status.FAIL) + " failed, "
                + count(RuleTestResult.Status.ERROR) + " with errors, "
                + count(RuleTestResult.Status.NO_TESTS) + " without tests; " + plural(files(), "file") + ", "
                + plural(records(), "record") + ", " + unreadable() + " unreadable; "
                + plural(problems.size(), "rule problem");
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
