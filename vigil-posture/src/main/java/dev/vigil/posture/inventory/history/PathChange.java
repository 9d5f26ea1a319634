package dev.vigil.posture.inventory.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.Objects;

/**
 * One changed value between two captures of a resource.
 *
 * @param path   where, e.g. {@code configuration.ipPermissions[0].toPort},
 *               {@code supplementaryConfiguration.BucketVersioningConfiguration.status},
 *               {@code tags.env}, {@code relationships} or {@code status}
 * @param before the old value, a missing node when the value was added
 * @param after  the new value, a missing node when the value was removed
 */
public record PathChange(String path, JsonNode before, JsonNode after) {
    public PathChange {
        Objects.requireNonNull(path, "path");
        before = before == null ? MissingNode.getInstance() : before;
        after = after == null ? MissingNode.getInstance() : after;
    }
}
