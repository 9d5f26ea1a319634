package dev.vigil.sim;

import dev.vigil.sim.Estate.Account;
import dev.vigil.sim.Json.Obj;
import dev.vigil.sim.PostureOrg.BackupPlan;
import dev.vigil.sim.PostureOrg.BucketSetup;
import dev.vigil.sim.PostureOrg.Change;
import dev.vigil.sim.PostureOrg.Database;
import dev.vigil.sim.PostureOrg.Ingress;
import dev.vigil.sim.PostureOrg.Key;
import dev.vigil.sim.PostureOrg.SecurityGroup;
import dev.vigil.sim.PostureOrg.Table;
import dev.vigil.sim.PostureOrg.TrailState;
import dev.vigil.sim.PostureOrg.User;
import dev.vigil.sim.PostureOrg.Volume;
import dev.vigil.sim.PostureOrg.Vpc;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.vigil.sim.Json.empty;
import static dev.vigil.sim.Json.list;
import static dev.vigil.sim.Json.obj;

/**
 * Turns the {@link PostureOrg} into AWS Config configuration items (version 1.3) as Config writes them into its S3
 * snapshot and history files: {@code ARN} in upper case, {@code configuration} and {@code supplementaryConfiguration}
 * as objects, S3's {@code AccessControlList} and bucket policy text as JSON inside strings, IAM policy documents
 * URL-encoded, and each resource type's own property casing (describe-API camelCase for classic types,
 * CloudFormation PascalCase for Backup).
 */
final class ConfigItems {

    private static final DateTimeFormatter CI_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** One configuration item, with where it belongs and when it was captured. */
    record Item(String account, String region, String type, String id, long captureMillis, Obj body) {
    }

    private final PostureOrg org;

    ConfigItems(PostureOrg org) {
        this.org = org;
    }

    static String time(long millis) {
        return CI_TIME.format(Instant.ofEpochMilli(millis));
    }

    /** The items of the snapshot taken at the end of the period: every resource in its final state. */
    List<Item> snapshot() {
        List<Item> items = new ArrayList<>();
        for (Account a : org.estate().accounts()) {
            items.add(accountPublicAccessBlock(a));
        }
        for (TrailState t : org.trails()) {
            items.add(trail(t));
        }
        for (Key k : org.keys()) {
            items.add(key(k));
        }
        for (BucketSetup b : org.buckets()) {
            items.add(bucket(b, lastChange(b.name()), false));
        }
        for (Vpc v : org.vpcs()) {
            items.add(vpc(v));
            if (v.flowLogId() != null) {
                items.add(flowLog(v));
            }
            for (SecurityGroup g : v.groups()) {
                items.add(securityGroup(v, g, true));
            }
        }
        for (Volume v : org.volumes()) {
            items.add(volume(v));
        }
        for (Database d : org.databases()) {
            items.add(database(d));
        }
        for (Table t : org.tables()) {
            items.add(table(t));
        }
        for (BackupPlan p : org.plans()) {
            items.add(backupPlan(p));
            items.add(backupSelection(p));
        }
        for (User u : org.users()) {
            items.add(user(u));
        }
        items.addAll(roles());
        return items;
    }

    /** The items Config delivered in its history files during the period, oldest first. */
    List<Item> history() {
        List<Item> items = new ArrayList<>();
        for (Change c : org.changes()) {
            if (c.resourceType().equals("AWS::S3::Bucket")) {
                BucketSetup b = org.buckets().stream().filter(x -> x.name().equals(c.resourceId())).findFirst()
                        .orElseThrow();
                items.add(bucket(b, c, c.what().equals("policy-public")));
            } else if (c.resourceType().equals("AWS::IAM::Role")) {
                org.estate().principals().stream().filter(p -> c.resourceId().equals(p.principalId())).findFirst()
                        .ifPresent(p -> items.add(role(p)));
            } else if (c.resourceType().equals("AWS::EC2::SecurityGroup")) {
                for (Vpc v : org.vpcs()) {
                    for (SecurityGroup g : v.groups()) {
                        if (g.id().equals(c.resourceId())) {
                            items.add(securityGroup(v, g, true));
                        }
                    }
                }
            }
        }
        items.sort(Comparator.comparingLong(Item::captureMillis));
        return items;
    }

    private Change lastChange(String resourceId) {
        Change last = null;
        for (Change c : org.changes()) {
            if (c.resourceId().equals(resourceId)) {
                last = c;
            }
        }
        return last;
    }

    private Item item(String type, String id, String name, String arn, String account, String region, String az,
                      long created, long capture, Map<String, String> tags, List<Obj> relationships, Obj configuration,
                      Obj supplementary) {
        Object[] tagKv = new Object[tags.size() * 2];
        int i = 0;
        for (Map.Entry<String, String> e : tags.entrySet()) {
            tagKv[i++] = e.getKey();
            tagKv[i++] = e.getValue();
        }
        List<Object> kv = new ArrayList<>(List.of(
                "relatedEvents", list(), "relationships", List.copyOf(relationships),
                "configuration", configuration, "supplementaryConfiguration", supplementary,
                "tags", obj(tagKv), "configurationItemVersion", "1.3",
                "configurationItemCaptureTime", time(capture), "configurationStateId", capture,
                "awsAccountId", account, "configurationItemStatus", "OK", "resourceType", type,
                "resourceId", id, "resourceName", name));
        if (arn != null) {
            kv.add("ARN");
            kv.add(arn);
        }
        kv.addAll(List.of("awsRegion", region, "availabilityZone", az, "configurationStateMd5Hash", "",
                "resourceCreationTime", time(created)));
        Obj body = obj(kv.toArray());
        return new Item(account, region.equals("global") ? Estate.HOME_REGION : region, type, id, capture, body);
    }

    private static Obj relationship(String type, String id, String name) {
        return obj("resourceId", id, "resourceType", type, "name", name);
    }

    private static List<Obj> tagList(Map<String, String> tags) {
        List<Obj> out = new ArrayList<>();
        tags.forEach((k, v) -> out.add(obj("key", k, "value", v)));
        return out;
    }

    private static long captured(long created) {
        return created + 90_000L;
    }

    // ---- S3 ----

    private Item accountPublicAccessBlock(Account a) {
        long created = org.startMillis() - 800 * 86_400_000L;
        return item("AWS::S3::AccountPublicAccessBlock", a.id(), a.id(), null, a.id(), Estate.HOME_REGION,
                "Not Applicable", created, captured(created), Map.of(), List.of(),
                obj("blockPublicAcls", true, "ignorePublicAcls", true, "blockPublicPolicy", true,
                        "restrictPublicBuckets", true), empty());
    }

    /** Canonical user id of an account: 64 hex characters, stable for the account. */
    static String canonicalId(Account a) {
        return Payloads.stableHex("canonical" + a.id(), 64);
    }

    private Item bucket(BucketSetup b, Change change, boolean publicPolicy) {
        long capture = change != null ? change.timeMillis() : captured(b.createdMillis());
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
                "BucketTaggingConfiguration", obj("tagSets", list(obj("tags", stringMap(tags)))),
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
        return item("AWS::S3::Bucket", b.name(), b.name(), b.arn(), b.account().id(), b.region(), "Regional",
                b.createdMillis(), capture, tags, List.of(),
                obj("name", b.name(), "owner", obj("displayName", null, "id", owner),
                        "creationDate", time(b.createdMillis())), obj(supp.toArray()));
    }

    static boolean versioned(BucketSetup b) {
        return b.objectLock() || b.replicaArn() != null || b.name().endsWith("-terraform-state")
                || b.name().endsWith("-replica");
    }

    private static Obj stringMap(Map<String, String> m) {
        Object[] kv = new Object[m.size() * 2];
        int i = 0;
        for (Map.Entry<String, String> e : m.entrySet()) {
            kv[i++] = e.getKey();
            kv[i++] = e.getValue();
        }
        return obj(kv);
    }

    // ---- CloudTrail, KMS ----

    private Item trail(TrailState t) {
        var tr = t.trail();
        long created = org.startMillis() - 500 * 86_400_000L;
        return item("AWS::CloudTrail::Trail", tr.name(), tr.name(), tr.arn(), tr.account().id(), tr.region(),
                "Not Applicable", created, captured(created), Map.of(), List.of(
                        relationship("AWS::S3::Bucket", tr.bucket(), "Is associated with Bucket")),
                obj("name", tr.name(), "s3BucketName", tr.bucket(), "s3KeyPrefix", null, "snsTopicName", null,
                        "snsTopicARN", null, "includeGlobalServiceEvents", true, "isMultiRegionTrail", t.multiRegion(),
                        "homeRegion", tr.region(), "trailARN", tr.arn(), "logFileValidationEnabled", true,
                        "cloudWatchLogsLogGroupArn", t.logGroupArn(), "cloudWatchLogsRoleArn", t.roleArn(),
                        "kmsKeyId", t.keyArn(), "hasCustomEventSelectors", true, "hasInsightSelectors", false,
                        "isOrganizationTrail", tr.organization()), empty());
    }

    private Item key(Key k) {
        return item("AWS::KMS::Key", k.id(), k.id(), k.arn(), k.account().id(), k.region(), "Regional",
                k.createdMillis(), captured(k.createdMillis()), Map.of(), List.of(),
                obj("aWSAccountId", k.account().id(), "keyId", k.id(), "arn", k.arn(),
                        "creationDate", time(k.createdMillis()), "enabled", true, "description", k.description(),
                        "keyUsage", "ENCRYPT_DECRYPT", "keyState", "Enabled", "origin", "AWS_KMS",
                        "keyManager", "CUSTOMER", "customerMasterKeySpec", "SYMMETRIC_DEFAULT",
                        "keySpec", "SYMMETRIC_DEFAULT", "encryptionAlgorithms", list("SYMMETRIC_DEFAULT"),
                        "multiRegion", false),
                obj("KeyRotationStatus", k.rotation()));
    }

    // ---- VPC ----

    private Item vpc(Vpc v) {
        long created = org.startMillis() - 700 * 86_400_000L;
        String name = v.account().role() + "-" + v.region();
        return item("AWS::EC2::VPC", v.id(), name, v.arn(), v.account().id(), v.region(), "Multiple Availability Zones",
                created, captured(created), Map.of("Name", name), List.of(),
                obj("cidrBlock", v.cidr(), "dhcpOptionsId", "dopt-" + Payloads.stableHex(v.id(), 17),
                        "state", "available", "vpcId", v.id(), "ownerId", v.account().id(),
                        "instanceTenancy", "default", "ipv6CidrBlockAssociationSet", list(),
                        "cidrBlockAssociationSet", list(obj("associationId", "vpc-cidr-assoc-"
                                + Payloads.stableHex(v.id() + "cidr", 17), "cidrBlock", v.cidr(),
                                "cidrBlockState", obj("state", "associated"))),
                        "isDefault", false, "tags", list(obj("key", "Name", "value", name))), empty());
    }

    private Item flowLog(Vpc v) {
        long created = org.startMillis() - 600 * 86_400_000L;
        String destination = v.flowLogBucketArn() + "/" + v.account().id() + "/";
        return item("AWS::EC2::FlowLog", v.flowLogId(), v.flowLogId(),
                "arn:aws:ec2:" + v.region() + ":" + v.account().id() + ":vpc-flow-log/" + v.flowLogId(),
                v.account().id(), v.region(), "Not Applicable", created, captured(created), Map.of(),
                List.of(relationship("AWS::EC2::VPC", v.id(), "Is associated with Vpc")),
                obj("creationTime", time(created), "deliverLogsStatus", "SUCCESS", "flowLogId", v.flowLogId(),
                        "flowLogStatus", "ACTIVE", "resourceId", v.id(), "trafficType", "ALL",
                        "logDestinationType", "s3", "logDestination", destination, "logFormat", FLOW_LOG_FORMAT,
                        "tags", list(), "maxAggregationInterval", 600,
                        "destinationOptions", obj("fileFormat", "plain-text", "hiveCompatiblePartitions", false,
                                "perHourPartition", false)), empty());
    }

    static final String FLOW_LOG_FORMAT = "${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} "
            + "${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status}";

    private Item securityGroup(Vpc v, SecurityGroup g, boolean finalState) {
        Change change = lastChange(g.id());
        long created = org.startMillis() - 650 * 86_400_000L;
        long capture = change != null && finalState ? change.timeMillis() : captured(created);
        Map<String, List<Ingress>> byPort = new LinkedHashMap<>();
        for (Ingress rule : g.ingress()) {
            byPort.computeIfAbsent(rule.protocol() + ":" + rule.from() + ":" + rule.to(), k -> new ArrayList<>())
                    .add(rule);
        }
        List<Obj> permissions = new ArrayList<>();
        for (List<Ingress> rules : byPort.values()) {
            Ingress first = rules.getFirst();
            List<Obj> ranges = new ArrayList<>();
            List<String> plain = new ArrayList<>();
            List<Obj> pairs = new ArrayList<>();
            for (Ingress r : rules) {
                if (r.cidr() != null) {
                    ranges.add(obj("cidrIp", r.cidr(), "description", r.description()));
                    plain.add(r.cidr());
                } else {
                    pairs.add(obj("description", r.description(), "groupId", r.sourceGroup(),
                            "userId", v.account().id()));
                }
            }
            permissions.add(obj("fromPort", first.from(), "ipProtocol", first.protocol(), "ipv6Ranges", list(),
                    "prefixListIds", list(), "toPort", first.to(), "userIdGroupPairs", List.copyOf(pairs),
                    "ipv4Ranges", List.copyOf(ranges), "ipRanges", List.copyOf(plain)));
        }
        Obj egress = obj("ipProtocol", "-1", "ipv6Ranges", list(), "prefixListIds", list(), "userIdGroupPairs", list(),
                "ipv4Ranges", list(obj("cidrIp", "0.0.0.0/0")), "ipRanges", list("0.0.0.0/0"));
        return item("AWS::EC2::SecurityGroup", g.id(), g.name(),
                "arn:aws:ec2:" + v.region() + ":" + v.account().id() + ":security-group/" + g.id(),
                v.account().id(), v.region(), "Not Applicable", created, capture, Map.of(),
                List.of(relationship("AWS::EC2::VPC", v.id(), "Is contained in Vpc")),
                obj("description", g.description(), "groupName", g.name(), "ipPermissions", List.copyOf(permissions),
                        "ownerId", v.account().id(), "groupId", g.id(), "ipPermissionsEgress", list(egress),
                        "tags", list(), "vpcId", v.id()), empty());
    }

    // ---- EBS, RDS, DynamoDB, Backup ----

    private Item volume(Volume v) {
        String instance = "i-" + Payloads.stableHex(v.id() + "instance", 17);
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("Name", v.name());
        tags.put("backup", "daily");
        return item("AWS::EC2::Volume", v.id(), v.name(), v.arn(), v.account().id(), v.region(), v.availabilityZone(),
                v.createdMillis(), captured(v.createdMillis()), tags,
                List.of(relationship("AWS::EC2::Instance", instance, "Is attached to Instance")),
                obj("attachments", list(obj("attachTime", time(v.createdMillis() + 30_000L), "device", "/dev/xvda",
                                "instanceId", instance, "state", "attached", "volumeId", v.id(),
                                "deleteOnTermination", true)),
                        "availabilityZone", v.availabilityZone(), "createTime", time(v.createdMillis()),
                        "encrypted", v.encrypted(), "kmsKeyId", v.kmsKeyArn(), "size", v.sizeGiB(), "snapshotId", "",
                        "state", "in-use", "volumeId", v.id(), "iops", 3000, "tags", List.copyOf(tagList(tags)),
                        "volumeType", "gp3", "fastRestored", false, "multiAttachEnabled", false, "throughput", 125),
                empty());
    }

    private Item database(Database d) {
        String az = d.region() + "a";
        String endpoint = d.id() + "." + Payloads.stableHex(d.account().id(), 12) + "." + d.region()
                + ".rds.amazonaws.com";
        Map<String, String> tags = Map.of("backup", "daily");
        return item("AWS::RDS::DBInstance", d.resourceId(), d.id(), d.arn(), d.account().id(), d.region(), az,
                d.createdMillis(), captured(d.createdMillis()), tags, List.of(
                        relationship("AWS::EC2::SecurityGroup", d.securityGroupId(), "Is associated with SecurityGroup"),
                        relationship("AWS::KMS::Key", d.kmsKeyArn(), "Is associated with KmsKey")),
                obj("dBInstanceIdentifier", d.id(), "dBInstanceClass", "db.t4g.medium", "engine", "postgres",
                        "dBInstanceStatus", "available", "masterUsername", "orders",
                        "endpoint", obj("address", endpoint, "port", 5432, "hostedZoneId", "Z2R2ITUGPM61AM"),
                        "allocatedStorage", 100, "instanceCreateTime", time(d.createdMillis()),
                        "preferredBackupWindow", "03:00-03:30", "backupRetentionPeriod", d.backupRetentionDays(),
                        "dBSecurityGroups", list(), "vpcSecurityGroups", list(obj("vpcSecurityGroupId",
                                d.securityGroupId(), "status", "active")),
                        "dBSubnetGroup", obj("dBSubnetGroupName", d.id() + "-subnets", "vpcId", d.vpcId(),
                                "subnetGroupStatus", "Complete"),
                        "availabilityZone", az, "preferredMaintenanceWindow", "sun:04:00-sun:04:30",
                        "multiAZ", d.multiAz(), "engineVersion", "16.4", "autoMinorVersionUpgrade", true,
                        "publiclyAccessible", d.publiclyAccessible(), "storageType", "gp3",
                        "storageEncrypted", true, "kmsKeyId", d.kmsKeyArn(), "dbiResourceId", d.resourceId(),
                        "cACertificateIdentifier", "rds-ca-rsa2048-g1", "copyTagsToSnapshot", true,
                        "dBInstanceArn", d.arn(), "iAMDatabaseAuthenticationEnabled", true,
                        "deletionProtection", !d.publiclyAccessible(), "monitoringInterval", 60,
                        "performanceInsightsEnabled", true), empty());
    }

    private Item table(Table t) {
        long latest = org.endMillis() - 5 * 60_000L;
        return item("AWS::DynamoDB::Table", t.name(), t.name(), t.arn(), t.account().id(), t.region(), "Regional",
                t.createdMillis(), captured(t.createdMillis()), Map.of(), List.of(),
                obj("attributeDefinitions", list(obj("attributeName", "pk", "attributeType", "S"),
                                obj("attributeName", "sk", "attributeType", "S")),
                        "tableName", t.name(), "keySchema", list(obj("attributeName", "pk", "keyType", "HASH"),
                                obj("attributeName", "sk", "keyType", "RANGE")),
                        "tableStatus", "ACTIVE", "creationDateTime", time(t.createdMillis()),
                        "tableArn", t.arn(), "tableId", Payloads.stableHex(t.arn(), 8) + "-"
                                + Payloads.stableHex(t.arn() + "2", 4) + "-4" + Payloads.stableHex(t.arn() + "3", 3)
                                + "-8" + Payloads.stableHex(t.arn() + "4", 3) + "-" + Payloads.stableHex(t.arn() + "5", 12),
                        "billingModeSummary", obj("billingMode", "PAY_PER_REQUEST"),
                        "sSEDescription", obj("status", "ENABLED", "sSEType", "KMS", "kMSMasterKeyArn", t.kmsKeyArn()),
                        "deletionProtectionEnabled", true),
                obj("ContinuousBackupsDescription", obj("continuousBackupsStatus", t.pitr() ? "ENABLED" : "DISABLED",
                        "pointInTimeRecoveryDescription", t.pitr()
                                ? obj("pointInTimeRecoveryStatus", "ENABLED",
                                "earliestRestorableDateTime", time(latest - 35 * 86_400_000L),
                                "latestRestorableDateTime", time(latest))
                                : obj("pointInTimeRecoveryStatus", "DISABLED")), "Tags", list()));
    }

    static List<String> selectionResources() {
        return List.of("arn:aws:ec2:*:*:volume/*", "arn:aws:rds:*:*:db:*", "arn:aws:dynamodb:*:*:table/*");
    }

    static String backupRoleArn(Account a) {
        return "arn:aws:iam::" + a.id() + ":role/service-role/AWSBackupDefaultServiceRole";
    }

    static String copyVaultArn(BackupPlan p) {
        return "arn:aws:backup:" + p.copyRegion() + ":" + p.account().id() + ":backup-vault:" + p.vault() + "-copy";
    }

    private Item backupPlan(BackupPlan p) {
        List<Obj> copies = p.copyRegion() == null ? List.of()
                : List.of(obj("DestinationBackupVaultArn", copyVaultArn(p),
                "Lifecycle", obj("DeleteAfterDays", p.retentionDays())));
        return item("AWS::Backup::BackupPlan", p.id(), p.name(), p.arn(), p.account().id(), p.region(), "Regional",
                p.createdMillis(), captured(p.createdMillis()), Map.of(), List.of(),
                obj("BackupPlanId", p.id(), "BackupPlanArn", p.arn(), "VersionId", p.versionId(),
                        "BackupPlan", obj("BackupPlanName", p.name(), "BackupPlanRule", list(obj(
                                "RuleName", "daily", "TargetBackupVault", p.vault(),
                                "ScheduleExpression", "cron(0 5 ? * * *)", "StartWindowMinutes", 60,
                                "CompletionWindowMinutes", 180, "EnableContinuousBackup", false,
                                "Lifecycle", obj("DeleteAfterDays", p.retentionDays()),
                                "CopyActions", List.copyOf(copies))), "AdvancedBackupSettings", list())),
                empty());
    }

    private Item backupSelection(BackupPlan p) {
        return item("AWS::Backup::BackupSelection", p.selectionId(), p.name() + "-everything", null,
                p.account().id(), p.region(), "Regional", p.createdMillis(), captured(p.createdMillis()), Map.of(),
                List.of(relationship("AWS::Backup::BackupPlan", p.id(), "Is associated with BackupPlan")),
                obj("Id", p.selectionId(), "BackupPlanId", p.id(), "SelectionId", p.selectionId(),
                        "BackupSelection", obj("SelectionName", p.name() + "-everything",
                                "IamRoleArn", backupRoleArn(p.account()),
                                "Resources", List.copyOf(selectionResources()), "ListOfTags", list(),
                                "NotResources", list(), "Conditions", obj("StringEquals", list(),
                                        "StringNotEquals", list(), "StringLike", list(), "StringNotLike", list()))),
                empty());
    }

    // ---- IAM ----

    /** IAM writes policy documents URL-encoded, and Config keeps them that way. */
    static String urlEncoded(Obj document) {
        return URLEncoder.encode(TreeJson.string(document), StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Item user(User u) {
        List<Obj> attached = new ArrayList<>();
        for (String p : u.managedPolicies()) {
            attached.add(obj("policyName", p, "policyArn", "arn:aws:iam::aws:policy/" + p));
        }
        return item("AWS::IAM::User", u.id(), u.name(), u.arn(), u.account().id(), "global", "Not Applicable",
                u.createdMillis(), captured(u.createdMillis()), Map.of(), List.of(),
                obj("path", "/", "userName", u.name(), "userId", u.id(), "arn", u.arn(),
                        "createDate", time(u.createdMillis()), "userPolicyList", list(), "groupList", list(),
                        "attachedManagedPolicies", List.copyOf(attached), "permissionsBoundary", null, "tags", list()),
                empty());
    }

    private List<Item> roles() {
        List<Item> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Principal p : org.estate().principals()) {
            if (!p.kind().role() || p.arn() == null || !seen.add(p.arn())) {
                continue;
            }
            out.add(role(p));
        }
        return out;
    }

    private Item role(Principal p) {
        String acct = p.account().id();
        Obj trust = switch (p.kind()) {
            case LAMBDA_ROLE -> service("lambda.amazonaws.com");
            case ECS_TASK_ROLE -> service("ecs-tasks.amazonaws.com");
            case CONFIG_ROLE -> service("config.amazonaws.com");
            case SSO_USER -> obj("Version", "2012-10-17", "Statement", list(obj("Effect", "Allow",
                    "Principal", obj("Federated", "arn:aws:iam::" + acct + ":saml-provider/AWSSSO_"
                            + Payloads.stableHex(acct, 16) + "_DO_NOT_DELETE"),
                    "Action", list("sts:AssumeRoleWithSAML", "sts:TagSession"),
                    "Condition", obj("StringEquals", obj("SAML:aud", "https://signin.aws.amazon.com/saml")))));
            default -> obj("Version", "2012-10-17", "Statement", list(obj("Effect", "Allow",
                    "Principal", obj("Federated", "arn:aws:iam::" + acct
                            + ":oidc-provider/token.actions.githubusercontent.com"),
                    "Action", "sts:AssumeRoleWithWebIdentity",
                    "Condition", obj("StringEquals", obj("token.actions.githubusercontent.com:aud", "sts.amazonaws.com"),
                            "StringLike", obj("token.actions.githubusercontent.com:sub",
                                    "repo:" + org.estate().domain().replace(".example", "") + "/*:ref:refs/heads/main")))));
        };
        String path = p.kind() == Principal.Kind.CONFIG_ROLE ? "/aws-service-role/config.amazonaws.com/"
                : p.kind() == Principal.Kind.SSO_USER ? "/aws-reserved/sso.amazonaws.com/" : "/";
        String managed = switch (p.kind()) {
            case LAMBDA_ROLE -> "service-role/AWSLambdaBasicExecutionRole";
            case ECS_TASK_ROLE -> "service-role/AmazonECSTaskExecutionRolePolicy";
            case CONFIG_ROLE -> "aws-service-role/AWSConfigServiceRolePolicy";
            case SSO_USER -> p.name().replaceFirst("^AWSReservedSSO_", "").replaceFirst("_[0-9a-f]{16}$", "");
            default -> "ReadOnlyAccess";
        };
        String managedName = managed.substring(managed.lastIndexOf('/') + 1);
        List<Obj> inline = new ArrayList<>();
        if (p.behaviour().workload() != null) {
            var w = p.behaviour().workload();
            inline.add(obj("policyName", w.name() + "-data", "policyDocument", urlEncoded(obj("Version", "2012-10-17",
                    "Statement", list(obj("Effect", "Allow", "Action", list("s3:GetObject", "s3:PutObject"),
                                    "Resource", w.bucket().arn() + "/" + w.objectPrefix() + "/*"),
                            obj("Effect", "Allow", "Action", list("kms:Decrypt", "kms:GenerateDataKey"),
                                    "Resource", w.kmsKeyArn()))))));
        }
        long created = org.startMillis() - 400 * 86_400_000L - (p.index() % 97) * 86_400_000L;
        List<Obj> attached = new ArrayList<>(List.of(obj("policyName", managedName,
                "policyArn", "arn:aws:iam::aws:policy/" + managed)));
        Change change = lastChange(p.principalId());
        if (change != null && change.what().startsWith("attach ")) {
            String policy = change.what().substring("attach ".length());
            attached.add(obj("policyName", policy, "policyArn", "arn:aws:iam::" + acct + ":policy/" + policy));
        }
        return item("AWS::IAM::Role", p.principalId(), p.name(), p.arn(), acct, "global", "Not Applicable", created,
                change != null ? change.timeMillis() : captured(created), Map.of(), List.of(),
                obj("path", path, "roleName", p.name(), "roleId", p.principalId(), "arn", p.arn(),
                        "createDate", time(created), "assumeRolePolicyDocument", urlEncoded(trust),
                        "instanceProfileList", list(), "rolePolicyList", List.copyOf(inline),
                        "attachedManagedPolicies", List.copyOf(attached),
                        "permissionsBoundary", null, "tags", list(), "roleLastUsed", null), empty());
    }

    private static Obj service(String principal) {
        return obj("Version", "2012-10-17", "Statement", list(obj("Effect", "Allow",
                "Principal", obj("Service", principal), "Action", "sts:AssumeRole")));
    }
}
