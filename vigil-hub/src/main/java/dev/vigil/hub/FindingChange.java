package dev.vigil.hub;

import dev.vigil.model.RecordState;
import dev.vigil.model.Severity;
import dev.vigil.model.Workflow;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What an upsert did to one finding, for whoever reacts to changes (routing, notifications).
 *
 * @param findingId        the finding
 * @param kind             what happened
 * @param previousSeverity the severity before, empty for a created finding
 * @param severity         the severity now
 * @param workflow         the workflow status now (a created finding that matches a suppression rule arrives
 *                         SUPPRESSED)
 * @param recordState      the record state now
 * @param at               when: the upsert's {@code observedAt}
 */
public record FindingChange(String findingId, ChangeKind kind, Optional<Severity> previousSeverity,
                            Severity severity, Workflow workflow, RecordState recordState, Instant at) {

    public FindingChange {
        Objects.requireNonNull(findingId, "findingId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(previousSeverity, "previousSeverity");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(workflow, "workflow");
        Objects.requireNonNull(recordState, "recordState");
        Objects.requireNonNull(at, "at");
    }

    /** True when the severity is higher than before (also for a reopened finding). */
    public boolean severityRose() {
        return previousSeverity.map(p -> severity.ocsfId() > p.ocsfId()).orElse(false);
    }

    FindingChange withWorkflow(Workflow value) {
        return new FindingChange(findingId, kind, previousSeverity, severity, value, recordState, at);
    }
}
