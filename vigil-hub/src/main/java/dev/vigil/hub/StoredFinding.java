package dev.vigil.hub;

import dev.vigil.model.Finding;
import dev.vigil.model.FindingOrigin;
import dev.vigil.model.RecordState;
import dev.vigil.model.Workflow;
import java.time.Instant;
import java.util.Objects;

/**
 * A finding as the store holds it: the merged finding over every observation, where it came from, where it is in
 * its lifecycle, and when it was observed and changed.
 *
 * <p>{@code finding.firstSeen/lastSeen/count} describe the activity in the logs (event time);
 * the {@code …ObservedAt} fields describe the scans and imports (wall-clock time of the upserts). All times are
 * held at millisecond precision.
 *
 * @param finding         the merged finding, with its rule, keys and up to {@link Finding#MAX_EVIDENCE} evidence
 *                        records, oldest first
 * @param firstObservedAt when an upsert first stored it
 * @param lastObservedAt  when an upsert last stored it
 * @param observations    how many upserts have included it
 * @param origin          the reporting product, its id for the finding, and the newest raw original
 * @param workflow        where it is in its investigation
 * @param recordState     ACTIVE, or ARCHIVED when archived by its product or a person
 * @param risk            the risk score last stored with {@link FindingStore#setRisk} (0 until then)
 * @param riskReasons     the score's explanation as JSON text ({@code []} until then)
 * @param suppressedBy    the suppression rule holding it SUPPRESSED, or empty
 * @param updatedAt       the last change of any kind
 */
public record StoredFinding(Finding finding, Instant firstObservedAt, Instant lastObservedAt, long observations,
                            FindingOrigin origin, Workflow workflow, RecordState recordState, int risk,
                            String riskReasons, String suppressedBy, Instant updatedAt) {

    public StoredFinding {
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(firstObservedAt, "firstObservedAt");
        Objects.requireNonNull(lastObservedAt, "lastObservedAt");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(workflow, "workflow");
        Objects.requireNonNull(recordState, "recordState");
        Objects.requireNonNull(riskReasons, "riskReasons");
        Objects.requireNonNull(suppressedBy, "suppressedBy");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** Shortcut for {@code finding().id()}. */
    public String id() {
        return finding.id();
    }
}
