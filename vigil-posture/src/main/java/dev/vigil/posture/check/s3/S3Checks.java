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

    /**
     * True when the bucket's policy is not known to be either absent or a readable document: the BucketPolicy entry
     * is missing or not an object, or its {@code policyText} is something other than null, a blank string, a
     * readable JSON string or an object (a number, a list, broken JSON). Config records {@code {"policyText":null}}
     * for a bucket without a policy, so anything else is damaged data, never "no policy".
     */
    static boolean unreadablePolicy(Resource bucket) {
        JsonNode entry = bucket.supplementary("BucketPolicy");
        if (!entry.isObject()) {
            return true;
        }
        JsonNode text = entry.path("policyText");
        if (text.isMissingNode() || text.isNull() || (text.isTextual() && text.asText().isBlank())) {
            return false;
        }
        return !(text.isTextual() || text.isObject()) || policy(bucket).isEmpty();
    }

    /** The sentence for a bucket whose policy cannot be read. */
    static String unreadablePolicyReason() {
        return "Not judged: the bucket's Config item has no readable BucketPolicy entry (policyText is not a policy "
                + "document or null); export the policy with `aws s3api get-bucket-policy` or a fresh Config item.";
    }

    /**
     * The bucket's ACL as recorded by Config, when it is a JSON object with a grant list. Empty when the entry is
     * absent, null, not JSON, or has no list of grants: every Config S3 item carries an ACL (owner full control at
     * least), so an item with supplementary configuration but no readable ACL is damaged data and must not be read
     * as "no public grants".
     */
    static Optional<JsonNode> acl(Resource bucket) {
        JsonNode value = bucket.supplementary("AccessControlList");
        Optional<JsonNode> parsed = value.isObject() ? Optional.of(value)
                : value.isTextual() ? PolicyDocuments.parse(value.asText()) : Optional.empty();
        return parsed.filter(acl -> acl.path("grantList").isArray() || acl.path("grantSet").isArray());
    }

    /** The sentence for a bucket whose ACL cannot be read. */
    static String unreadableAclReason() {
        return "Not judged: the bucket's Config item has no readable AccessControlList; export it with "
                + "`aws s3api get-bucket-acl` or a fresh Config item.";
    }
}
