package dev.vigil.posture.check.s3;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.Severity;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckMetadata;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.Remediation;
import dev.vigil.posture.check.Verdicts;
import dev.vigil.posture.inventory.Resource;

import java.util.List;

/**
 * s3.default_encryption: the bucket has a default server-side encryption rule.
 *
 * <p>Decision: since 5 January 2023 S3 applies SSE-S3 to every bucket, and a current Config item shows that as an
 * {@code AES256} rule — which passes ("SSE-S3, S3's default"). A bucket whose item records no rule at all is a FAIL:
 * the capture predates the change or the rule was removed from the record, and objects written then may be
 * unencrypted; setting an explicit rule makes the state visible and is how to choose SSE-KMS for key control.
 */
final class DefaultEncryptionCheck implements Check {

    static final CheckMetadata METADATA = new CheckMetadata(
            "s3.default_encryption",
            "S3 buckets have default server-side encryption",
            "Encryption", Severity.MEDIUM, S3Checks.BUCKET,
            "Default encryption makes every new object encrypted at rest without relying on each writer to ask "
                    + "for it. SSE-KMS additionally puts decryption behind a key policy and logs each use in CloudTrail. "
                    + "Since January 2023 S3 applies SSE-S3 to every bucket, which passes; a bucket whose recorded "
                    + "configuration shows no rule at all fails, because objects written then may be unencrypted.",
            new Remediation("Set a default encryption rule on the bucket; prefer SSE-KMS with a customer-managed key "
                    + "and S3 Bucket Keys for data that needs key-level access control.",
                    "aws s3api put-bucket-encryption --bucket <bucket> --server-side-encryption-configuration "
                            + "'{\"Rules\":[{\"ApplyServerSideEncryptionByDefault\":{\"SSEAlgorithm\":\"aws:kms\",\"KMSMasterKeyID\":\"<key-arn>\"},\"BucketKeyEnabled\":true}]}'",
                    """
                    Bucket:
                      Type: AWS::S3::Bucket
                      Properties:
                        BucketEncryption:
                          ServerSideEncryptionConfiguration:
                            - ServerSideEncryptionByDefault:
                                SSEAlgorithm: aws:kms
                                KMSMasterKeyID: <key-arn>
                              BucketKeyEnabled: true
                    """,
                    """
                    resource "aws_s3_bucket_server_side_encryption_configuration" "example" {
                      bucket = aws_s3_bucket.example.id
                      rule {
                        apply_server_side_encryption_by_default {
                          sse_algorithm     = "aws:kms"
                          kms_master_key_id = aws_kms_key.example.arn
                        }
                        bucket_key_enabled = true
                      }
                    }
                    """),
            List.of("config:BatchGetResourceConfig", "s3:GetEncryptionConfiguration"));

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<CheckResult> evaluate(Estate estate) {
        Verdicts v = new Verdicts(METADATA);
        return S3Checks.eachBucket(estate, v, bucket -> judge(v, bucket));
    }

    private static CheckResult judge(Verdicts v, Resource bucket) {
        if (!S3Checks.hasSupplementary(bucket)) {
            return v.error(bucket, S3Checks.noSupplementary());
        }
        String algorithm = "";
        for (JsonNode rule : bucket.supplementary("ServerSideEncryptionConfiguration").path("rules")) {
            String a = rule.path("applyServerSideEncryptionByDefault").path("sseAlgorithm").asText("");
            if (!a.isBlank()) {
                algorithm = a;
                break;
            }
        }
        return switch (algorithm) {
            case "" -> v.fail(bucket, "No default encryption rule is recorded for the bucket; objects written "
                    + "without one (before S3's January 2023 SSE-S3 default) may be unencrypted.");
            case "AES256" -> v.pass(bucket, "Default encryption is SSE-S3 (AES256), S3's default since January 2023.");
            case "aws:kms" -> v.pass(bucket, "Default encryption is SSE-KMS.");
            case "aws:kms:dsse" -> v.pass(bucket, "Default encryption is dual-layer SSE-KMS (DSSE-KMS).");
            default -> v.of(CheckStatus.MANUAL, bucket, "The default encryption algorithm '"
                    + Verdicts.clip(algorithm) + "' is not one Vigil knows; check the bucket's encryption settings by hand.");
        };
    }
}
