package dev.vigil.posture.check.s3;

import dev.vigil.model.Severity;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckMetadata;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.Remediation;
import dev.vigil.posture.check.Verdicts;
import dev.vigil.posture.inventory.Resource;

import java.util.List;

/**
 * s3.public_access_block: all four Block Public Access settings apply to the bucket, from its own block, the
 * account's, or the two combined (S3 applies whichever is more restrictive, setting by setting).
 */
final class PublicAccessBlockCheck implements Check {

    static final CheckMetadata METADATA = new CheckMetadata(
            "s3.public_access_block",
            "S3 Block Public Access is fully on for every bucket",
            "Exposure", Severity.HIGH, S3Checks.BUCKET,
            "Block Public Access overrides bucket policies and ACLs that would make data public, so one mistaken "
                    + "policy or ACL cannot expose a bucket. Turning all four settings on at the account level "
                    + "protects every bucket, including those created later.",
            new Remediation("Turn on all four settings at the account level (or on each bucket that must stay "
                    + "private when the account cannot).",
                    "aws s3control put-public-access-block --account-id <account-id> --public-access-block-configuration "
                            + "BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true",
                    """
                    Bucket:
                      Type: AWS::S3::Bucket
                      Properties:
                        PublicAccessBlockConfiguration:
                          BlockPublicAcls: true
                          IgnorePublicAcls: true
                          BlockPublicPolicy: true
                          RestrictPublicBuckets: true
                    """,
                    """
                    resource "aws_s3_account_public_access_block" "this" {
                      block_public_acls       = true
                      ignore_public_acls      = true
                      block_public_policy     = true
                      restrict_public_buckets = true
                    }
                    """),
            List.of("config:BatchGetResourceConfig", "s3:GetBucketPublicAccessBlock", "s3:GetAccountPublicAccessBlock"));

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<CheckResult> evaluate(Estate estate) {
        Verdicts v = new Verdicts(METADATA);
        return S3Checks.eachBucket(estate, v, bucket -> judge(estate, v, bucket));
    }

    private static CheckResult judge(Estate estate, Verdicts v, Resource bucket) {
        if (!S3Checks.hasSupplementary(bucket)) {
            return v.error(bucket, S3Checks.noSupplementary());
        }
        PublicAccessBlock own = PublicAccessBlock.ofBucket(bucket);
        if (own.allOn()) {
            return v.pass(bucket, "The bucket's own public access block has all four settings on.");
        }
        return switch (PublicAccessBlock.account(estate, bucket.account())) {
            case PublicAccessBlock.Account.Unknown u -> v.error(bucket, "Not judged: the bucket's own block leaves "
                    + own.off() + " off and the account-level block is unknown ("
                    + Verdicts.unavailableReason(u.why()).replaceFirst("^Not judged: ", "").replaceFirst("\\.$", "") + ").");
            case PublicAccessBlock.Account.Known k when k.block().allOn() ->
                    v.pass(bucket, "The account-level public access block has all four settings on.");
            case PublicAccessBlock.Account.Known k -> {
                PublicAccessBlock effective = own.or(k.block());
                yield effective.allOn()
                        ? v.pass(bucket, "The bucket's and the account's blocks together turn all four settings on.")
                        : v.fail(bucket, effective.off() + " off for this bucket, at both bucket and account level.");
            }
        };
    }
}
