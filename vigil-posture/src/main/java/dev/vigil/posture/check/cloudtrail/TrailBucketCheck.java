package dev.vigil.posture.check.cloudtrail;

import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.Verdicts;
import dev.vigil.posture.inventory.Resource;

import java.util.Optional;

/**
 * A check on the S3 bucket a trail delivers to, judged from the bucket's AWS::S3::Bucket Config item (often in the
 * log-archive account, so that account's snapshot must be among the inputs).
 */
abstract class TrailBucketCheck extends TrailCheck {

    /** The verdict on the trail's bucket, which exists in the inventory and is not deleted. */
    abstract CheckResult judgeBucket(Trail trail, Resource bucket, Estate estate);

    @Override
    final CheckResult judge(Trail trail, Estate estate, Trails trails) {
        if (trail.bucket().isEmpty()) {
            return result(CheckStatus.ERROR, trail, "Not judged: the " + trail.label()
                    + " names no S3 bucket in its data; export `aws cloudtrail describe-trails` again.");
        }
        Optional<Resource> bucket = bucketOf(trail, estate);
        if (bucket.isEmpty()) {
            return result(CheckStatus.ERROR, trail, "Not judged: the trail's bucket " + Verdicts.clip(trail.bucket())
                    + " is not in the Config inventory; add the AWS Config snapshot of the account that owns it.");
        }
        if (bucket.get().deleted()) {
            return result(CheckStatus.FAIL, trail, "The trail's bucket " + Verdicts.clip(trail.bucket())
                    + " was deleted according to AWS Config, so the " + trail.label() + " cannot deliver logs.");
        }
        return judgeBucket(trail, bucket.get(), estate);
    }

    /** The bucket by name, deleted captures included (bucket names are global, so the id is unique). */
    static Optional<Resource> bucketOf(Trail trail, Estate estate) {
        return estate.inventory().byId("AWS::S3::Bucket", trail.bucket())
                .or(() -> estate.inventory().byArn("arn:aws:s3:::" + trail.bucket()));
    }
}
