package dev.vigil.hub.analysis;

import java.util.Objects;

/**
 * An entity that was not used for linking because too many findings carry it within one window: a shared CI
 * role, an organisation's log bucket. Linking through it would glue unrelated activity into one huge candidate.
 *
 * @param entity        the entity
 * @param findings      how many findings carry it
 * @param busiestWindow the most of them that started within one correlation window
 */
public record NoisyEntity(LinkingEntity entity, int findings, int busiestWindow) {
    public NoisyEntity {
        Objects.requireNonNull(entity, "entity");
    }
}
