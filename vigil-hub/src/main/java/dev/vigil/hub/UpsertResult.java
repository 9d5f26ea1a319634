package dev.vigil.hub;

import java.util.List;

/**
 * What one upsert did: one {@link FindingChange} per distinct finding of the batch, in batch order.
 */
public record UpsertResult(List<FindingChange> changes) {

    public UpsertResult {
        changes = List.copyOf(changes);
    }

    /** Findings the store did not hold before. */
    public int inserted() {
        return count(ChangeKind.CREATED);
    }

    /** Findings it held, now re-observed (whether or not anything changed). */
    public int updated() {
        return changes.size() - inserted();
    }

    /** Distinct findings written. */
    public int total() {
        return changes.size();
    }

    /** How many changes are of this kind. */
    public int count(ChangeKind kind) {
        return (int) changes.stream().filter(c -> c.kind() == kind).count();
    }
}
