package dev.vigil.sim;

import java.util.List;
import java.util.Map;

/**
 * Renders the simulated organisation's {@code posture-policy.yaml}: the answers the checks need and AWS cannot give
 * (which account archives logs, which regions are allowed, which buckets are critical, which SCPs must be attached).
 * Every value is quoted, so account ids stay strings.
 */
final class PosturePolicyYaml {

    private PosturePolicyYaml() {
    }

    static String render(PostureOrg org) {
        PostureOrg.Policy p = org.policy();
        StringBuilder y = new StringBuilder();
        y.append("# Posture policy of the simulated organisation ").append(org.estate().name())
                .append(" (written by vigil simulate)\n");
        y.append("log-archive-account: ").append(q(p.logArchiveAccount())).append('\n');
        y.append("security-account: ").append(q(p.securityAccount())).append('\n');
        list(y, "enabled-regions", p.enabledRegions());
        list(y, "allowed-regions", p.allowedRegions());
        list(y, "critical-buckets", p.criticalBuckets());
        y.append("critical-tag: ").append(q(p.criticalTag())).append('\n');
        list(y, "data-event-buckets", p.dataEventBuckets());
        y.append("expected-scps:\n");
        for (Map.Entry<String, List<String>> e : p.expectedScps().entrySet()) {
            y.append("  ").append(q(e.getKey())).append(":\n");
            for (String scp : e.getValue()) {
                y.append("    - ").append(q(scp)).append('\n');
            }
        }
        y.append("trail-delivery-max-age: ").append(q("24h")).append('\n');
        y.append("root-use-window: ").append(q("90d")).append('\n');
        y.append("min-backup-retention-days: 7\n");
        list(y, "required-guardduty-features", List.of("S3_DATA_EVENTS", "EKS_AUDIT_LOGS", "EBS_MALWARE_PROTECTION",
                "RDS_LOGIN_EVENTS"));
        return y.toString();
    }

    private static void list(StringBuilder y, String key, List<String> values) {
        y.append(key).append(':');
        if (values.isEmpty()) {
            y.append(" []\n");
            return;
        }
        y.append('\n');
        for (String v : values) {
            y.append("  - ").append(q(v)).append('\n');
        }
    }

    /** Double-quoted YAML scalar; the values are ids and names without quotes or backslashes. */
    private static String q(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
