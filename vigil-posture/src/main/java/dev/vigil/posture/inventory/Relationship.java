package dev.vigil.posture.inventory;

import java.util.Objects;

/**
 * One edge of an AWS Config relationship list, e.g. a volume "Is attached to Instance" i-0abc.
 *
 * @param name         Config's free-text relationship name ({@code name} or {@code relationshipName} in the item)
 * @param resourceType the related resource's type, e.g. {@code AWS::EC2::Instance}
 * @param resourceId   the related resource's id, or empty
 * @param resourceName the related resource's name, or empty
 */
public record Relationship(String name, String resourceType, String resourceId, String resourceName) {
    public Relationship {
        name = Objects.requireNonNullElse(name, "");
        resourceType = Objects.requireNonNullElse(resourceType, "");
        resourceId = Objects.requireNonNullElse(resourceId, "");
        resourceName = Objects.requireNonNullElse(resourceName, "");
    }
}
