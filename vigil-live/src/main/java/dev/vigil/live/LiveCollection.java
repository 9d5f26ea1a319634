package dev.vigil.live;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.PosturePolicy;
import dev.vigil.posture.check.RootUse;
import dev.vigil.posture.inventory.Inventory;
import dev.vigil.posture.supplement.SupplementDoc;
import dev.vigil.posture.supplement.Supplements;

import java.time.Instant;
import java.util.List;

/**
 * What one live run collected: the same {@link Inventory} and {@link Supplements} the offline readers build, plus
 * the raw material {@link SnapshotWriter} saves as offline files.
 *
 * @param inventory   the resources AWS Config recorded, latest capture per resource
 * @param supplements one document per call, in the CLI's shape, or an Error document for a failed call
 * @param configItems the configuration items (and root-user CloudTrail records) per account and region
 * @param rootActivity uses of root users found in CloudTrail's event history, oldest first per account/region
 * @param documents   the supplement documents in file order (what {@code supplements} holds)
 * @param calls       API calls made (retries not counted)
 * @param throttles   throttling responses the retry strategy absorbed
 */
public record LiveCollection(Inventory inventory, Supplements supplements, List<RegionItems> configItems,
                             List<RootUse> rootActivity, List<SupplementDoc> documents, int calls,
                             int throttles) {

    public LiveCollection {
        configItems = List.copyOf(configItems);
        rootActivity = List.copyOf(rootActivity);
        documents = List.copyOf(documents);
    }

    /** What the checks judge: this collection under {@code policy}, as of {@code now}. */
    public Estate estate(PosturePolicy policy, Instant now) {
        return new Estate(inventory, supplements, policy, now, rootActivity);
    }

    /**
     * What one account and region gave that is saved as files rather than supplement documents.
     *
     * @param items      Config items in snapshot-file shape
     * @param rootEvents CloudTrail records of the root user's events, oldest first
     */
    public record RegionItems(String account, String region, List<ObjectNode> items, List<ObjectNode> rootEvents) {
        public RegionItems {
            items = List.copyOf(items);
            rootEvents = List.copyOf(rootEvents);
        }
    }
}
