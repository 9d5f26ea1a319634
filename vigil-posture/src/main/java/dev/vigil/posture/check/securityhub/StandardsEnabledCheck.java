package dev.vigil.posture.check.securityhub;

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
import java.util.List;

/**
 * Where Security Hub is on, at least one standard (AWS Foundational Security Best Practices, CIS…) is subscribed
 * and READY, from {@code securityhub get-enabled-standards}; the reason names the standards.
 */
final class StandardsEnabledCheck implements Check {

    private static final CheckMetadata METADATA = new CheckMetadata(
            "securityhub.standards_enabled",
            "Security Hub runs at least one security standard (e.g. AWS FSBP or CIS)",
            "Security Hub", Severity.MEDIUM, Verdicts.ACCOUNT,
            "Security Hub's own checks come from the standards it is subscribed to. With none enabled it only "
                    + "forwards other services' findings and never evaluates the configuration of the region.",
            new Remediation("Subscribe to AWS Foundational Security Best Practices (and CIS if you report against it).",
                    """
                    aws securityhub batch-enable-standards --region <region> --standards-subscription-requests \\
                        StandardsArn=arn:aws:securityhub:<region>::standards/aws-foundational-security-best-practices/v/1.0.0""",
                    """
                    Fsbp:
                      Type: AWS::SecurityHub::Standard
                      Properties:
                        StandardsArn: !Sub arn:${AWS::Partition}:securityhub:${AWS::Region}::standards/aws-foundational-security-best-practices/v/1.0.0""",
                    """
                    resource "aws_securityhub_standards_subscription" "fsbp" {
                      standards_arn = "arn:aws:securityhub:<region>::standards/aws-foundational-security-best-practices/v/1.0.0"
                    }"""),
            List.of("securityhub:DescribeHub", "securityhub:GetEnabledStandards"));

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<CheckResult> evaluate(Estate estate) {
        Verdicts v = new Verdicts(METADATA);
        List<CheckResult> out = new ArrayList<>();
        for (String account : estate.accounts()) {
            if (estate.enabledRegions(account).isEmpty()) {
                // Known only from Organizations: no data names a region, so say what to export rather than go quiet.
                out.add(v.unavailable(account, "", new Exported.Missing(account, "<region>", "securityhub", "get-enabled-standards", "")));
                continue;
            }
            for (String region : estate.enabledRegions(account)) {
                if (Hub.state(Hub.describe(estate, account, region)) == Hub.State.OFF) {
                    out.add(v.scope(CheckStatus.NOT_APPLICABLE, account, region,
                            "Security Hub is not enabled here; securityhub.enabled_all_regions reports that."));
                    continue;
                }
                Exported standards = Exported.lookup(estate, account, region, "securityhub", "get-enabled-standards");
                out.add(standards instanceof Exported.Present p
                        ? judge(v, account, region, p.body())
                        : standards instanceof Exported.Failed f && f.code().equals(Hub.NOT_SUBSCRIBED)
                        ? v.scope(CheckStatus.NOT_APPLICABLE, account, region,
                        "Security Hub is not enabled here; securityhub.enabled_all_regions reports that.")
                        : v.unavailable(account, region, standards));
            }
        }
        return out;
    }

    private static CheckResult judge(Verdicts v, String account, String region, JsonNode body) {
        List<String> ready = new ArrayList<>();
        List<String> notReady = new ArrayList<>();
        for (JsonNode s : body.path("StandardsSubscriptions")) {
            String name = name(Hub.text(s.path("StandardsArn")));
            String status = Hub.text(s.path("StandardsStatus"));
            if (status.equals("READY")) {
                ready.add(name);
            } else {
                notReady.add(name + " " + (status.isEmpty() ? "in unknown state" : Verdicts.clip(status)));
            }
        }
        if (!ready.isEmpty()) {
            return v.scope(CheckStatus.PASS, account, region, "Standards READY: " + Verdicts.clip(String.join(", ", ready)) + ".");
        }
        return v.scope(CheckStatus.FAIL, account, region, notReady.isEmpty()
                ? "No Security Hub standard is enabled; subscribe to AWS FSBP or CIS."
                : "No standard is READY: " + Verdicts.clip(String.join(", ", notReady)) + ".");
    }

    /** A readable name from a standards ARN ({@code …/standards/<name>/v/<version>} or {@code …:ruleset/<name>/v/<version>}). */
    static String name(String arn) {
        String version = arn.contains("/v/") ? " v" + arn.substring(arn.lastIndexOf("/v/") + 3) : "";
        if (arn.contains("aws-foundational-security-best-practices")) {
            return "AWS FSBP" + version;
        }
        if (arn.contains("cis-aws-foundations-benchmark")) {
            return "CIS AWS Foundations" + version;
        }
        if (arn.contains("pci-dss")) {
            return "PCI DSS" + version;
        }
        if (arn.contains("nist-800-53")) {
            return "NIST SP 800-53" + version;
        }
        int slash = arn.indexOf("standards/") >= 0 ? arn.indexOf("standards/") + 10
                : arn.indexOf("ruleset/") >= 0 ? arn.indexOf("ruleset/") + 8 : 0;
        String rest = arn.substring(slash);
        return rest.contains("/v/") ? rest.substring(0, rest.indexOf("/v/")) + version : rest;
    }
}
