package dev.vigil.posture.check.cloudtrail;

import dev.vigil.model.Severity;
import dev.vigil.posture.check.CheckMetadata;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.Remediation;
import dev.vigil.posture.check.Verdicts;
import dev.vigil.posture.check.s3.BucketPublicity;
import dev.vigil.posture.inventory.Resource;

import java.util.List;

/** No trail's bucket is readable by the public through its policy or ACL. */
final class BucketNotPublicCheck extends TrailBucketCheck {

    private static final CheckMetadata METADATA = new CheckMetadata(
            "cloudtrail.bucket_not_public",
            "CloudTrail buckets are not publicly accessible",
            "CloudTrail", Severity.CRITICAL, TRAIL,
            "Trail logs map the whole estate: account ids, principals, resource names, source addresses. A trail "
                    + "bucket open to the public through its policy or ACL hands that map to anyone.",
            new Remediation("Turn on all four public access block settings for the bucket and remove public "
                    + "grants from its policy and ACL.",
                    """
                    aws s3api put-public-access-block --bucket <trail-bucket> --public-access-block-configuration \\
                        BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true""",
                    """
                    TrailBucket:
                      Type: AWS::S3::Bucket
                      Properties:
                        PublicAccessBlockConfiguration:
                          BlockPublicAcls: true
                          IgnorePublicAcls: true
                          BlockPublicPolicy: true
                          RestrictPublicBuckets: true""",
                    """
                    resource "aws_s3_bucket_public_access_block" "trail" {
                      bucket                  = aws_s3_bucket.trail.id
                      block_public_acls       = true
                      ignore_public_acls      = true
                      block_public_policy     = true
                      restrict_public_buckets = true
                    }"""),
            List.of("cloudtrail:DescribeTrails", "config:BatchGetResourceConfig", "s3:GetAccountPublicAccessBlock"));

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    CheckResult judgeBucket(Trail trail, Resource bucket, Estate estate) {
        // the same judgement as s3.no_public_access, so the two can never disagree about one bucket
        BucketPublicity.Verdict verdict = BucketPublicity.of(estate, bucket);
        return result(verdict.status(), trail, "The trail's bucket " + Verdicts.clip(trail.bucket()) + ": "
                + lowerFirst(verdict.reason()));
    }

    private static String lowerFirst(String sentence) {
        return sentence.isEmpty() ? sentence : Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1);
    }
}
