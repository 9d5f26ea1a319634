package dev.vigil.posture.check.s3;

import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.PolicyExposure;
import dev.vigil.posture.check.Verdicts;
import dev.vigil.posture.inventory.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Whether a bucket is public, judged once for every check that asks (s3.no_public_access for every bucket,
 * cloudtrail.bucket_not_public for a trail's bucket): a policy statement allowing any principal without a restricting
 * condition, or an ACL grant to AllUsers/AuthenticatedUsers, that Block Public Access (bucket, then account level)
 * leaves in force. Unreadable policy or ACL data is an ERROR, never "no grants".
 */
public final class BucketPublicity {

    /** A status and the sentence saying why. */
    public record Verdict(CheckStatus status, String reason) {
    }

    private BucketPublicity() {
    }

    /** The verdict on one bucket's Config item (and the account-level block when it matters). */
    public static Verdict of(Estate estate, Resource bucket) {
        if (!S3Checks.hasSupplementary(bucket)) {
            return new Verdict(CheckStatus.ERROR, S3Checks.noSupplementary());
        }
        if (S3Checks.unreadablePolicy(bucket)) {
            return new Verdict(CheckStatus.ERROR, S3Checks.unreadablePolicyReason());
        }
        if (S3Checks.acl(bucket).isEmpty()) {
            return new Verdict(CheckStatus.ERROR, S3Checks.unreadableAclReason());
        }
        List<PolicyExposure.PublicGrant> policyGrants = S3Checks.policy(bucket)
                .map(PolicyExposure::publicGrants).orElse(List.of());
        List<String> aclGrants = NoPublicAccessCheck.publicAclGrants(bucket);
        if (policyGrants.isEmpty() && aclGrants.isEmpty()) {
            return new Verdict(CheckStatus.PASS, "No bucket policy statement or ACL grant gives the public access.");
        }
        PublicAccessBlock own = PublicAccessBlock.ofBucket(bucket);
        if (neutralised(own, policyGrants, aclGrants)) {
            return new Verdict(CheckStatus.PASS, "Public grants exist but the bucket's own public access block neutralises them.");
        }
        PublicAccessBlock effective;
        switch (PublicAccessBlock.account(estate, bucket.account())) {
            case PublicAccessBlock.Account.Unknown u -> {
                return new Verdict(CheckStatus.ERROR, "Not judged: the bucket has public grants that its own block does not neutralise "
                        + "and the account-level block is unknown (" + Verdicts.unavailableReason(u.why())
                        .replaceFirst("^Not judged: ", "").replaceFirst("\\.$", "") + ").");
            }
            case PublicAccessBlock.Account.Known k -> effective = own.or(k.block());
        }
        if (neutralised(effective, policyGrants, aclGrants)) {
            return new Verdict(CheckStatus.PASS, "Public grants exist but the account-level public access block neutralises them.");
        }
        List<String> exposures = new ArrayList<>();
        if (!policyGrants.isEmpty() && !effective.restrictPublicBuckets()) {
            exposures.add("the bucket policy's " + policyGrants.stream().map(PolicyExposure.PublicGrant::describe)
                    .collect(Collectors.joining("; ")));
        }
        if (!aclGrants.isEmpty() && !effective.ignorePublicAcls()) {
            exposures.add("the ACL grants " + String.join(", ", aclGrants));
        }
        return new Verdict(CheckStatus.FAIL, "The bucket is public: " + String.join(", and ", exposures) + ".");
    }

    private static boolean neutralised(PublicAccessBlock block, List<PolicyExposure.PublicGrant> policy, List<String> acl) {
        return (policy.isEmpty() || block.restrictPublicBuckets()) && (acl.isEmpty() || block.ignorePublicAcls());
    }

}
