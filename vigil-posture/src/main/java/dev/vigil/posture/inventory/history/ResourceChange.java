package dev.vigil.posture.inventory.history;

import dev.vigil.posture.inventory.Resource;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A resource's change between two captures.
 *
 * @param key         the resource
 * @param type        created, updated or deleted
 * @param time        capture time of the state after the change (for a deletion, when Config recorded it)
 * @param before      the state before; empty for {@link ChangeType#CREATED}
 * @param after       the state after; for {@link ChangeType#DELETED} the deletion item (its configuration is missing)
 * @param changes     changed values; empty for creations and deletions, capped for large rewrites
 * @param attribution the API call that most likely made the change, when CloudTrail for the period was given
 */
public record ResourceChange(ResourceKey key, ChangeType type, Instant time, Optional<Resource> before,
                             Resource after, List<PathChange> changes, Optional<Attribution> attribution) {
    public ResourceChange {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        changes = List.copyOf(changes);
        Objects.requireNonNull(attribution, "attribution");
    }

    /** The same change with an attribution. */
    ResourceChange attributed(Optional<Attribution> found) {
        return new ResourceChange(key, type, time, before, after, changes, found);
    }
}
