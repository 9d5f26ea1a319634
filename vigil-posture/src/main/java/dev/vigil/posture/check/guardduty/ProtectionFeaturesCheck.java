package dev.vigil.posture.check.guardduty;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.Severity;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckMetadata;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.Exported;
import dev.vigil.posture.check.Remediation;
import dev.vigil.posture.check.Verdicts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each detector has the protection plans the policy requires (required-guardduty-features) ENABLED, read from
 * get-detector's {@code Features[]} or, for older exports, the legacy {@code DataSources} object.
 */
final class ProtectionFeaturesCheck implements Check {

    private static final CheckMetadata METADATA = new CheckMetadata(
            "guardduty.protection_features",
            "GuardDuty detectors have the required protection plans enabled",
            "GuardDuty", Severity.MEDIUM, Verdicts.ACCOUNT,
            "A detector's foundational analysis does not look at S3 object access, EKS audit logs, malware on EBS "
                    + "volumes or database logins; those are separate protection plans. Without them, whole classes of "
                    + "attack on data stores and clusters go unseen.",
            new Remediation("Enable the missing features on each detector (or organisation-wide from the delegated "
                    + "administrator).",
                    """
                    aws guardduty update-detector --detector-id <detector-id> --region <region> \\
                        --features Name=S3_DATA_EVENTS,Status=ENABLED Name=EKS_AUDIT_LOGS,Status=ENABLED \\
                                   Name=EBS_MALWARE_PROTECTION,Status=ENABLED Name=RDS_LOGIN_EVENTS,Status=ENABLED""",
                    """
                    Detector:
                      Type: AWS::GuardDuty::Detector
                      Properties:
                        Enable: true
                        Features:
                          - Name: S3_DATA_EVENTS
                            Status: ENABLED
                          - Name: EKS_AUDIT_LOGS
                            Status: ENABLED
                          - Name: EBS_MALWARE_PROTECTION
                            Status: ENABLED
                          - Name: RDS_LOGIN_EVENTS
                            Status: ENABLED""",
                    """
                    resource "aws_guardduty_detector_feature" "s3" {
                      detector_id = aws_guardduty_detector.main.id
                      name        = "S3_DATA_EVENTS"
                      status      = "ENABLED"
                    }"""),
            List.of("guardduty:ListDetectors", "guardduty:GetDetector"));

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<CheckResult> evaluate(Estate estate) {
        Verdicts v = new Verdicts(METADATA);
        List<String> required = estate.policy().requiredGuardDutyFeatures();
        List<CheckResult> out = new ArrayList<>();
        for (String account : estate.accounts()) {
            if (estate.enabledRegions(account).isEmpty()) {
                // Known only from Organizations: no data names a region, so say what to export rather than go quiet.
                out.add(v.unavailable(account, "", new Exported.Missing(account, "<region>", "guardduty", "list-detectors", "")));
                continue;
            }
            for (String region : estate.enabledRegions(account)) {
                out.add(switch (Detectors.lookup(estate, account, region)) {
                    case Detectors.Lookup.Unavailable u -> v.unavailable(account, region, u.exported());
                    case Detectors.Lookup.None n -> v.scope(CheckStatus.NOT_APPLICABLE, account, region,
                            "No detector in this region; guardduty.enabled_all_regions reports that.");
                    case Detectors.Lookup.Found f -> f.detail() instanceof Exported.Present p
                            ? judge(v, account, region, Verdicts.clip(f.id()), features(p.body()), required)
                            : v.unavailable(account, region, f.detail());
                });
            }
        }
        return out;
    }

    private static CheckResult judge(Verdicts v, String account, String region, String id,
                                     Map<String, String> features, List<String> required) {
        if (required.isEmpty()) {
            return v.scope(CheckStatus.NOT_APPLICABLE, account, region,
                    "The policy requires no GuardDuty features (required-guardduty-features is empty).");
        }
        List<String> missing = new ArrayList<>();
        for (String name : required) {
            if (!features.getOrDefault(name, "").equalsIgnoreCase("ENABLED")) {
                missing.add(name + " (" + features.getOrDefault(name, "not reported").toLowerCase() + ")");
            }
        }
        return missing.isEmpty()
                ? v.scope(CheckStatus.PASS, account, region, "Detector " + id + " has all required features enabled: "
                + String.join(", ", required) + ".")
                : v.scope(CheckStatus.FAIL, account, region, "Detector " + id + " lacks required features: "
                + Verdicts.clip(String.join(", ", missing)) + ".");
    }

    /** Feature name → status, from Features[] first, then the legacy DataSources names. */
    static Map<String, String> features(JsonNode detector) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode f : detector.path("Features")) {
            String name = Detectors.text(f.path("Name"));
            if (!name.isEmpty()) {
                out.put(name, Detectors.text(f.path("Status")));
            }
        }
        JsonNode ds = detector.path("DataSources");
        legacy(out, "CLOUD_TRAIL", ds.path("CloudTrail").path("Status"));
        legacy(out, "DNS_LOGS", ds.path("DNSLogs").path("Status"));
        legacy(out, "FLOW_LOGS", ds.path("FlowLogs").path("Status"));
        legacy(out, "S3_DATA_EVENTS", ds.path("S3Logs").path("Status"));
        legacy(out, "EKS_AUDIT_LOGS", ds.path("Kubernetes").path("AuditLogs").path("Status"));
        legacy(out, "EBS_MALWARE_PROTECTION",
                ds.path("MalwareProtection").path("ScanEc2InstanceWithFindings").path("EbsVolumes").path("Status"));
        return out;
    }

    private static void legacy(Map<String, String> out, String name, JsonNode status) {
        String s = Detectors.text(status);
        if (!s.isEmpty()) {
            out.putIfAbsent(name, s);
        }
    }
}
