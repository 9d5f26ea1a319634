package dev.vigil.cli;

import dev.vigil.model.Problem;

import java.util.List;
import java.util.Objects;

/**
 * What testing one rule gave.
 *
 * @param tests    the rule and its example files
 * @param files    one result per example file, in the order of {@link RuleTests#cases()}
 * @param problems problems with the rule's tests as a whole: its test folder's layout, and with
 *                 {@code --require-tests} a missing kind of example (reason {@code test-missing})
 */
record RuleTestResult(RuleTests tests, List<FileResult> files, List<Problem> problems) {

    /** Reason of the problem raised when {@code --require-tests} finds no match or no nomatch example. */
    static final String MISSING = "test-missing";

    RuleTestResult {
        Objects.requireNonNull(tests, "tests");
        files = List.copyOf(files);
        problems = List.copyOf(problems);
    }

    enum Status {
        PASS("PASS"), FAIL("FAIL"), ERROR("ERROR"), NO_TESTS("NO TESTS");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        /** As printed in the text output. */
        String label() {
            return label;
        }

        /** As written in JSON: lower case, words joined by a hyphen. */
        String json() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * A failed expectation: a record of a detection's example, or a correlation's whole file.
     *
     * @param location file and record, e.g. {@code rules/tests/r/match/a.json#record 2}; the file for a correlation
     * @param record   1-based record number in the file, 0 for a whole file
     * @param eventId  the record's {@code eventID}, or ""
     * @param message  what was expected and what happened
     * @param why      the evidence, one sentence each: which searches held, which field conditions were not met,
     *                 which records the correlation counted
     */
    record Failure(String location, long record, String eventId, String message, List<String> why) {
        Failure {
            Objects.requireNonNull(location, "location");
            eventId = Objects.requireNonNullElse(eventId, "");
            Objects.requireNonNull(message, "message");
            why = List.copyOf(why);
        }
    }

    /**
     * What one example file gave.
     *
     * @param testCase   the file and what was expected of it
     * @param records    records read
     * @param failed     failed expectations (exact), of which the first are in {@code failures}
     * @param failures   details of the first failed expectations
     * @param unreadable records (or whole files) the reader could not use, counted exactly
     * @param problems   the first of those problems, with file and position
     */
    record FileResult(RuleTests.Case testCase, long records, long failed, List<Failure> failures, long unreadable,
                      List<Problem> problems) {
        FileResult {
            Objects.requireNonNull(testCase, "testCase");
            failures = List.copyOf(failures);
            problems = List.copyOf(problems);
        }

        Status status() {
            if (failed > 0) {
                return Status.FAIL;
            }
            return unreadable > 0 || !problems.isEmpty() ? Status.ERROR : Status.PASS;
        }
    }

    /** A failed expectation or missing required example wins over a broken file, which wins over no tests. */
    Status status() {
        boolean failed = files.stream().anyMatch(f -> f.status() == Status.FAIL)
                || problems.stream().anyMatch(p -> p.reason().equals(MISSING));
        if (failed) {
            return Status.FAIL;
        }
        if (!problems.isEmpty() || files.stream().anyMatch(f -> f.status() == Status.ERROR)) {
            return Status.ERROR;
        }
        return files.isEmpty() ? Status.NO_TESTS : Status.PASS;
    }

    String id() {
        return tests.rule().id();
    }

    long records() {
        return files.stream().mapToLong(FileResult::records).sum();
    }

    long unreadable() {
        return files.stream().mapToLong(FileResult::unreadable).sum();
    }
}
