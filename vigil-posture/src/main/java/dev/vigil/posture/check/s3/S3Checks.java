package dev.vigil.posture.check.s3;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.InventoryScope;
import dev.vigil.posture.check.Verdicts;
import dev.vigil.posture.inventory.PolicyDocuments;
import dev.vigil.posture.inventory.Resource;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The S3 bucket checks: default encryption ("Encryption"), public access blocks, TLS-only policies and public access
 * ("Exposure"), and cross-region replication of critical buckets ("Resilience"). They judge AWS::S3::Bucket items,
 * whose interesting parts all live in {@code supplementaryConfiguration}, plus the account-level public access
 * block (AWS::S3::AccountPublicAccessBlock or the {@code s3control get-public-access-block} export).
 */
public final class S3Checks {

    static final String BUCKET = "AWS::S3::Bucket";

    private S3Checks() {
    }

    public static List<Check> checks() {
        return List.of(new DefaultEncryptionCheck(), new PublicAccessBlockCheck(), new TlsOnlyCheck(),
                new NoPublicAccessCheck(), new CriticalBucketReplicationCheck());
    }

    /** One verdict per live bucket; an account without buckets gets one verdict saying why. */
    static List<CheckResult> eachBucket(Estate estate, Verdicts v, Function<Resource, CheckResult> judge) {
        return InventoryScope.eachResource(estate, v, BUCKET, "S3 buckets", judge);
    }

    /** The bucket name: {@code configuration.name}, else the item's name or id. */
    static String name(Resource bucket) {
        String name = bucket.config("name").asText("");
        if (!name.isBlank()) {
            return name;
        }
        return bucket.name().isBlank() ? bucket.id() : bucket.name();
    }

    /**
     * True when Config recorded the bucket's supplementary configuration at all. Without it the bucket's policy, ACL,
     * encryption and blocks are unknown rather than absent, and checks must say ERROR, not FAIL.
     */
    static boolean hasSupplementary(Resource bucket) {
        JsonNode s = bucket.supplementaryConfiguration();
        return s.isObject() && s.size() > 0;
    }

    /** The sentence for a bucket item without supplementary configuration. */
    static String noSupplementary() {
        return "Not judged: the bucket's Config item has no supplementaryConfiguration (policy, ACL, encryption); "
                + "export a full configuration item (snapshot or batch-get-resource-config) for it.";
    }

    /** The bucket policy document; empty when the bucket has none. */
    static Optional<JsonNode> policy(Resource bucket) {
        return PolicyDocuments.parse(bucket.supplementary("BucketPolicy").path("policyText"));
    }

    /** True when the bucket records a policy text that cannot be read as a policy document. */
    static boolean unreadablePolicy(Resource bucket) {
        JsonNode text = bucket.supplementary("BucketPolicy").path("policyText");
        return !text.isMissingNode() && !text.isNull() && !text.asText("").isBlank() && policy(bucket).isEmpty();
    }
}
