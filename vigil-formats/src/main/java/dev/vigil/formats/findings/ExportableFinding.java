package dev.vigil.formats.findings;

import dev.vigil.model.Finding;
import dev.vigil.model.FindingOrigin;
import dev.vigil.model.RecordState;
import dev.vigil.model.Workflow;

import java.time.Instant;
import java.util.Objects;

/**
 * A finding as the hub holds it, ready to be written by a {@link FindingExportWriter}.
 *
 * @param finding     the finding
 * @param origin      the product that reported it ({@link FindingOrigin#vigil} for Vigil's own)
 * @param workflow    its workflow status
 * @param recordState its record state
 * @param createdAt   when the hub first stored it (ASFF {@code CreatedAt})
 * @param updatedAt   when the hub last changed it (ASFF {@code UpdatedAt}); not before {@code createdAt}
 * @param riskScore   the hub's risk score, 0 or more
 */
public record ExportableFinding(Finding finding, FindingOrigin origin, Workflow workflow, RecordState recordState,
                                Instant createdAt, Instant updatedAt, int riskScore) {

    public ExportableFinding {
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(workflow, "workflow");
        Objects.requireNonNull(recordState, "recordState");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (updatedAt.isBefore(createdAt)) {
            throw new IllegalArgumentException("updatedAt " + updatedAt + " is before createdAt " + createdAt
                    + " for finding " + finding.id());
        }
        if (riskScore < 0) {
            throw new IllegalArgumentException("riskScore must be 0 or more, was " + riskScore);
        }
    }

    /** One of Vigil's own findings, NEW and ACTIVE, created and updated at its first and last sighting. */
    public static ExportableFinding ofVigil(Finding f, int riskScore) {
        return new ExportableFinding(f, FindingOrigin.vigil(f), Workflow.NEW, RecordState.ACTIVE,
                f.firstSeen(), f.lastSeen(), riskScore);
    }
}
