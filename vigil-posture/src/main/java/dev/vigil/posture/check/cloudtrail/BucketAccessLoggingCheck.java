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

/** Every trail bucket records server access logs, so reads and deletions of the logs themselves are traceable. */
final class BucketAccessLoggingCheck extends TrailBucketCheck {

    private static final CheckMetadata METADATA = new CheckMetadata(
            "cloudtrail.bucket_access_logging",
            "CloudTrail buckets have server access logging enabled",
            "CloudTrail", Severity.LOW, TRAIL,
            "CloudTrail management events do not show who read or deleted individual log files. S3 server access "
                    + "logging on the trail bucket does, which matters when someone tampers with the evidence.",
            new Remediation("Enable server access logging on the trail bucket, to a separate logging bucket.",
                    """
                    aws s3api put-bucket-logging --bucket <trail-bucket> --bucket-logging-status \\
                        '{"LoggingEnabled":{"TargetBucket":"<access-log-bucket>","TargetPrefix":"trail-bucket/"}}'""",
                    """
                    TrailBucket:
                      Type: AWS::S3::Bucket
                      Properties:
                        LoggingConfiguration:
                          DestinationBucketName: <access-log-bucket>
                          LogFilePrefix: trail-bucket/""",
                    """
                    resource "aws_s3_bucket_logging" "trail" {
                      bucket        = aws_s3_bucket.trail.id
                      target_bucket = "<access-log-bucket>"
                      target_prefix = "trail-bucket/"
                    }"""),
            List.of("cloudtrail:DescribeTrails", "config:BatchGetResourceConfig"));

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    CheckResult judgeBucket(Trail trail, Resource bucket, Estate estate) {
        String name = Verdicts.clip(trail.bucket());
        var logging = bucket.supplementary("BucketLoggingConfiguration");
        if (logging.isMissingNode()) {
            return result(CheckStatus.ERROR, trail, "Not judged: the Config item of bucket " + name
                    + " has no BucketLoggingConfiguration; record S3 supplementary configuration in AWS Config.");
        }
        String target = Trail.text(logging.path("destinationBucketName"));
        return target.isEmpty()
                ? result(CheckStatus.FAIL, trail, "The trail's bucket " + name + " has server access logging off.")
                : result(CheckStatus.PASS, trail, "The trail's bucket " + name + " logs access to bucket "
                + Verdicts.clip(target) + ".");
    }
}
