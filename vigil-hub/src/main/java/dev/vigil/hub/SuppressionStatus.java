package dev.vigil.hub;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of the suppression report: a rule and what it is doing.
 *
 * @param rule        the rule
 * @param state       ACTIVE, EXPIRED (its expiry has passed) or REMOVED
 * @param suppressing how many findings it holds SUPPRESSED now
 * @param lastApplied when it last suppressed a finding, or empty when it never has
 * @param removedAt   when it was removed, or empty
 * @param removedBy   who removed it, or empty
 */
public record SuppressionStatus(SuppressionRule rule, State state, long suppressing, Optional<Instant> lastApplied,
                                Optional<Instant> removedAt, String removedBy) {

    public enum State { ACTIVE, EXPIRED, REMOVED }

    public SuppressionStatus {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastApplied, "lastApplied");
        Objects.requireNonNull(removedAt, "removedAt");
        Objects.requireNonNull(removedBy, "removedBy");
    }
}
