package dev.vigil.report;

import java.util.List;
import java.util.Objects;

/**
 * The report's compliance section: one score card per framework, with the per-section breakdown, and the failing
 * checks that drive the scores.
 *
 * @param frameworks one entry per framework assessed, in the order to show
 * @param failures   failing check results, most severe first; the writer shows a bounded number
 * @param checkCounts how many check results had each status, e.g. {@code PASS → 120}, in display order
 * @param notes      lines shown as they are (inputs read, what could not be judged and why)
 */
public record ComplianceSection(List<FrameworkScore> frameworks, List<Failure> failures,
                                List<StatusCount> checkCounts, List<String> notes) {

    public ComplianceSection {
        frameworks = List.copyOf(frameworks);
        failures = List.copyOf(failures);
        checkCounts = List.copyOf(checkCounts);
        notes = List.copyOf(notes);
    }

    /** How many results had one status. */
    public record StatusCount(String status, long count) {
        public StatusCount {
            Objects.requireNonNull(status, "status");
        }
    }

    /**
     * A framework's result.
     *
     * @param id       framework id, e.g. {@code cis-aws-foundations}
     * @param name     display name with version
     * @param score    passed / (passed + failed) in [0, 1], or negative when nothing automated could be judged
     * @param passed   requirements passing
     * @param failed   requirements failing
     * @param errors   requirements that could not be judged (missing data, access denied)
     * @param manual   requirements needing a person
     * @param notApplicable requirements with nothing in scope
     * @param sections per-section breakdown, in the framework's order
     */
    public record FrameworkScore(String id, String name, double score, int passed, int failed, int errors,
                                 int manual, int notApplicable, List<SectionScore> sections) {
        public FrameworkScore {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            sections = List.copyOf(sections);
        }
    }

    /** One section of a framework, scored like the framework. */
    public record SectionScore(String name, double score, int passed, int failed, int errors, int manual) {
        public SectionScore {
            Objects.requireNonNull(name, "name");
        }
    }

    /** One failing check result. Every text here may carry attacker-influenced names; the writer escapes it. */
    public record Failure(String checkId, String title, String severity, String account, String region,
                          String resource, String reason) {
    }
}
