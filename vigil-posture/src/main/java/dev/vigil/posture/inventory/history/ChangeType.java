package dev.vigil.posture.inventory.history;

/**
 * What happened to a resource between two captures.
 *
 * <p>{@link #CREATED} means "first recorded": Config also reports a resource as new when the recorder starts or a
 * resource type starts being recorded, so it is not proof the resource was made at that time.
 */
public enum ChangeType {
    CREATED, UPDATED, DELETED
}
