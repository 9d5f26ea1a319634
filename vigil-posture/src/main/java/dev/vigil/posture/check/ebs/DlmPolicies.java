package dev.vigil.posture.check.ebs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.Exported;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The enabled Data Lifecycle Manager policies that snapshot volumes in one account and region.
 *
 * <p>Decision: {@code dlm get-lifecycle-policies} lists only summaries (no targets), so each enabled policy's
 * {@code dlm get-lifecycle-policy.<PolicyId>} export supplies its {@code PolicyDetails}: {@code ResourceTypes}
 * (VOLUME or INSTANCE) and {@code TargetTags} (a resource with any of them is targeted). A default policy
 * ({@code PolicyLanguage SIMPLIFIED}, no target tags) covers every volume or instance of its type except those
 * with an excluded tag. A policy whose details are missing is a gap, never silently ignored.
 *
 * @param policies the enabled snapshot (or EBS-backed AMI) policies
 * @param gaps     exports needed but missing or denied
 */
record DlmPolicies(List<Policy> policies, List<Exported> gaps) {

    record Policy(String id, Set<String> resourceTypes, Map<String, String> targetTags, boolean everything,
                  Map<String, String> excludeTags) {

        /** True when the policy snapshots a volume with these tags, or an instance it is attached to. */
        boolean covers(Map<String, String> volumeTags, List<Map<String, String>> instanceTags) {
            if (resourceTypes.contains("VOLUME") && targets(volumeTags)) {
                return true;
            }
            return resourceTypes.contains("INSTANCE") && instanceTags.stream().anyMatch(this::targets);
        }

        private boolean targets(Map<String, String> tags) {
            if (excludeTags.entrySet().stream().anyMatch(e -> e.getValue().equals(tags.get(e.getKey())))) {
                return false;
            }
            return everything || targetTags.entrySet().stream().anyMatch(e -> e.getValue().equals(tags.get(e.getKey())));
        }
    }

    static DlmPolicies of(Estate estate, String account, String region) {
        List<Policy> policies = new ArrayList<>();
        List<Exported> gaps = new ArrayList<>();
        Exported list = Exported.lookup(estate, account, region, "dlm", "get-lifecycle-policies");
        if (!(list instanceof Exported.Present present)) {
            gaps.add(list);
            return new DlmPolicies(policies, gaps);
        }
        for (JsonNode summary : present.body().path("Policies")) {
            String id = summary.path("PolicyId").asText("");
            if (id.isBlank() || !summary.path("State").asText("ENABLED").equals("ENABLED")
                    || summary.path("PolicyType").asText("").equals("EVENT_BASED_POLICY")) {
                continue;
            }
            Exported detail = Exported.lookup(estate, account, region, "dlm", "get-lifecycle-policy", id);
            if (detail instanceof Exported.Present p) {
                JsonNode policy = p.body().path("Policy");
                if (policy.path("State").asText("ENABLED").equals("ENABLED")) {
                    policies.add(read(id, policy.path("PolicyDetails")));
                }
            } else {
                gaps.add(detail);
            }
        }
        return new DlmPolicies(policies, gaps);
    }

    private static Policy read(String id, JsonNode details) {
        Set<String> types = new TreeSet<>();
        details.path("ResourceTypes").forEach(t -> types.add(t.asText("")));
        String simplifiedType = details.path("ResourceType").asText("");
        if (!simplifiedType.isBlank()) {
            types.add(simplifiedType);
        }
        Map<String, String> targets = tags(details.path("TargetTags"));
        boolean everything = targets.isEmpty() && details.path("PolicyLanguage").asText("").equals("SIMPLIFIED");
        return new Policy(id, types, targets, everything, tags(details.path("Exclusions").path("ExcludeTags")));
    }

    private static Map<String, String> tags(JsonNode list) {
        Map<String, String> out = new HashMap<>();
        for (JsonNode t : list) {
            String key = t.path("Key").asText("");
            if (!key.isBlank()) {
                out.put(key, t.path("Value").asText(""));
            }
        }
        return out;
    }
}
