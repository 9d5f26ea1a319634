package dev.vigil.posture.check.ebs;

import dev.vigil.model.Severity;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckMetadata;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.Exported;
import dev.vigil.posture.check.Remediation;
import dev.vigil.posture.check.Verdicts;
import dev.vigil.posture.check.backup.BackupSelection;
import dev.vigil.posture.check.backup.BackupSelections;
import dev.vigil.posture.inventory.Resource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ebs.backup_coverage: every attached (in-use) EBS volume is backed up, by an AWS Backup selection that picks the
 * volume or its instance (by ARN pattern or tag), or by an enabled DLM policy targeting the volume or its instance.
 * "Not covered" is concluded only when both the AWS Backup and DLM data for the region are complete.
 */
final class BackupCoverageCheck implements Check {

    static final CheckMetadata METADATA = new CheckMetadata(
            "ebs.backup_coverage",
            "Attached EBS volumes are covered by AWS Backup or a DLM policy",
            "Resilience", Severity.MEDIUM, EbsChecks.VOLUME,
            "A volume without scheduled snapshots has no recovery point when it is corrupted, deleted or encrypted "
                    + "by ransomware. Coverage by a backup plan or lifecycle policy makes recovery a routine restore.",
            new Remediation("Assign the volume (or its instance) to an AWS Backup plan, for example by a tag the "
                    + "plan's selection matches, or target it with a DLM snapshot policy.",
                    """
                    aws ec2 create-tags --resources <volume-id> --tags Key=backup,Value=daily
                    aws backup create-backup-selection --backup-plan-id <plan-id> --backup-selection '{"SelectionName":"tagged","IamRoleArn":"<role-arn>","ListOfTags":[{"ConditionType":"STRINGEQUALS","ConditionKey":"backup","ConditionValue":"daily"}]}'
                    """,
                    """
                    Selection:
                      Type: AWS::Backup::BackupSelection
                      Properties:
                        BackupPlanId: !Ref Plan
                        BackupSelection:
                          SelectionName: tagged
                          IamRoleArn: <role-arn>
                          ListOfTags:
                            - { ConditionType: STRINGEQUALS, ConditionKey: backup, ConditionValue: daily }
                    """,
                    """
                    resource "aws_backup_selection" "tagged" {
                      plan_id      = aws_backup_plan.daily.id
                      name         = "tagged"
                      iam_role_arn = aws_iam_role.backup.arn
                      selection_tag {
                        type  = "STRINGEQUALS"
                        key   = "backup"
                        value = "daily"
                      }
                    }
                    """),
            List.of("config:BatchGetResourceConfig", "backup:ListBackupPlans", "backup:ListBackupSelections",
                    "backup:GetBackupSelection", "dlm:GetLifecyclePolicies", "dlm:GetLifecyclePolicy"));

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<CheckResult> evaluate(Estate estate) {
        Verdicts v = new Verdicts(METADATA);
        Map<String, BackupSelections> selections = new HashMap<>();
        Map<String, DlmPolicies> dlm = new HashMap<>();
        return EbsChecks.eachVolume(estate, v, volume -> {
            String scope = volume.account() + "/" + volume.region();
            return judge(estate, v, volume,
                    selections.computeIfAbsent(scope, s -> BackupSelections.of(estate, volume.account(), volume.region())),
                    dlm.computeIfAbsent(scope, s -> DlmPolicies.of(estate, volume.account(), volume.region())));
        });
    }

    private static CheckResult judge(Estate estate, Verdicts v, Resource volume, BackupSelections selections,
                                     DlmPolicies dlm) {
        List<String> instances = EbsChecks.attachedInstances(volume);
        String state = EbsChecks.state(volume);
        if (!state.equalsIgnoreCase("in-use") && instances.isEmpty()) {
            return v.notApplicable(volume, "The volume is not attached (state '" + Verdicts.clip(state) + "'), so it holds no live data to back up.");
        }
        String arn = volume.arn().isBlank()
                ? "arn:aws:ec2:" + volume.region() + ":" + volume.account() + ":volume/" + volume.id() : volume.arn();
        List<String> instanceArns = new ArrayList<>();
        List<Map<String, String>> instanceTags = new ArrayList<>();
        for (String id : instances) {
            Optional<Resource> instance = estate.inventory().byId("AWS::EC2::Instance", id);
            instanceArns.add(instance.map(Resource::arn).filter(a -> !a.isBlank())
                    .orElse("arn:aws:ec2:" + volume.region() + ":" + volume.account() + ":instance/" + id));
            instanceTags.add(instance.map(Resource::tags).orElse(Map.of()));
        }
        for (BackupSelection s : selections.selections()) {
            boolean viaInstance = false;
            for (int i = 0; i < instanceArns.size() && !viaInstance; i++) {
                viaInstance = s.selects(instanceArns.get(i), instanceTags.get(i));
            }
            if (s.selects(arn, volume.tags()) || viaInstance) {
                return v.pass(volume, "AWS Backup selection '" + Verdicts.clip(s.name()) + "' of plan "
                        + Verdicts.clip(s.planId()) + " covers the volume" + (viaInstance ? " through its instance." : "."));
            }
        }
        for (DlmPolicies.Policy p : dlm.policies()) {
            if (p.covers(volume.tags(), instanceTags)) {
                return v.pass(volume, "DLM policy " + Verdicts.clip(p.id()) + " snapshots the volume.");
            }
        }
        List<Exported> gaps = new ArrayList<>(selections.gaps());
        gaps.addAll(dlm.gaps());
        if (!gaps.isEmpty()) {
            return v.error(volume, "Not judged: no backup of the volume appears in the data given, but it is incomplete ("
                    + Verdicts.unavailableReason(gaps.get(0)).replaceFirst("^Not judged: ", "")
                    .replaceFirst("\\.$", "") + ").");
        }
        return v.fail(volume, "The attached volume is in no AWS Backup selection and no enabled DLM policy.");
    }
}
