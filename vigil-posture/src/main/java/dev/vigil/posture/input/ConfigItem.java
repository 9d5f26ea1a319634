package dev.vigil.posture.input;

import dev.vigil.posture.inventory.Resource;

/**
 * A decoded configuration item: the resource plus Config's state id, which tells two captures of the same state
 * apart from a change (the history keeps each state once).
 */
record ConfigItem(Resource resource, String stateId) {
}
