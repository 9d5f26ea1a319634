package dev.vigil.formats.findings;

import dev.vigil.model.Finding;
import dev.vigil.model.FindingOrigin;
import dev.vigil.model.ImportedFinding;
import dev.vigil.model.RecordState;
import dev.vigil.model.Workflow;

import java.util.Objects;
import java.util.Optional;

/**
 * A finding read from a GuardDuty, ASFF or OCSF file, with the facts the source states beyond Vigil's finding model:
 * its workflow status and record state (when the source has them, the hub should start from them rather than
 * from NEW/ACTIVE), the primary resource's type, and the access key the activity used (the hub correlates on it).
 *
 * @param imported     the finding and its origin
 * @param workflow     the source's workflow status (ASFF {@code Workflow.Status}, OCSF {@code status_id}), if stated
 * @param recordState  the source's record state (ASFF {@code RecordState}, GuardDuty {@code service.archived}), if stated
 * @param resourceType the primary resource's type as the source names it ({@code AccessKey}, {@code AwsS3Bucket}…), or empty
 * @param accessKeyId  the access key id involved, or empty
 */
public record IncomingFinding(ImportedFinding imported, Optional<Workflow> workflow, Optional<RecordState> recordState,
                              String resourceType, String accessKeyId) {

    public IncomingFinding {
        Objects.requireNonNull(imported, "imported");
        Objects.requireNonNull(workflow, "workflow");
        Objects.requireNonNull(recordState, "recordState");
        resourceType = Objects.requireNonNullElse(resourceType, "");
        accessKeyId = Objects.requireNonNullElse(accessKeyId, "");
    }

    public Finding finding() {
        return imported.finding();
    }

    public FindingOrigin origin() {
        return imported.origin();
    }
}
