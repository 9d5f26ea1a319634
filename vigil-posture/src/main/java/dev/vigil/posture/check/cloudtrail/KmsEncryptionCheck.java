package dev.vigil.posture.check.cloudtrail;

import dev.vigil.model.Severity;
import dev.vigil.posture.check.CheckMetadata;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.Remediation;
import dev.vigil.posture.check.Verdicts;

import java.util.List;

/** Every trail encrypts its log files with a customer-managed KMS key (SSE-KMS) rather than S3-managed keys. */
final class KmsEncryptionCheck extends TrailCheck {

    private static final CheckMetadata METADATA = new CheckMetadata(
            "cloudtrail.kms_encryption",
            "CloudTrail logs are encrypted with a KMS key",
            "CloudTrail", Severity.MEDIUM, TRAIL,
            "Log files describe the whole estate. Encrypting them with a KMS key adds a second permission (kms:Decrypt) "
                    + "to read them and records every decryption in CloudTrail, so read access to the bucket alone "
                    + "does not expose the logs.",
            new Remediation("Create a KMS key whose policy lets CloudTrail encrypt, then set it on the trail.",
                    "aws cloudtrail update-trail --name <trail-name> --kms-key-id <key-arn>",
                    """
                    Trail:
                      Type: AWS::CloudTrail::Trail
                      Properties:
                        KMSKeyId: <key-arn>""",
                    """
                    resource "aws_cloudtrail" "main" {
                      kms_key_id = aws_kms_key.cloudtrail.arn
                    }"""),
            List.of("cloudtrail:DescribeTrails", "config:BatchGetResourceConfig"));

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    CheckResult judge(Trail trail, Estate estate, Trails trails) {
        return trail.kmsKeyId().isEmpty()
                ? result(CheckStatus.FAIL, trail, "The " + trail.label()
                + " has no KmsKeyId, so its log files are only encrypted with S3-managed keys.")
                : result(CheckStatus.PASS, trail, "The " + trail.label() + " encrypts log files with KMS key "
                + Verdicts.clip(trail.kmsKeyId()) + ".");
    }
}
