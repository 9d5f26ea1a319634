package dev.vigil.posture.custom;

import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.PosturePolicy;
import dev.vigil.posture.inventory.Relationship;
import dev.vigil.posture.inventory.Resource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The values custom check expressions see, built from Vigil's model. Keys are snake_case so that expressions can use
 * field selection ({@code policy.allowed_regions}) rather than {@code policy["allowed-regions"]}; docs/posture-custom-checks.md
 * lists them and must change with this class.
 */
final class CelVariables {

    private CelVariables() {
    }

    /**
     * {@code resource}: type, id, name, arn, account, region, status, capture_time, tags, configuration,
     * supplementary, relationships.
     *
     * @throws CelValues.TooLargeException when the resource's JSON is over the conversion bounds
     */
    static Map<String, Object> resource(Resource resource) {
        CelValues.Budget budget = new CelValues.Budget();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", resource.type());
        out.put("id", budget.text(resource.id()));
        out.put("name", budget.text(resource.name()));
        out.put("arn", budget.text(resource.arn()));
        out.put("account", resource.account());
        out.put("region", resource.region());
        out.put("status", resource.status());
        out.put("capture_time", resource.captureTime());
        Map<String, Object> tags = new LinkedHashMap<>();
        resource.tags().forEach((k, v) -> {
            budget.node();
            tags.put(budget.text(k), budget.text(v == null ? "" : v));
        });
        out.put("tags", Collections.unmodifiableMap(tags));
        out.put("configuration", CelValues.fromJson(resource.configuration(), budget));
        out.put("supplementary", CelValues.fromJson(resource.supplementaryConfiguration(), budget));
        List<Object> relationships = new ArrayList<>();
        for (Relationship r : resource.relationships()) {
            budget.node();
            relationships.add(Map.of(
                    "resource_type", budget.text(nullToEmpty(r.resourceType())),
                    "resource_id", budget.text(nullToEmpty(r.resourceId())),
                    "resource_name", budget.text(nullToEmpty(r.resourceName())),
                    "name", budget.text(nullToEmpty(r.name()))));
        }
        out.put("relationships", Collections.unmodifiableList(relationships));
        return Collections.unmodifiableMap(out);
    }

    /** {@code policy}: the posture policy, keys as in posture-policy.yaml with '-' written '_'. */
    static Map<String, Object> policy(PosturePolicy policy) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("log_archive_account", policy.logArchiveAccount());
        out.put("security_account", policy.securityAccount());
        out.put("enabled_regions", policy.enabledRegions());
        out.put("allowed_regions", policy.allowedRegions());
        out.put("critical_buckets", sorted(policy.criticalBuckets()));
        out.put("critical_tag", policy.criticalTag());
        out.put("data_event_buckets", sorted(policy.dataEventBuckets()));
        Map<String, Object> scps = new TreeMap<>();
        policy.expectedScps().forEach((target, names) -> scps.put(target, List.copyOf(names)));
        out.put("expected_scps", Collections.unmodifiableMap(scps));
        out.put("trail_delivery_max_age", policy.trailDeliveryMaxAge());
        out.put("root_use_window", policy.rootUseWindow());
        out.put("min_backup_retention_days", (long) policy.minBackupRetentionDays());
        out.put("required_guardduty_features", policy.requiredGuardDutyFeatures());
        return Collections.unmodifiableMap(out);
    }

    /**
     * {@code account}: id, regions (the regions services are required in, {@link Estate#enabledRegions}) and
     * resource_counts (live inventory resources by Config type; a type with none is absent, so use
     * {@code account.resource_counts[t]} only after {@code t in account.resource_counts}).
     */
    static Map<String, Object> account(String account, Estate estate, Map<String, Long> resourceCounts) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", account);
        out.put("regions", List.copyOf(estate.enabledRegions(account)));
        out.put("resource_counts", Collections.unmodifiableMap(resourceCounts));
        return Collections.unmodifiableMap(out);
    }

    /** Live resources by account, then by type: counted once per evaluation, not once per account. */
    static Map<String, Map<String, Long>> resourceCounts(Estate estate) {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        for (Resource r : estate.inventory().live()) {
            out.computeIfAbsent(r.account(), a -> new TreeMap<>()).merge(r.type(), 1L, Long::sum);
        }
        return out;
    }

    private static List<String> sorted(java.util.Set<String> values) {
        return values.stream().sorted().toList();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
