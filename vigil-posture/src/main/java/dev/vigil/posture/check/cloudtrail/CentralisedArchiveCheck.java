package dev.vigil.posture.check.cloudtrail;

import dev.vigil.model.Severity;
import dev.vigil.posture.check.CheckMetadata;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.Remediation;
import dev.vigil.posture.check.Verdicts;
import dev.vigil.posture.inventory.Resource;

import java.util.List;
import java.util.Optional;

/**
 * Every trail delivers to a bucket owned by the policy's log-archive account. The bucket's owner is the account
 * whose Config inventory records it; without a declared log-archive account the check cannot know the answer.
 */
final class CentralisedArchiveCheck extends TrailCheck {

    private static final CheckMetadata METADATA = new CheckMetadata(
            "cloudtrail.centralised_archive",
            "CloudTrail logs are archived in the dedicated log-archive account",
            "CloudTrail", Severity.HIGH, TRAIL,
            "Logs kept in the account they describe can be erased by whoever compromises that account. Delivering "
                    + "every trail to a bucket in a separate log-archive account, which workload administrators cannot "
                    + "reach, keeps the evidence out of the intruder's hands.",
            new Remediation("Point the trail at a bucket in the log-archive account (its bucket policy must allow "
                    + "CloudTrail to write from your accounts), then declare that account as log-archive-account in "
                    + "posture-policy.yaml.",
                    "aws cloudtrail update-trail --name <trail-name> --s3-bucket-name <bucket-in-log-archive-account>",
                    """
                    Trail:
                      Type: AWS::CloudTrail::Trail
                      Properties:
                        S3BucketName: <bucket-in-log-archive-account>""",
                    """
                    resource "aws_cloudtrail" "main" {
                      s3_bucket_name = "<bucket-in-log-archive-account>"
                    }"""),
            List.of("cloudtrail:DescribeTrails", "config:BatchGetResourceConfig"));

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    CheckResult judge(Trail trail, Estate estate, Trails trails) {
        String archive = estate.policy().logArchiveAccount();
        String bucketName = Verdicts.clip(trail.bucket());
        if (archive.isEmpty()) {
            return result(CheckStatus.MANUAL, trail, "No log-archive-account is declared in posture-policy.yaml, so "
                    + "whether bucket " + bucketName + " is in a dedicated archive account needs a person; declare it.");
        }
        if (trail.bucket().isEmpty()) {
            return result(CheckStatus.ERROR, trail, "Not judged: the " + trail.label()
                    + " names no S3 bucket in its data; export `aws cloudtrail describe-trails` again.");
        }
        Optional<Resource> bucket = TrailBucketCheck.bucketOf(trail, estate);
        if (bucket.isPresent()) {
            String owner = bucket.get().account();
            return owner.equals(archive)
                    ? result(CheckStatus.PASS, trail, "The " + trail.label() + " delivers to bucket " + bucketName
                    + " in the log-archive account " + archive + ".")
                    : result(CheckStatus.FAIL, trail, "The " + trail.label() + " delivers to bucket " + bucketName
                    + " in account " + owner + ", not in the log-archive account " + archive + ".");
        }
        long archiveBuckets = estate.inventory().ofType("AWS::S3::Bucket", archive).count();
        if (archiveBuckets > 0) {
            return result(CheckStatus.FAIL, trail, "The " + trail.label() + " delivers to bucket " + bucketName
                    + ", which is not among the " + archiveBuckets + " buckets the log-archive account " + archive
                    + " records in AWS Config.");
        }
        return result(CheckStatus.ERROR, trail, "Not judged: bucket " + bucketName + " is in no Config inventory and "
                + "none is given for the log-archive account " + archive + "; add that account's AWS Config snapshot.");
    }
}
