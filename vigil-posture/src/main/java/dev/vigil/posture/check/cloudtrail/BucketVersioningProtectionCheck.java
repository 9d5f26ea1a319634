package dev.vigil.posture.check.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.Severity;
import dev.vigil.posture.check.CheckMetadata;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.Remediation;
import dev.vigil.posture.check.Verdicts;
import dev.vigil.posture.inventory.Resource;

import java.util.List;

/**
 * Every trail bucket resists deletion of log files: Object Lock is on, or versioning is Enabled with MFA delete.
 * Versioning alone is not enough, since whoever can delete objects can usually delete versions too.
 */
final class BucketVersioningProtectionCheck extends TrailBucketCheck {

    private static final CheckMetadata METADATA = new CheckMetadata(
            "cloudtrail.bucket_versioning_protection",
            "CloudTrail buckets protect log files from deletion (Object Lock, or versioning with MFA delete)",
            "CloudTrail", Severity.MEDIUM, TRAIL,
            "An intruder with write access to the trail bucket can delete the files that record the intrusion. Object "
                    + "Lock makes objects immutable for a retention period; versioning with MFA delete at least "
                    + "requires the root user's MFA device to remove versions.",
            new Remediation("Prefer a new trail bucket created with Object Lock and a default retention; otherwise "
                    + "enable versioning with MFA delete (root credentials and MFA device required).",
                    """
                    aws s3api create-bucket --bucket <new-trail-bucket> --object-lock-enabled-for-bucket
                    aws s3api put-object-lock-configuration --bucket <new-trail-bucket> --object-lock-configuration \\
                        '{"ObjectLockEnabled":"Enabled","Rule":{"DefaultRetention":{"Mode":"GOVERNANCE","Days":365}}}'""",
                    """
                    TrailBucket:
                      Type: AWS::S3::Bucket
                      Properties:
                        ObjectLockEnabled: true
                        ObjectLockConfiguration:
                          ObjectLockEnabled: Enabled
                          Rule:
                            DefaultRetention:
                              Mode: GOVERNANCE
                              Days: 365
                        VersioningConfiguration:
                          Status: Enabled""",
                    """
                    resource "aws_s3_bucket" "trail" {
                      bucket              = "<new-trail-bucket>"
                      object_lock_enabled = true
                    }"""),
            List.of("cloudtrail:DescribeTrails", "config:BatchGetResourceConfig"));

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    CheckResult judgeBucket(Trail trail, Resource bucket, Estate estate) {
        String name = Verdicts.clip(trail.bucket());
        if (objectLocked(bucket)) {
            return result(CheckStatus.PASS, trail, "The trail's bucket " + name + " has Object Lock enabled.");
        }
        JsonNode versioning = bucket.supplementary("BucketVersioningConfiguration");
        if (versioning.isMissingNode()) {
            return result(CheckStatus.ERROR, trail, "Not judged: the Config item of bucket " + name
                    + " has no BucketVersioningConfiguration; record S3 supplementary configuration in AWS Config.");
        }
        String status = Trail.text(versioning.path("status"));
        boolean mfaDelete = Trail.flag(versioning.path("isMfaDeleteEnabled"));
        if (status.equals("Enabled") && mfaDelete) {
            return result(CheckStatus.PASS, trail, "The trail's bucket " + name
                    + " has versioning enabled with MFA delete.");
        }
        return result(CheckStatus.FAIL, trail, "The trail's bucket " + name + " has versioning "
                + (status.isEmpty() ? "Off" : Verdicts.clip(status)) + (status.equals("Enabled") ? " without MFA delete" : "")
                + " and no Object Lock, so log files can be deleted for good.");
    }

    /** Object Lock as Config records it (supplementary ObjectLockConfiguration) or as a flattened configuration field. */
    private static boolean objectLocked(Resource bucket) {
        for (JsonNode n : List.of(bucket.supplementary("ObjectLockConfiguration.objectLockEnabled"),
                bucket.supplementary("ObjectLockConfiguration.ObjectLockEnabled"),
                bucket.config("objectLockEnabled"), bucket.config("objectLockConfiguration.objectLockEnabled"),
                bucket.config("ObjectLockConfiguration.ObjectLockEnabled"))) {
            if (Trail.flag(n) || Trail.text(n).equals("Enabled")) {
                return true;
            }
        }
        return false;
    }
}
