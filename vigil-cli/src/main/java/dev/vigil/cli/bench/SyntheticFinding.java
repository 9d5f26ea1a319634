package dev.vigil.cli.bench;

import dev.vigil.model.Finding;
import dev.vigil.model.FindingOrigin;
import dev.vigil.model.ImportedFinding;
import dev.vigil.model.RecordState;
import dev.vigil.model.Workflow;

import java.util.Objects;

/**
 * One generated finding and the lifecycle the benchmark gives it after storing it.
 *
 * @param finding     the finding in Vigil's model
 * @param origin      {@link FindingOrigin#vigil} for a Vigil detection, else the importing product's origin
 * @param workflow    the workflow status to set after the upsert
 * @param recordState the record state to set after the upsert
 * @param risk        the risk score to store, 0–100
 */
record SyntheticFinding(Finding finding, FindingOrigin origin, Workflow workflow, RecordState recordState,
                        int risk) {

    SyntheticFinding {
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(workflow, "workflow");
        Objects.requireNonNull(recordState, "recordState");
    }

    boolean isVigil() {
        return origin.isVigil();
    }

    /** The imported form, for {@code FindingStore.upsertImported}; only for findings that are not Vigil's own. */
    ImportedFinding imported() {
        if (isVigil()) {
            throw new IllegalStateException("finding " + finding.id() + " is Vigil's own, not imported");
        }
        return new ImportedFinding(finding, origin);
    }
}
