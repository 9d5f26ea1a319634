package dev.vigil.posture.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.posture.inventory.Inventory;
import dev.vigil.posture.supplement.SupplementDoc;
import dev.vigil.posture.supplement.Supplements;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything checks judge: the inventory, the supplementary exports, the organisation's policy, root uses from
 * CloudTrail (when logs were given), and the evaluation time (injected; never read from the wall clock in a check).
 */
public record Estate(Inventory inventory, Supplements supplements, PosturePolicy policy, Instant now,
                     List<RootUse> rootActivity) {

    public Estate {
        Objects.requireNonNull(inventory, "inventory");
        Objects.requireNonNull(supplements, "supplements");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(now, "now");
        rootActivity = List.copyOf(rootActivity);
    }

    /**
     * Accounts in scope: every account with inventory or exports, plus every ACTIVE account that an exported
     * {@code organizations list-accounts} names (an account with no data at all is still in scope, so its
     * checks report ERROR "no data" rather than silently vanishing).
     */
    public Set<String> accounts() {
        Set<String> out = new TreeSet<>(inventory.accounts());
        out.addAll(supplements.accounts());
        for (SupplementDoc doc : supplements.all("organizations", "list-accounts")) {
            for (JsonNode account : doc.body().path("Accounts")) {
                String status = account.path("Status").asText("ACTIVE");
                String id = account.path("Id").asText("");
                if (id.matches("\\d{12}") && status.equals("ACTIVE")) {
                    out.add(id);
                }
            }
        }
        return out;
    }

    /**
     * Regions to require services in for an account: the policy's list when given; else the regions an exported
     * {@code ec2 describe-regions} marks enabled (opt-in-not-required or opted-in) plus every region where Config
     * recorded resources of the account; else every region the data mentions for the account.
     */
    public Set<String> enabledRegions(String account) {
        if (!policy.enabledRegions().isEmpty()) {
            return new TreeSet<>(policy.enabledRegions());
        }
        Set<String> fromApi = new TreeSet<>();
        for (SupplementDoc doc : supplements.all("ec2", "describe-regions")) {
            if (!doc.account().equals(account)) {
                continue;
            }
            for (JsonNode region : doc.body().path("Regions")) {
                String optIn = region.path("OptInStatus").asText("opt-in-not-required");
                String name = region.path("RegionName").asText("");
                if (!name.isEmpty() && !optIn.equals("not-opted-in")) {
                    fromApi.add(name);
                }
            }
        }
        if (!fromApi.isEmpty()) {
            // A region where AWS Config recorded resources is in use, whatever the export says (an export made
            // from another partition's view, or trimmed by hand, must not hide it from the region-wide checks).
            fromApi.addAll(inventory.regions(account));
            return fromApi;
        }
        Set<String> seen = new TreeSet<>(inventory.regions(account));
        seen.addAll(supplements.regions(account));
        return seen;
    }
}
