package dev.vigil.sim;

import dev.vigil.sim.Estate.Account;
import dev.vigil.sim.PostureOrg.BackupPlan;
import dev.vigil.sim.PostureOrg.BucketSetup;
import dev.vigil.sim.PostureOrg.Change;
import dev.vigil.sim.PostureOrg.Database;
import dev.vigil.sim.PostureOrg.Key;
import dev.vigil.sim.PostureOrg.SecurityGroup;
import dev.vigil.sim.PostureOrg.Table;
import dev.vigil.sim.PostureOrg.TrailState;
import dev.vigil.sim.PostureOrg.User;
import dev.vigil.sim.PostureOrg.Volume;
import dev.vigil.sim.PostureOrg.Vpc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.vigil.sim.Json.empty;
import static dev.vigil.sim.Json.list;
import static dev.vigil.sim.Json.obj;

/**
 * Turns the {@link PostureOrg} into AWS Config configuration items as Config writes them into its S3 snapshot and
 * history files. Each resource family has its own builder ({@link StorageItems}, {@link NetworkItems},
 * {@link DataItems}, {@link IamItems}); trails and keys are built here.
 */
final class ConfigItems {

    private final PostureOrg org;
    private final StorageItems storage;
    private final NetworkItems network;
    private final DataItems data;
    private final IamItems iam;

    ConfigItems(PostureOrg org) {
        this.org = org;
        this.storage = new StorageItems(org);
        this.network = new NetworkItems(org);
        this.data = new DataItems(org);
        this.iam = new IamItems(org);
    }

    /** The items of the snapshot taken at the end of the period: every resource in its final state. */
    List<ConfigItem> snapshot() {
        List<ConfigItem> items = new ArrayList<>();
        for (Account a : org.estate().accounts()) {
            items.add(storage.accountPublicAccessBlock(a));
        }
        for (TrailState t : org.trails()) {
            items.add(trail(t));
        }
        for (Key k : org.keys()) {
            items.add(key(k));
        }
        for (BucketSetup b : org.buckets()) {
            items.add(storage.bucket(b, org.lastChange(b.name()), false));
        }
        for (Vpc v : org.vpcs()) {
            items.add(network.vpc(v));
            if (v.flowLogId() != null) {
                items.add(network.flowLog(v));
            }
            for (SecurityGroup g : v.groups()) {
                items.add(network.securityGroup(v, g, true));
            }
        }
        items.addAll(new InstanceItems(org).items());
        for (Volume v : org.volumes()) {
            items.add(data.volume(v));
        }
        for (Database d : org.databases()) {
            items.add(data.database(d));
        }
        for (Table t : org.tables()) {
            items.add(data.table(t));
        }
        for (BackupPlan p : org.plans()) {
            items.add(data.backupPlan(p));
            items.add(data.backupSelection(p));
        }
        for (User u : org.users()) {
            items.add(iam.user(u));
        }
        items.addAll(iam.roles());
        return items;
    }

    /**
     * Every capture Config made of the resources that changed during the period, oldest first: for each such
     * resource the item captured before the period (when it was created: the state before the change) and one item
     * per change, captured a little after the API call that made it. Config keeps the earlier item: it is the
     * resource's previous configuration item, the state any reader of the period's changes compares against.
     */
    List<ConfigItem> history() {
        List<ConfigItem> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Change c : org.changes()) {
            boolean first = seen.add(c.resourceType() + "|" + c.resourceId());
            if (c.resourceType().equals("AWS::S3::Bucket")) {
                BucketSetup b = org.buckets().stream().filter(x -> x.name().equals(c.resourceId())).findFirst()
                        .orElseThrow();
                if (first) {
                    items.add(storage.bucket(b, null, false));
                }
                items.add(storage.bucket(b, c, c.what().equals(Change.POLICY_PUBLIC)));
            } else if (c.resourceType().equals("AWS::IAM::Role")) {
                org.estate().principals().stream().filter(p -> c.resourceId().equals(p.principalId())).findFirst()
                        .ifPresent(p -> {
                            if (first) {
                                items.add(iam.role(p, false));
                            }
                            items.add(iam.role(p, true));
                        });
            } else if (c.resourceType().equals("AWS::EC2::SecurityGroup")) {
                for (Vpc v : org.vpcs()) {
                    for (SecurityGroup g : v.groups()) {
                        if (g.id().equals(c.resourceId())) {
                            if (first) {
                                items.add(network.securityGroup(v, g, false));
                            }
                            items.add(network.securityGroup(v, g, true));
                        }
                    }
                }
            }
        }
        items.sort(Comparator.comparingLong(ConfigItem::captureMillis));
        return items;
    }

    private ConfigItem trail(TrailState t) {
        var tr = t.trail();
        long created = org.startMillis() - 500 * 86_400_000L;
        return ConfigItem.of("AWS::CloudTrail::Trail", tr.name(), tr.name(), tr.arn(), tr.account().id(), tr.region(),
                "Not Applicable", created, ConfigItem.captured(created), Map.of(), List.of(
                        ConfigItem.relationship("AWS::S3::Bucket", tr.bucket(), "Is associated with Bucket")),
                obj("name", tr.name(), "s3BucketName", tr.bucket(), "s3KeyPrefix", null, "snsTopicName", null,
                        "snsTopicARN", null, "includeGlobalServiceEvents", true, "isMultiRegionTrail", t.multiRegion(),
                        "homeRegion", tr.region(), "trailARN", tr.arn(), "logFileValidationEnabled", true,
                        "cloudWatchLogsLogGroupArn", t.logGroupArn(), "cloudWatchLogsRoleArn", t.roleArn(),
                        "kmsKeyId", t.keyArn(), "hasCustomEventSelectors", true, "hasInsightSelectors", false,
                        "isOrganizationTrail", tr.organization()), empty());
    }

    private ConfigItem key(Key k) {
        return ConfigItem.of("AWS::KMS::Key", k.id(), k.id(), k.arn(), k.account().id(), k.region(), "Regional",
                k.createdMillis(), ConfigItem.captured(k.createdMillis()), Map.of(), List.of(),
                obj("aWSAccountId", k.account().id(), "keyId", k.id(), "arn", k.arn(),
                        "creationDate", ConfigItem.time(k.createdMillis()), "enabled", true, "description", k.description(),
                        "keyUsage", "ENCRYPT_DECRYPT", "keyState", "Enabled", "origin", "AWS_KMS",
                        "keyManager", "CUSTOMER", "customerMasterKeySpec", "SYMMETRIC_DEFAULT",
                        "keySpec", "SYMMETRIC_DEFAULT", "encryptionAlgorithms", list("SYMMETRIC_DEFAULT"),
                        "multiRegion", false),
                obj("KeyRotationStatus", k.rotation()));
    }
}
