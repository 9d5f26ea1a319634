package dev.vigil.hub;

/**
 * What an upsert did to one finding. When several apply, the first in this order is reported: a finding that
 * reopens with a higher severity is {@link #REOPENED} (its {@link FindingChange#severityRose()} says the rest).
 */
public enum ChangeKind {
    /** The store did not hold it. */
    CREATED,
    /** It was RESOLVED and new activity (a later {@code lastSeen}) reopened it to NEW. */
    REOPENED,
    /** Its severity rose. */
    ESCALATED,
    /** Something else about it changed: activity window, count, description, origin, record state… */
    UPDATED,
    /** Seen again with nothing new; only the observation bookkeeping moved. */
    UNCHANGED
}
