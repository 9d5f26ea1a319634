package dev.vigil.sim;

import dev.vigil.sim.Estate.Account;
import dev.vigil.sim.Json.Obj;
import dev.vigil.sim.PostureOrg.BackupPlan;
import dev.vigil.sim.PostureOrg.Database;
import dev.vigil.sim.PostureOrg.Table;
import dev.vigil.sim.PostureOrg.Volume;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.vigil.sim.Json.empty;
import static dev.vigil.sim.Json.list;
import static dev.vigil.sim.Json.obj;

/**
 * Where data lives and how it is backed up: EBS volumes, RDS instances, DynamoDB tables (point-in-time recovery in
 * the supplementary configuration), and AWS Backup plans and selections (CloudFormation-style PascalCase).
 */
final class DataItems {

    private final PostureOrg org;

    DataItems(PostureOrg org) {
        this.org = org;
    }

    ConfigItem volume(Volume v) {
        String instance = "i-" + Payloads.stableHex(v.id() + "instance", 17);
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("Name", v.name());
        tags.put("backup", "daily");
        return ConfigItem.of("AWS::EC2::Volume", v.id(), v.name(), v.arn(), v.account().id(), v.region(), v.availabilityZone(),
                v.createdMillis(), ConfigItem.captured(v.createdMillis()), tags,
                List.of(ConfigItem.relationship("AWS::EC2::Instance", instance, "Is attached to Instance")),
                obj("attachments", list(obj("attachTime", ConfigItem.time(v.createdMillis() + 30_000L), "device", "/dev/xvda",
                                "instanceId", instance, "state", "attached", "volumeId", v.id(),
                                "deleteOnTermination", true)),
                        "availabilityZone", v.availabilityZone(), "createTime", ConfigItem.time(v.createdMillis()),
                        "encrypted", v.encrypted(), "kmsKeyId", v.kmsKeyArn(), "size", v.sizeGiB(), "snapshotId", "",
                        "state", "in-use", "volumeId", v.id(), "iops", 3000, "tags", List.copyOf(ConfigItem.tagList(tags)),
                        "volumeType", "gp3", "fastRestored", false, "multiAttachEnabled", false, "throughput", 125),
                empty());
    }

    ConfigItem database(Database d) {
        String az = d.region() + "a";
        String endpoint = d.id() + "." + Payloads.stableHex(d.account().id(), 12) + "." + d.region()
                + ".rds.amazonaws.com";
        Map<String, String> tags = Map.of("backup", "daily");
        return ConfigItem.of("AWS::RDS::DBInstance", d.resourceId(), d.id(), d.arn(), d.account().id(), d.region(), az,
                d.createdMillis(), ConfigItem.captured(d.createdMillis()), tags, List.of(
                        ConfigItem.relationship("AWS::EC2::SecurityGroup", d.securityGroupId(), "Is associated with SecurityGroup"),
                        ConfigItem.relationship("AWS::KMS::Key", d.kmsKeyArn(), "Is associated with KmsKey")),
                obj("dBInstanceIdentifier", d.id(), "dBInstanceClass", "db.t4g.medium", "engine", "postgres",
                        "dBInstanceStatus", "available", "masterUsername", "orders",
                        "endpoint", obj("address", endpoint, "port", 5432, "hostedZoneId", "Z2R2ITUGPM61AM"),
                        "allocatedStorage", 100, "instanceCreateTime", ConfigItem.time(d.createdMillis()),
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

    ConfigItem table(Table t) {
        long latest = org.endMillis() - 5 * 60_000L;
        return ConfigItem.of("AWS::DynamoDB::Table", t.name(), t.name(), t.arn(), t.account().id(), t.region(), "Regional",
                t.createdMillis(), ConfigItem.captured(t.createdMillis()), Map.of(), List.of(),
                obj("attributeDefinitions", list(obj("attributeName", "pk", "attributeType", "S"),
                                obj("attributeName", "sk", "attributeType", "S")),
                        "tableName", t.name(), "keySchema", list(obj("attributeName", "pk", "keyType", "HASH"),
                                obj("attributeName", "sk", "keyType", "RANGE")),
                        "tableStatus", "ACTIVE", "creationDateTime", ConfigItem.time(t.createdMillis()),
                        "tableArn", t.arn(), "tableId", Payloads.stableHex(t.arn(), 8) + "-"
                                + Payloads.stableHex(t.arn() + "2", 4) + "-4" + Payloads.stableHex(t.arn() + "3", 3)
                                + "-8" + Payloads.stableHex(t.arn() + "4", 3) + "-" + Payloads.stableHex(t.arn() + "5", 12),
                        "billingModeSummary", obj("billingMode", "PAY_PER_REQUEST"),
                        "sSEDescription", obj("status", "ENABLED", "sSEType", "KMS", "kMSMasterKeyArn", t.kmsKeyArn()),
                        "deletionProtectionEnabled", true),
                obj("ContinuousBackupsDescription", obj("continuousBackupsStatus", t.pitr() ? "ENABLED" : "DISABLED",
                        "pointInTimeRecoveryDescription", t.pitr()
                                ? obj("pointInTimeRecoveryStatus", "ENABLED",
                                "earliestRestorableDateTime", ConfigItem.time(latest - 35 * 86_400_000L),
                                "latestRestorableDateTime", ConfigItem.time(latest))
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

    ConfigItem backupPlan(BackupPlan p) {
        List<Obj> copies = p.copyRegion() == null ? List.of()
                : List.of(obj("DestinationBackupVaultArn", copyVaultArn(p),
                "Lifecycle", obj("DeleteAfterDays", p.retentionDays())));
        return ConfigItem.of("AWS::Backup::BackupPlan", p.id(), p.name(), p.arn(), p.account().id(), p.region(), "Regional",
                p.createdMillis(), ConfigItem.captured(p.createdMillis()), Map.of(), List.of(),
                obj("BackupPlanId", p.id(), "BackupPlanArn", p.arn(), "VersionId", p.versionId(),
                        "BackupPlan", obj("BackupPlanName", p.name(), "BackupPlanRule", list(obj(
                                "RuleName", "daily", "TargetBackupVault", p.vault(),
                                "ScheduleExpression", "cron(0 5 ? * * *)", "StartWindowMinutes", 60,
                                "CompletionWindowMinutes", 180, "EnableContinuousBackup", false,
                                "Lifecycle", obj("DeleteAfterDays", p.retentionDays()),
                                "CopyActions", List.copyOf(copies))), "AdvancedBackupSettings", list())),
                empty());
    }

    ConfigItem backupSelection(BackupPlan p) {
        return ConfigItem.of("AWS::Backup::BackupSelection", p.selectionId(), p.name() + "-everything", null,
                p.account().id(), p.region(), "Regional", p.createdMillis(), ConfigItem.captured(p.createdMillis()), Map.of(),
                List.of(ConfigItem.relationship("AWS::Backup::BackupPlan", p.id(), "Is associated with BackupPlan")),
                obj("Id", p.selectionId(), "BackupPlanId", p.id(), "SelectionId", p.selectionId(),
                        "BackupSelection", obj("SelectionName", p.name() + "-everything",
                                "IamRoleArn", backupRoleArn(p.account()),
                                "Resources", List.copyOf(selectionResources()), "ListOfTags", list(),
                                "NotResources", list(), "Conditions", obj("StringEquals", list(),
                                        "StringNotEquals", list(), "StringLike", list(), "StringNotLike", list()))),
                empty());
    }
}
