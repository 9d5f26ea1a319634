package dev.vigil.sim;

import dev.vigil.sim.Estate.Account;
import dev.vigil.sim.Json.Obj;
import dev.vigil.sim.PostureOrg.BucketSetup;
import dev.vigil.sim.PostureOrg.Change;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.vigil.sim.Json.empty;
import static dev.vigil.sim.Json.list;
import static dev.vigil.sim.Json.obj;

/**
 * S3 as Config records it: the account-level public access block and each bucket, with the supplementary
 * configuration Config adds (ACL as a JSON string, policy text as a JSON string, logging, versioning, encryption,
 * public access block, replication, object lock, tags).
 */
final class StorageItems {

    private final PostureOrg org;

    StorageItems(PostureOrg org) {
        this.org = org;
    }

    ConfigItem accountPublicAccessBlock(Account a) {
        long created = org.startMillis() - 800 * 86_400_000L;
        return ConfigItem.of("AWS::S3::AccountPublicAccessBlock", a.id(), a.id(), null, a.id(), Estate.HOME_REGION,
                "Not Applicable", created, ConfigItem.captured(created), Map.of(), List.of(),
                obj("blockPublicAcls", true, "ignorePublicAcls", true, "blockPublicPolicy", true,
                        "restrictPublicBuckets", true), empty());
    }

    /** Canonical user id of an account: 64 hex characters, stable for the account. */
    static String canonicalId(Account a) {
        return Payloads.stableHex("canonical" + a.id(), 64);
    }

    ConfigItem bucket(BucketSetup b, Change change, boolean publicPolicy) {
        long capture = change != null ? change.timeMillis() : ConfigItem.captured(b.createdMillis());
        String owner = canonicalId(b.account());
        Obj acl = obj("grantSet", null, "grantList", list(obj("grantee", obj("id", owner, "displayName", null),
                "permission", "FullControl")), "owner", obj("displayName", null, "id", owner),
                "isRequesterCharged", false);
        Map<String, String> tags = b.tags();
        List<Object> supp = new ArrayList<>(List.of(
                "AccessControlList", TreeJson.string(acl),
                "BucketAccelerateConfiguration", obj("status", null),
                "BucketLoggingConfiguration", obj("destinationBucketName", b.loggingTarget(),
                        "logFilePrefix", b.loggingTarget() == null ? null : b.name() + "/"),
                "BucketNotificationConfiguration", obj("configurations", empty()),
                "BucketPolicy", obj("policyText", b.hasPolicy() || publicPolicy
                        ? TreeJson.string(BucketPolicies.policy(org, b, publicPolicy)) : null),
                "BucketTaggingConfiguration", obj("tagSets", list(obj("tags", ConfigItem.stringMap(tags)))),
                "BucketVersioningConfiguration", obj("status", versioned(b) ? "Enabled" : "Off",
                        "isMfaDeleteEnabled", versioned(b) ? false : null),
                "IsRequesterPaysEnabled", false,
                "PublicAccessBlockConfiguration", obj("blockPublicAcls", true, "ignorePublicAcls", true,
                        "blockPublicPolicy", !publicPolicy, "restrictPublicBuckets", !publicPolicy),
                "ServerSideEncryptionConfiguration", obj("rules", list(obj(
                        "applyServerSideEncryptionByDefault", obj("sseAlgorithm",
                                b.kmsKeyArn() == null ? "AES256" : "aws:kms", "kmsMasterKeyID", b.kmsKeyArn()),
                        "bucketKeyEnabled", b.kmsKeyArn() != null)))));
        if (b.replicaArn() != null) {
            supp.add("BucketReplicationConfiguration");
            supp.add(obj("roleARN", "arn:aws:iam::" + b.account().id() + ":role/s3-replication",
                    "rules", obj("replicate-all", obj("destinationConfig", obj("bucketARN", b.replicaArn(),
                            "storageClass", "STANDARD_IA"), "prefix", "", "status", "Enabled"))));
        }
        if (b.objectLock()) {
            supp.add("ObjectLockConfiguration");
            supp.add(obj("objectLockEnabled", "Enabled", "rule", obj("defaultRetention",
                    obj("mode", "COMPLIANCE", "days", 365, "years", null))));
        }
        return ConfigItem.of("AWS::S3::Bucket", b.name(), b.name(), b.arn(), b.account().id(), b.region(), "Regional",
                b.createdMillis(), capture, tags, List.of(),
                obj("name", b.name(), "owner", obj("displayName", null, "id", owner),
                        "creationDate", ConfigItem.time(b.createdMillis())), obj(supp.toArray()));
    }

    static boolean versioned(BucketSetup b) {
        return b.objectLock() || b.replicaArn() != null || b.name().endsWith("-terraform-state")
                || b.name().endsWith("-replica");
    }
}
