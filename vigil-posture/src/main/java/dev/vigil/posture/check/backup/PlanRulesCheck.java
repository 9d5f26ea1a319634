package dev.vigil.posture.check.backup;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.Severity;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckMetadata;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.Exported;
import dev.vigil.posture.check.InventoryScope;
import dev.vigil.posture.check.Remediation;
import dev.vigil.posture.check.Verdicts;
import dev.vigil.posture.inventory.Resource;
import dev.vigil.posture.supplement.SupplementDoc;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * backup.plan_rules: every rule of every AWS Backup plan runs at least daily, keeps recovery points at least the
 * policy's {@code min-backup-retention-days} (or indefinitely), and copies them to a vault in another region.
 *
 * <p>Plans come from AWS::Backup::BackupPlan Config items, else from {@code backup get-backup-plan.<PlanId>}
 * exports; a plan listed by {@code list-backup-plans} with neither is ERROR naming the export to add. The copy
 * requirement is per rule, so every recovery point has an off-region twin.
 */
final class PlanRulesCheck implements Check {

    static final String PLAN = "AWS::Backup::BackupPlan";

    static final CheckMetadata METADATA = new CheckMetadata(
            "backup.plan_rules",
            "AWS Backup plan rules run daily, keep backups long enough and copy them to another region",
            "Resilience", Severity.MEDIUM, PLAN,
            "A backup plan protects only as well as its rules: backups taken less than daily lose more than a day "
                    + "of data, short retention loses the recovery point before a slow-burning incident is noticed, "
                    + "and backups kept only in the source region share that region's outages and its attackers. "
                    + "Each rule is judged on its own, so every recovery point has a copy in another region.",
            new Remediation("Give each rule a daily (or more frequent) schedule, a DeleteAfterDays of at least the "
                    + "required retention, and a copy action to a vault in another region.",
                    """
                    aws backup get-backup-plan --backup-plan-id <plan-id> --query BackupPlan > plan.json
                    # in plan.json give each rule "ScheduleExpression": "cron(0 5 ? * * *)", "Lifecycle": {"DeleteAfterDays": 35}
                    # and "CopyActions": [{"DestinationBackupVaultArn": "arn:aws:backup:<other-region>:<account>:backup-vault:<vault>"}]
                    aws backup update-backup-plan --backup-plan-id <plan-id> --backup-plan file://plan.json
                    """,
                    """
                    Plan:
                      Type: AWS::Backup::BackupPlan
                      Properties:
                        BackupPlan:
                          BackupPlanName: daily
                          BackupPlanRule:
                            - RuleName: daily
                              TargetBackupVault: !Ref Vault
                              ScheduleExpression: cron(0 5 ? * * *)
                              Lifecycle: { DeleteAfterDays: 35 }
                              CopyActions:
                                - DestinationBackupVaultArn: arn:aws:backup:<other-region>:<account>:backup-vault:<vault>
                    """,
                    """
                    resource "aws_backup_plan" "daily" {
                      name = "daily"
                      rule {
                        rule_name         = "daily"
                        target_vault_name = aws_backup_vault.main.name
                        schedule          = "cron(0 5 ? * * *)"
                        lifecycle { delete_after = 35 }
                        copy_action { destination_vault_arn = aws_backup_vault.other_region.arn }
                      }
                    }
                    """),
            List.of("config:BatchGetResourceConfig", "backup:ListBackupPlans", "backup:GetBackupPlan"));

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<CheckResult> evaluate(Estate estate) {
        Verdicts v = new Verdicts(METADATA);
        int minDays = estate.policy().minBackupRetentionDays();
        List<CheckResult> out = new ArrayList<>();
        for (String account : estate.accounts()) {
            int before = out.size();
            Set<String> judged = new HashSet<>();
            for (Resource item : estate.inventory().ofType(PLAN, account).toList()) {
                String id = item.config("BackupPlanId").asText(item.id());
                judged.add(item.region() + "/" + id);
                BackupPlan plan = BackupPlan.of(id, item.region(), item.config("BackupPlan"));
                Verdict verdict = judge(plan, minDays);
                out.add(v.of(verdict.status(), item, verdict.reason()));
            }
            for (SupplementDoc doc : estate.supplements().all("backup", "get-backup-plan")) {
                if (!doc.account().equals(account) || !(Exported.of(doc) instanceof Exported.Present p)) {
                    continue;
                }
                String id = p.body().path("BackupPlanId").asText(doc.subject());
                if (!judged.add(doc.region() + "/" + id)) {
                    continue;
                }
                BackupPlan plan = BackupPlan.of(id, doc.region(), p.body().path("BackupPlan"));
                Verdict verdict = judge(plan, minDays);
                out.add(v.named(verdict.status(), account, doc.region(), PLAN, planName(p.body(), id), verdict.reason()));
            }
            for (SupplementDoc list : estate.supplements().all("backup", "list-backup-plans")) {
                if (!list.account().equals(account)) {
                    continue;
                }
                for (JsonNode entry : list.body().path("BackupPlansList")) {
                    String id = entry.path("BackupPlanId").asText("");
                    if (id.isBlank() || !judged.add(list.region() + "/" + id)) {
                        continue;
                    }
                    Exported detail = Exported.lookup(estate, account, list.region(), "backup", "get-backup-plan", id);
                    out.add(v.named(CheckStatus.ERROR, account, list.region(), PLAN, planName(entry, id),
                            Verdicts.unavailableReason(detail)));
                }
            }
            if (out.size() == before) {
                boolean listed = estate.supplements().all("backup", "list-backup-plans").stream()
                        .anyMatch(d -> d.account().equals(account) && Exported.of(d) instanceof Exported.Present);
                out.add(listed ? v.scope(CheckStatus.NOT_APPLICABLE, account, "", "The account's exports list no AWS "
                        + "Backup plans, so there is nothing to judge (ebs.backup_coverage reports unprotected volumes).")
                        : InventoryScope.nothingToJudge(estate, v, account, "AWS Backup plans"));
            }
        }
        return out;
    }

    private static String planName(JsonNode body, String id) {
        String arn = body.path("BackupPlanArn").asText("");
        return arn.isBlank() ? "backup-plan/" + id : arn;
    }

    record Verdict(CheckStatus status, String reason) {
    }

    /** FAIL naming every shortfall; ERROR only when nothing definite is wrong but a schedule cannot be read. */
    static Verdict judge(BackupPlan plan, int minDays) {
        if (plan.rules().isEmpty()) {
            return new Verdict(CheckStatus.FAIL, "The plan has no rules, so it backs nothing up.");
        }
        List<String> problems = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (BackupPlan.Rule rule : plan.rules()) {
            String name = "rule '" + Verdicts.clip(rule.name()) + "'";
            if (rule.schedule().isBlank()) {
                problems.add(name + " has no schedule");
            } else {
                switch (BackupSchedule.of(rule.schedule())) {
                    case LESS_OFTEN -> problems.add(name + " runs less than daily (" + Verdicts.clip(rule.schedule()) + ")");
                    case UNREADABLE -> unreadable.add(name + " (" + Verdicts.clip(rule.schedule()) + ")");
                    case AT_LEAST_DAILY -> { }
                }
            }
            if (rule.deleteAfterDays() != null && rule.deleteAfterDays() < minDays) {
                problems.add(name + " keeps recovery points " + rule.deleteAfterDays() + " days (policy: " + minDays + ")");
            }
            boolean offRegion = rule.copyDestinations().stream()
                    .map(BackupPlan::vaultRegion).anyMatch(r -> !r.isBlank() && !r.equals(plan.region()));
            if (!offRegion) {
                problems.add(name + (rule.copyDestinations().isEmpty() ? " has no copy action"
                        : " copies only within " + plan.region()));
            }
        }
        if (!problems.isEmpty()) {
            return new Verdict(CheckStatus.FAIL, "In plan '" + Verdicts.clip(plan.name()) + "', "
                    + String.join("; ", problems.stream().limit(4).toList())
                    + (problems.size() > 4 ? "; and " + (problems.size() - 4) + " more" : "") + ".");
        }
        if (!unreadable.isEmpty()) {
            return new Verdict(CheckStatus.ERROR, "Not judged: the schedule of " + String.join(", ", unreadable)
                    + " is not a cron() or rate() expression Vigil can read; check its frequency by hand.");
        }
        return new Verdict(CheckStatus.PASS, "Every rule of plan '" + Verdicts.clip(plan.name()) + "' runs at least "
                + "daily, keeps recovery points at least " + minDays + " days and copies them to another region.");
    }
}
