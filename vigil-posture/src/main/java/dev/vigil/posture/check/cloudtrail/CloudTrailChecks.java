package dev.vigil.posture.check.cloudtrail;

import dev.vigil.posture.check.Check;

import java.util.List;

/** The CloudTrail section of the built-in catalogue, in report order. */
public final class CloudTrailChecks {

    private CloudTrailChecks() {
    }

    public static List<Check> checks() {
        return List.of(new MultiRegionTrailCheck(), new CentralisedArchiveCheck(), new LogFileValidationCheck(),
                new KmsEncryptionCheck(), new CloudWatchLogsCheck(), new BucketNotPublicCheck(),
                new BucketAccessLoggingCheck(), new BucketVersioningProtectionCheck(), new S3DataEventsCheck());
    }
}
