package dev.vigil.posture.check.ebs;

import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.EstateFixture;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EbsChecksTest {

    static final String ACCT = "111111111111";
    static final String REGION = "eu-west-1";
    static final String IN_USE = """
            {"volumeId":"vol-1","encrypted":true,"state":"in-use",
             "attachments":[{"instanceId":"i-1","device":"/dev/xvda","state":"attached"}]}""";

    static CheckResult only(Check check, EstateFixture f) {
        List<CheckResult> results = check.evaluate(f.estate());
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    static EstateFixture volume(String configuration, Map<String, String> tags) {
        return new EstateFixture().resource(EbsChecks.VOLUME, "vol-1", ACCT, REGION, configuration, "{}", tags);
    }

    @Test
    void volumeEncryptionFollowsTheEncryptedFlag() {
        CheckResult pass = only(new VolumeEncryptionCheck(), volume(IN_USE, Map.of()));
        assertThat(pass.status()).isEqualTo(CheckStatus.PASS);
        assertThat(pass.resource()).isEqualTo("arn:aws:ec2:eu-west-1:111111111111:volume/vol-1");
        assertThat(only(new VolumeEncryptionCheck(), volume(IN_USE.replace("\"encrypted\":true", "\"encrypted\":false"), Map.of()))
                .status()).isEqualTo(CheckStatus.FAIL);
        assertThat(only(new VolumeEncryptionCheck(), volume("{\"volumeId\":\"vol-1\",\"encrypted\":\"yes\"}", Map.of()))
                .status()).isEqualTo(CheckStatus.ERROR);
    }

    @Test
    void defaultEncryptionIsJudgedPerRegionAndMissingRegionsAreErrors() {
        EstateFixture f = new EstateFixture()
                .export(ACCT, "us-east-1", "ec2", "get-ebs-encryption-by-default", "{\"EbsEncryptionByDefault\":true}")
                .export(ACCT, "eu-west-1", "ec2", "get-ebs-encryption-by-default", "{\"EbsEncryptionByDefault\":false}")
                .export(ACCT, "ap-south-1", "ec2", "describe-flow-logs", "{\"FlowLogs\":[]}");
        List<CheckResult> results = new EbsDefaultEncryptionCheck().evaluate(f.estate());
        assertThat(results).extracting(CheckResult::resource, CheckResult::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ACCT + "/ap-south-1", CheckStatus.ERROR),
                org.assertj.core.groups.Tuple.tuple(ACCT + "/eu-west-1", CheckStatus.FAIL),
                org.assertj.core.groups.Tuple.tuple(ACCT + "/us-east-1", CheckStatus.PASS));
        assertThat(results.get(0).reason()).contains("ec2.get-ebs-encryption-by-default.json");
    }

    @Test
    void aDeniedExportIsAnErrorQuotingItsCode() {
        CheckResult r = only(new EbsDefaultEncryptionCheck(), new EstateFixture()
                .deniedExport(ACCT, REGION, "ec2", "get-ebs-encryption-by-default"));
        assertThat(r.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(r.reason()).contains("AccessDenied");

        CheckResult coverage = only(new BackupCoverageCheck(), volume(IN_USE, Map.of())
                .deniedExport(ACCT, REGION, "backup", "list-backup-plans")
                .export(ACCT, REGION, "dlm", "get-lifecycle-policies", "{\"Policies\":[]}"));
        assertThat(coverage.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(coverage.reason()).contains("AccessDenied");
    }

    static final String NO_DLM = "{\"Policies\":[]}";

    static String selection(String body) {
        return "{\"BackupPlanId\":\"plan-1\",\"SelectionId\":\"sel-1\",\"BackupSelection\":" + body + "}";
    }

    @Test
    void aVolumeTaggedIntoABackupSelectionIsCovered() {
        EstateFixture f = volume(IN_USE, Map.of("backup", "daily"))
                .resource("AWS::Backup::BackupSelection", "sel-1", ACCT, REGION, selection("""
                        {"SelectionName":"tagged","ListOfTags":[{"ConditionType":"STRINGEQUALS","ConditionKey":"backup","ConditionValue":"daily"}]}"""))
                .export(ACCT, REGION, "dlm", "get-lifecycle-policies", NO_DLM);
        CheckResult r = only(new BackupCoverageCheck(), f);
        assertThat(r.status()).isEqualTo(CheckStatus.PASS);
        assertThat(r.reason()).contains("tagged");
    }

    @Test
    void aSelectionOfTheInstanceCoversItsVolumesUnlessAConditionExcludesIt() {
        String byInstance = selection("""
                {"SelectionName":"instances","Resources":["arn:aws:ec2:*:*:instance/*"]}""");
        CheckResult covered = only(new BackupCoverageCheck(), volume(IN_USE, Map.of())
                .resource("AWS::Backup::BackupSelection", "sel-1", ACCT, REGION, byInstance)
                .export(ACCT, REGION, "dlm", "get-lifecycle-policies", NO_DLM));
        assertThat(covered.status()).isEqualTo(CheckStatus.PASS);
        assertThat(covered.reason()).contains("through its instance");

        String excluding = selection("""
                {"SelectionName":"all-but-scratch","Resources":["arn:aws:ec2:*:*:volume/*"],
                 "Conditions":{"StringNotEquals":[{"ConditionKey":"aws:ResourceTag/scratch","ConditionValue":"true"}]}}""");
        CheckResult excluded = only(new BackupCoverageCheck(), volume(IN_USE, Map.of("scratch", "true"))
                .resource("AWS::Backup::BackupSelection", "sel-1", ACCT, REGION, excluding)
                .export(ACCT, REGION, "dlm", "get-lifecycle-policies", NO_DLM));
        assertThat(excluded.status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void aVolumeTargetedByAnEnabledDlmPolicyIsCovered() {
        EstateFixture f = volume(IN_USE, Map.of("snap", "yes"))
                .export(ACCT, REGION, "backup", "list-backup-plans", "{\"BackupPlansList\":[]}")
                .export(ACCT, REGION, "dlm", "get-lifecycle-policies",
                        "{\"Policies\":[{\"PolicyId\":\"policy-1\",\"State\":\"ENABLED\",\"PolicyType\":\"EBS_SNAPSHOT_MANAGEMENT\"}]}")
                .export(ACCT, REGION, "dlm", "get-lifecycle-policy", "policy-1", """
                        {"Policy":{"PolicyId":"policy-1","State":"ENABLED","PolicyDetails":{"PolicyType":"EBS_SNAPSHOT_MANAGEMENT",
                         "ResourceTypes":["VOLUME"],"TargetTags":[{"Key":"snap","Value":"yes"}]}}}""");
        CheckResult r = only(new BackupCoverageCheck(), f);
        assertThat(r.status()).isEqualTo(CheckStatus.PASS);
        assertThat(r.reason()).contains("policy-1");
    }

    @Test
    void backupSelectionsAreFollowedThroughTheExportChain() {
        EstateFixture f = volume(IN_USE, Map.of("backup", "daily"))
                .export(ACCT, REGION, "backup", "list-backup-plans", "{\"BackupPlansList\":[{\"BackupPlanId\":\"plan-9\"}]}")
                .export(ACCT, REGION, "backup", "list-backup-selections", "plan-9",
                        "{\"BackupSelectionsList\":[{\"SelectionId\":\"sel-9\",\"BackupPlanId\":\"plan-9\"}]}")
                .export(ACCT, REGION, "dlm", "get-lifecycle-policies", NO_DLM);
        CheckResult incomplete = only(new BackupCoverageCheck(), f);
        assertThat(incomplete.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(incomplete.reason()).contains("backup.get-backup-selection.plan-9.sel-9.json");

        f.export(ACCT, REGION, "backup", "get-backup-selection", "plan-9.sel-9", """
                {"BackupPlanId":"plan-9","SelectionId":"sel-9","BackupSelection":{"SelectionName":"tagged",
                 "Resources":[],"Conditions":{"StringEquals":[{"ConditionKey":"aws:ResourceTag/backup","ConditionValue":"daily"}]},
                 "ListOfTags":[{"ConditionType":"STRINGEQUALS","ConditionKey":"aws:ResourceTag/backup","ConditionValue":"daily"}]}}""");
        assertThat(only(new BackupCoverageCheck(), f).status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void anUncoveredVolumeFailsOnlyWhenBothSourcesAreComplete() {
        EstateFixture complete = volume(IN_USE, Map.of())
                .export(ACCT, REGION, "backup", "list-backup-plans", "{\"BackupPlansList\":[]}")
                .export(ACCT, REGION, "dlm", "get-lifecycle-policies", NO_DLM);
        assertThat(only(new BackupCoverageCheck(), complete).status()).isEqualTo(CheckStatus.FAIL);

        EstateFixture noDlm = volume(IN_USE, Map.of())
                .export(ACCT, REGION, "backup", "list-backup-plans", "{\"BackupPlansList\":[]}");
        CheckResult r = only(new BackupCoverageCheck(), noDlm);
        assertThat(r.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(r.reason()).contains("dlm.get-lifecycle-policies.json");
    }

    @Test
    void anUnattachedVolumeIsNotApplicable() {
        assertThat(only(new BackupCoverageCheck(), volume("{\"volumeId\":\"vol-1\",\"state\":{\"value\":\"available\"},\"attachments\":[]}", Map.of()))
                .status()).isEqualTo(CheckStatus.NOT_APPLICABLE);
    }
}
