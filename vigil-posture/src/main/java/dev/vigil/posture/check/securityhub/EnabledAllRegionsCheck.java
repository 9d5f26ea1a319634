package dev.vigil.posture.check.securityhub;

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

/** Security Hub is subscribed in every enabled region of every account. */
final class EnabledAllRegionsCheck implements Check {

    private static final CheckMetadata METADATA = new CheckMetadata(
            "securityhub.enabled_all_regions",
            "Security Hub is enabled in every enabled region of every account",
            "Security Hub", Severity.MEDIUM, Verdicts.ACCOUNT,
            "Security Hub gathers findings from GuardDuty, Inspector, Macie and others and runs the standards' "
                    + "controls. It is regional: a region without it has no control results and sends no findings to "
                    + "the central view.",
            new Remediation("Enable Security Hub in each region, or let the delegated administrator auto-enable it "
                    + "for the organisation.",
                    "aws securityhub enable-security-hub --enable-default-standards --region <region>",
                    """
                    Hub:
                      Type: AWS::SecurityHub::Hub
                      Properties:
                        EnableDefaultStandards: true""",
                    """
                    resource "aws_securityhub_account" "main" {
                      enable_default_standards = true
                    }"""),
            List.of("securityhub:DescribeHub"));

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
                out.add(v.unavailable(account, "", new Exported.Missing(account, "<region>", "securityhub", "describe-hub", "")));
                continue;
            }
            for (String region : estate.enabledRegions(account)) {
                Exported hub = Hub.describe(estate, account, region);
                out.add(switch (Hub.state(hub)) {
                    case ON -> v.scope(CheckStatus.PASS, account, region, "Security Hub is enabled"
                            + subscribedAt(hub) + ".");
                    case OFF -> v.scope(CheckStatus.FAIL, account, region,
                            "Security Hub is not enabled in this region (describe-hub: not subscribed).");
                    case UNKNOWN -> hub instanceof Exported.Present
                            ? v.scope(CheckStatus.ERROR, account, region, "Not judged: the describe-hub export holds "
                            + "no HubArn; export `aws securityhub describe-hub --region " + region + "` again.")
                            : v.unavailable(account, region, hub);
                });
            }
        }
        return out;
    }

    private static String subscribedAt(Exported hub) {
        String at = hub instanceof Exported.Present p ? Hub.text(p.body().path("SubscribedAt")) : "";
        return at.isEmpty() ? "" : " (subscribed " + Verdicts.clip(at) + ")";
    }
}
