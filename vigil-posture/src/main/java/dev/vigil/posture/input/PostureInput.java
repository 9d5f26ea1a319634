package dev.vigil.posture.input;

import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.PosturePolicy;
import dev.vigil.posture.check.RootUse;
import dev.vigil.posture.inventory.Inventory;
import dev.vigil.posture.inventory.history.ConfigHistory;
import dev.vigil.posture.supplement.Supplements;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything read from the offline posture inputs.
 *
 * @param inventory   the latest capture of each resource
 * @param supplements the supplementary AWS CLI exports
 * @param policy      the posture policy (defaults when no policy file was given or found)
 * @param rootUses    uses of root users found in CloudTrail, in reading order
 * @param history     every distinct capture of every resource, with CloudTrail calls for attribution
 * @param summary     counts and problems
 */
public record PostureInput(Inventory inventory, Supplements supplements, PosturePolicy policy, List<RootUse> rootUses,
                           ConfigHistory history, ReadSummary summary) {
    public PostureInput {
        Objects.requireNonNull(inventory, "inventory");
        Objects.requireNonNull(supplements, "supplements");
        Objects.requireNonNull(policy, "policy");
        rootUses = List.copyOf(rootUses);
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(summary, "summary");
    }

    /** What the checks judge, as of {@code now} (injected: checks never read the wall clock). */
    public Estate estate(Instant now) {
        return new Estate(inventory, supplements, policy, now, rootUses);
    }
}
