package dev.vigil.posture.check.cloudtrail;

import dev.vigil.model.Severity;
import dev.vigil.posture.check.CheckMetadata;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.Remediation;

import java.util.List;

/** Every trail writes digest files so tampering with delivered log files can be detected. */
final class LogFileValidationCheck extends TrailCheck {

    private static final CheckMetadata METADATA = new CheckMetadata(
            "cloudtrail.log_file_validation",
            "CloudTrail log file validation is enabled",
            "CloudTrail", Severity.MEDIUM, TRAIL,
            "With validation on, CloudTrail writes signed hourly digest files, so an investigator can prove that no "
                    + "log file was changed or deleted after delivery. Without it, an intruder who reaches the bucket "
                    + "can quietly edit the evidence.",
            new Remediation("Turn on log file validation for the trail.",
                    "aws cloudtrail update-trail --name <trail-name> --enable-log-file-validation",
                    """
                    Trail:
                      Type: AWS::CloudTrail::Trail
                      Properties:
                        EnableLogFileValidation: true""",
                    """
                    resource "aws_cloudtrail" "main" {
                      enable_log_file_validation = true
                    }"""),
            List.of("cloudtrail:DescribeTrails", "config:BatchGetResourceConfig"));

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    CheckResult judge(Trail trail, Estate estate, Trails trails) {
        return trail.logFileValidation()
                ? result(CheckStatus.PASS, trail, "The " + trail.label() + " writes validation digest files.")
                : result(CheckStatus.FAIL, trail, "The " + trail.label()
                + " has log file validation off, so altered or deleted log files cannot be detected.");
    }
}
