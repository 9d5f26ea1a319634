package dev.vigil.posture.check.backup;

import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.EstateFixture;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BackupChecksTest {

    static final String ACCT = "111111111111";
    static final String REGION = "us-east-1";
    static final String OTHER_VAULT = "arn:aws:backup:eu-west-1:111111111111:backup-vault:dr";
    static final String SAME_VAULT = "arn:aws:backup:us-east-1:111111111111:backup-vault:local";

    static String rule(String name, String schedule, Integer days, String copyVault) {
        return "{\"RuleName\":\"" + name + "\",\"TargetBackupVault\":\"main\",\"ScheduleExpression\":\"" + schedule + "\""
                + (days == null ? "" : ",\"Lifecycle\":{\"DeleteAfterDays\":" + days + "}")
                + (copyVault == null ? "" : ",\"CopyActions\":[{\"DestinationBackupVaultArn\":\"" + copyVault + "\"}]") + "}";
    }

    static EstateFixture configPlan(String... rules) {
        return new EstateFixture().resource("AWS::Backup::BackupPlan", "plan-1", ACCT, REGION,
                "{\"BackupPlanId\":\"plan-1\",\"BackupPlan\":{\"BackupPlanName\":\"daily\",\"BackupPlanRule\":["
                        + String.join(",", rules) + "]}}");
    }

    static CheckResult only(EstateFixture f) {
        List<CheckResult> results = new PlanRulesCheck().evaluate(f.estate());
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    @Test
    void aDailyRetainedCopiedPlanPasses() {
        CheckResult r = only(configPlan(rule("daily", "cron(0 5 ? * * *)", 35, OTHER_VAULT),
                rule("forever", "rate(12 hours)", null, OTHER_VAULT)));
        assertThat(r.status()).isEqualTo(CheckStatus.PASS);
        assertThat(r.resourceType()).isEqualTo("AWS::Backup::BackupPlan");
    }

    @Test
    void eachShortfallIsNamed() {
        CheckResult r = only(configPlan(rule("weekly", "cron(0 5 ? * MON *)", 35, OTHER_VAULT),
                rule("short", "cron(0 5 * * ? *)", 3, OTHER_VAULT),
                rule("local", "cron(0 5 * * ? *)", 35, SAME_VAULT),
                rule("nocopy", "cron(0 5 * * ? *)", 35, null)));
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.reason()).contains("'weekly' runs less than daily")
                .contains("'short' keeps recovery points 3 days (policy: 7)")
                .contains("'local' copies only within us-east-1")
                .contains("'nocopy' has no copy action");
    }

    @Test
    void anUnreadableScheduleIsAnErrorNotAFailure() {
        CheckResult r = only(configPlan(rule("odd", "at(2026-01-01T00:00:00)", 35, OTHER_VAULT)));
        assertThat(r.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(r.reason()).contains("odd");
    }

    @Test
    void plansAreReadFromGetBackupPlanExportsAndListedPlansWithoutDetailAreErrors() {
        EstateFixture f = new EstateFixture()
                .export(ACCT, REGION, "backup", "list-backup-plans",
                        "{\"BackupPlansList\":[{\"BackupPlanId\":\"p-1\"},{\"BackupPlanId\":\"p-2\",\"BackupPlanArn\":\"arn:aws:backup:us-east-1:111111111111:backup-plan:p-2\"}]}")
                .export(ACCT, REGION, "backup", "get-backup-plan", "p-1",
                        "{\"BackupPlanId\":\"p-1\",\"BackupPlanArn\":\"arn:aws:backup:us-east-1:111111111111:backup-plan:p-1\","
                                + "\"BackupPlan\":{\"BackupPlanName\":\"api\",\"Rules\":[" + rule("r", "cron(0 5 ? * * *)", 10, OTHER_VAULT) + "]}}");
        List<CheckResult> results = new PlanRulesCheck().evaluate(f.estate());
        assertThat(results).extracting(CheckResult::resource, CheckResult::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("arn:aws:backup:us-east-1:111111111111:backup-plan:p-1", CheckStatus.PASS),
                org.assertj.core.groups.Tuple.tuple("arn:aws:backup:us-east-1:111111111111:backup-plan:p-2", CheckStatus.ERROR));
        assertThat(results.get(1).reason()).contains("backup.get-backup-plan.p-2.json");
    }

    @Test
    void anAccountWithoutPlansIsNotApplicable() {
        CheckResult r = only(new EstateFixture().export(ACCT, REGION, "backup", "list-backup-plans", "{\"BackupPlansList\":[]}"));
        assertThat(r.status()).isEqualTo(CheckStatus.NOT_APPLICABLE);
    }

    @Test
    void schedulesAreReadAsCronOrRate() {
        assertThat(BackupSchedule.of("cron(0 5 ? * * *)")).isEqualTo(BackupSchedule.AT_LEAST_DAILY);
        assertThat(BackupSchedule.of("cron(0 */4 * * ? *)")).isEqualTo(BackupSchedule.AT_LEAST_DAILY);
        assertThat(BackupSchedule.of("cron(0 5 ? * MON-FRI *)")).isEqualTo(BackupSchedule.LESS_OFTEN);
        assertThat(BackupSchedule.of("cron(0 5 1 * ? *)")).isEqualTo(BackupSchedule.LESS_OFTEN);
        assertThat(BackupSchedule.of("rate(1 day)")).isEqualTo(BackupSchedule.AT_LEAST_DAILY);
        assertThat(BackupSchedule.of("rate(30 minutes)")).isEqualTo(BackupSchedule.AT_LEAST_DAILY);
        assertThat(BackupSchedule.of("rate(2 days)")).isEqualTo(BackupSchedule.LESS_OFTEN);
        assertThat(BackupSchedule.of("cron(0 5 * *)")).isEqualTo(BackupSchedule.UNREADABLE);
        assertThat(BackupSchedule.of(null)).isEqualTo(BackupSchedule.UNREADABLE);
    }

    @Test
    void selectionsCombineResourcesTagsConditionsAndExclusions() {
        BackupSelection s = BackupSelection.of("plan", EstateFixture.json("""
                {"SelectionName":"s","Resources":["arn:aws:ec2:*:*:volume/*"],"NotResources":["arn:aws:ec2:*:*:volume/vol-skip"],
                 "ListOfTags":[{"ConditionType":"STRINGEQUALS","ConditionKey":"backup","ConditionValue":"yes"}],
                 "Conditions":{"StringLike":[{"ConditionKey":"aws:ResourceTag/env","ConditionValue":"prod*"}]}}"""));
        String vol = "arn:aws:ec2:us-east-1:111111111111:volume/vol-1";
        assertThat(s.selects(vol, Map.of("env", "production"))).isTrue();
        assertThat(s.selects(vol, Map.of("env", "dev"))).isFalse();
        assertThat(s.selects("arn:aws:ec2:us-east-1:111111111111:volume/vol-skip", Map.of("env", "prod"))).isFalse();
        assertThat(s.selects("arn:aws:rds:us-east-1:111111111111:db:x", Map.of("backup", "yes", "env", "prod"))).isTrue();
        assertThat(s.selects("arn:aws:rds:us-east-1:111111111111:db:x", Map.of("env", "prod"))).isFalse();
    }
}
