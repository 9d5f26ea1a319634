package dev.vigil.hub;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of a finding's audit trail: who changed which lifecycle field, when, from what to what, and why.
 *
 * @param findingId the finding
 * @param at        when the change was made
 * @param actor     who made it: a user name as given, {@code vigil} for automatic changes,
 *                  {@code suppression:<rule id>} for a suppression rule, {@code import:<product>} for a record
 *                  state the reporting product set
 * @param field     {@code workflow} or {@code record_state}
 * @param oldValue  the value before
 * @param newValue  the value after
 * @param reason    why, in words
 */
public record HistoryEntry(String findingId, Instant at, String actor, String field, String oldValue,
                           String newValue, String reason) {

    /** The actor of automatic changes. */
    public static final String VIGIL = "vigil";

    static final String WORKFLOW = "workflow";
    static final String RECORD_STATE = "record_state";

    public HistoryEntry {
        Objects.requireNonNull(findingId, "findingId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(oldValue, "oldValue");
        Objects.requireNonNull(newValue, "newValue");
        Objects.requireNonNull(reason, "reason");
    }
}
