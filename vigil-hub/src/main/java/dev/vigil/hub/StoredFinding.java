package dev.vigil.hub;

import dev.vigil.model.Finding;
import java.time.Instant;
import java.util.Objects;

/**
 * A finding as the store holds it: the merged finding over every scan that saw it, plus when scans saw it.
 *
 * <p>{@code finding.firstSeen/lastSeen/count} describe the activity in the logs (event time);
 * the {@code …ObservedAt} fields describe the scans (wall-clock time of the upserts). All times are held at
 * millisecond precision.
 *
 * @param finding         the merged finding, with its rule, keys and up to {@link Finding#MAX_EVIDENCE} evidence
 *                        records, oldest first
 * @param firstObservedAt when a scan first stored it
 * @param lastObservedAt  when a scan last stored it
 * @param observations    how many upserts have included it
 */
public record StoredFinding(Finding finding, Instant firstObservedAt, Instant lastObservedAt, long observations) {

    public StoredFinding {
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(firstObservedAt, "firstObservedAt");
        Objects.requireNonNull(lastObservedAt, "lastObservedAt");
    }

    /** Shortcut for {@code finding().id()}. */
    public String id() {
        return finding.id();
    }
}
