package dev.vigil.sim;

import dev.vigil.sim.Estate.Account;
import dev.vigil.sim.Json.Obj;
import dev.vigil.sim.PostureOrg.BackupPlan;
import dev.vigil.sim.PostureOrg.Key;
import dev.vigil.sim.PostureOrg.Vpc;

import java.util.ArrayList;
import java.util.List;

import static dev.vigil.sim.CliExportSink.cliTime;
import static dev.vigil.sim.Json.empty;
import static dev.vigil.sim.Json.list;
import static dev.vigil.sim.Json.obj;

/**
 * The resource-level exports of one account and region: AWS Backup plans and selections, Data Lifecycle Manager
 * policies, KMS key policies and rotation status per customer key, and EC2's region list, default EBS encryption
 * and flow logs.
 */
final class ResourceExports {

    private static final long DAY = 86_400_000L;
    private final PostureOrg org;
    private final CliExportSink sink;

    ResourceExports(PostureOrg org, CliExportSink sink) {
        this.org = org;
        this.sink = sink;
    }

    void write(Account a, String region) {
        backup(a, region);
        kms(a, region);
        ec2(a, region);
    }

    private void backup(Account a, String region) {
        List<BackupPlan> plans = org.plans().stream().filter(p -> p.account().equals(a) && p.region().equals(region))
                .toList();
        List<Obj> list = new ArrayList<>();
        for (BackupPlan p : plans) {
            list.add(obj("BackupPlanArn", p.arn(), "BackupPlanId", p.id(), "CreationDate", cliTime(p.createdMillis()),
                    "VersionId", p.versionId(), "BackupPlanName", p.name(),
                    "LastExecutionDate", cliTime(org.endMillis() - (org.endMillis() % DAY) + 5 * 3_600_000L - DAY)));
        }
        sink.put(a.id(), region, "backup", "list-backup-plans", null, obj("BackupPlansList", List.copyOf(list)));
        for (BackupPlan p : plans) {
            List<Object> rule = new ArrayList<>(List.of("RuleName", "daily", "TargetBackupVaultName", p.vault(),
                    "ScheduleExpression", "cron(0 5 ? * * *)", "StartWindowMinutes", 60,
                    "CompletionWindowMinutes", 180, "Lifecycle", obj("DeleteAfterDays", p.retentionDays()),
                    "RuleId", p.ruleId()));
            if (p.copyRegion() != null) {
                rule.add("CopyActions");
                rule.add(list(obj("Lifecycle", obj("DeleteAfterDays", p.retentionDays()),
                        "DestinationBackupVaultArn", DataItems.copyVaultArn(p))));
            }
            rule.add("ScheduleExpressionTimezone");
            rule.add("Etc/UTC");
            sink.put(a.id(), region, "backup", "get-backup-plan", p.id(), obj("BackupPlan", obj("BackupPlanName", p.name(),
                            "Rules", list(obj(rule.toArray()))), "BackupPlanId", p.id(), "BackupPlanArn", p.arn(),
                    "VersionId", p.versionId(), "CreationDate", cliTime(p.createdMillis())));
            String selection = p.name() + "-everything";
            sink.put(a.id(), region, "backup", "list-backup-selections", p.id(), obj("BackupSelectionsList", list(obj(
                    "SelectionId", p.selectionId(), "SelectionName", selection, "BackupPlanId", p.id(),
                    "CreationDate", cliTime(p.createdMillis()), "IamRoleArn", DataItems.backupRoleArn(a)))));
            sink.put(a.id(), region, "backup", "get-backup-selection", p.id() + "." + p.selectionId(), obj(
                    "BackupSelection", obj("SelectionName", selection, "IamRoleArn", DataItems.backupRoleArn(a),
                            "Resources", List.copyOf(DataItems.selectionResources()), "ListOfTags", list(),
                            "NotResources", list(), "Conditions", obj("StringEquals", list(), "StringNotEquals", list(),
                                    "StringLike", list(), "StringNotLike", list())),
                    "SelectionId", p.selectionId(), "BackupPlanId", p.id(), "CreationDate", cliTime(p.createdMillis())));
        }
        List<Obj> dlm = new ArrayList<>();
        if (a.role().equals("prod") && region.equals(Estate.HOME_REGION)) {
            dlm.add(obj("PolicyId", "policy-" + Payloads.stableHex(a.id() + "dlm", 17),
                    "Description", "Hourly snapshots of the cluster hosts' volumes", "State", "ENABLED",
                    "Tags", empty(), "PolicyType", "EBS_SNAPSHOT_MANAGEMENT"));
        }
        sink.put(a.id(), region, "dlm", "get-lifecycle-policies", null, obj("Policies", List.copyOf(dlm)));
    }

    private void kms(Account a, String region) {
        for (Key k : org.keys()) {
            if (!k.account().equals(a) || !k.region().equals(region)) {
                continue;
            }
            List<Obj> statements = new ArrayList<>();
            statements.add(obj("Sid", "Enable IAM User Permissions", "Effect", "Allow",
                    "Principal", obj("AWS", "arn:aws:iam::" + a.id() + ":root"), "Action", "kms:*", "Resource", "*"));
            boolean trailKey = org.trails().stream().anyMatch(t -> t.keyArn().equals(k.arn()));
            if (trailKey) {
                statements.add(obj("Sid", "Allow CloudTrail to encrypt logs", "Effect", "Allow",
                        "Principal", obj("Service", "cloudtrail.amazonaws.com"), "Action", "kms:GenerateDataKey*",
                        "Resource", "*", "Condition", obj("StringLike", obj("kms:EncryptionContext:aws:cloudtrail:arn",
                                "arn:aws:cloudtrail:*:" + a.id() + ":trail/*"))));
            }
            sink.put(a.id(), region, "kms", "get-key-policy", k.id(), obj("Policy", TreeJson.string(obj(
                    "Version", "2012-10-17", "Id", "key-default-1", "Statement", List.copyOf(statements))),
                    "PolicyName", "default"));
            Obj rotation = k.rotation()
                    ? obj("KeyRotationEnabled", true, "KeyId", k.arn(), "RotationPeriodInDays", 365,
                    "NextRotationDate", cliTime(k.createdMillis() + ((org.endMillis() - k.createdMillis()) / (365 * DAY)
                            + 1) * 365 * DAY))
                    : obj("KeyRotationEnabled", false, "KeyId", k.arn());
            sink.put(a.id(), region, "kms", "get-key-rotation-status", k.id(), rotation);
        }
    }

    private void ec2(Account a, String region) {
        List<Obj> regions = new ArrayList<>();
        for (String r : org.regions()) {
            regions.add(obj("OptInStatus", "opt-in-not-required", "RegionName", r, "Endpoint", "ec2." + r + ".amazonaws.com"));
        }
        for (String r : PostureOrg.NOT_OPTED_IN) {
            regions.add(obj("OptInStatus", "not-opted-in", "RegionName", r, "Endpoint", "ec2." + r + ".amazonaws.com"));
        }
        sink.put(a.id(), region, "ec2", "describe-regions", null, obj("Regions", List.copyOf(regions)));
        sink.put(a.id(), region, "ec2", "get-ebs-encryption-by-default", null, obj("EbsEncryptionByDefault", true,
                "SseType", "sse-ebs"));
        List<Obj> flowLogs = new ArrayList<>();
        for (Vpc v : org.vpcs()) {
            if (v.account().equals(a) && v.region().equals(region) && v.flowLogId() != null) {
                flowLogs.add(obj("CreationTime", cliTime(org.startMillis() - 600 * DAY), "DeliverLogsStatus", "SUCCESS",
                        "FlowLogId", v.flowLogId(), "FlowLogStatus", "ACTIVE", "ResourceId", v.id(),
                        "TrafficType", "ALL", "LogDestinationType", "s3",
                        "LogDestination", v.flowLogBucketArn() + "/" + a.id() + "/",
                        "LogFormat", FlowLogFormat.of(v).logFormat(), "Tags", list(), "MaxAggregationInterval", 600,
                        "DestinationOptions", obj("FileFormat", "plain-text", "HiveCompatiblePartitions", false,
                                "PerHourPartition", false)));
            }
        }
        sink.put(a.id(), region, "ec2", "describe-flow-logs", null, obj("FlowLogs", List.copyOf(flowLogs)));
    }
}
