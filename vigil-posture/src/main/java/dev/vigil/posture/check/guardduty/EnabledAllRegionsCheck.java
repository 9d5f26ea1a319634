package dev.vigil.posture.check.guardduty;

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

/** GuardDuty has an enabled (not suspended) detector in every enabled region of every account. */
final class EnabledAllRegionsCheck implements Check {

    private static final CheckMetadata METADATA = new CheckMetadata(
            "guardduty.enabled_all_regions",
            "GuardDuty is enabled in every enabled region of every account",
            "GuardDuty", Severity.HIGH, Verdicts.ACCOUNT,
            "GuardDuty reads CloudTrail, VPC flow and DNS logs for signs of compromise: leaked credentials in use, "
                    + "crypto-mining, calls to known bad hosts. It only watches the regions where a detector runs, and "
                    + "a suspended detector watches nothing, so every region that can run workloads needs one.",
            new Remediation("Create (or un-suspend) the detector in each region; better, let the delegated "
                    + "administrator auto-enable GuardDuty for the organisation.",
                    """
                    aws guardduty create-detector --enable --region <region>
                    aws guardduty update-detector --detector-id <detector-id> --enable --region <region>""",
                    """
                    Detector:
                      Type: AWS::GuardDuty::Detector
                      Properties:
                        Enable: true""",
                    """
                    resource "aws_guardduty_detector" "main" {
                      enable = true
                    }"""),
            List.of("guardduty:ListDetectors", "guardduty:GetDetector", "config:BatchGetResourceConfig"));

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
                out.add(v.unavailable(account, "", new Exported.Missing(account, "<region>", "guardduty", "list-detectors", "")));
                continue;
            }
            for (String region : estate.enabledRegions(account)) {
                out.add(switch (Detectors.lookup(estate, account, region)) {
                    case Detectors.Lookup.Unavailable u -> v.unavailable(account, region, u.exported());
                    case Detectors.Lookup.None n -> v.scope(CheckStatus.FAIL, account, region,
                            "No GuardDuty detector exists in this region.");
                    case Detectors.Lookup.Found f -> judge(v, account, region, f);
                });
            }
        }
        return out;
    }

    private static CheckResult judge(Verdicts v, String account, String region, Detectors.Lookup.Found found) {
        String id = Verdicts.clip(found.id());
        if (!(found.detail() instanceof Exported.Present p)) {
            return v.unavailable(account, region, found.detail());
        }
        String status = Detectors.text(p.body().path("Status"));
        return status.equalsIgnoreCase("ENABLED")
                ? v.scope(CheckStatus.PASS, account, region, "Detector " + id + " is ENABLED.")
                : v.scope(CheckStatus.FAIL, account, region, "Detector " + id + " is "
                + (status.isEmpty() ? "in an unknown state" : Verdicts.clip(status))
                + ", so GuardDuty is not analysing this region; enable it.");
    }
}
