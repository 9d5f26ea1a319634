package dev.vigil.posture.check.cloudtrail;

import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.EstateFixture;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static dev.vigil.posture.check.cloudtrail.TrailFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** log_file_validation, kms_encryption and cloudwatch_logs: settings of each trail. */
class TrailSettingsChecksTest {

    static final String CW = "\"CloudWatchLogsLogGroupArn\":\"arn:aws:logs:us-east-1:111111111111:log-group:trail:*\"";

    @Test
    void eachDistinctTrailIsJudgedOnceUnderItsOwnerAndAccountsWithoutTrailsAreNotApplicable() {
        String org = trail(MGMT, "org", "us-east-1", true, true, true, "");
        String local = trail(MEMBER, "local", "eu-west-1", false, false, false, "");
        List<CheckResult> results = new LogFileValidationCheck().evaluate(orgTrail("")
                .export(MEMBER, "us-east-1", "cloudtrail", "describe-trails", trailList(org))
                .export(MEMBER, "eu-west-1", "cloudtrail", "describe-trails", trailList(org, local))
                .export("444444444444", "us-east-1", "cloudtrail", "describe-trails", trailList(org))
                .estate());
        assertThat(results).extracting(CheckResult::resource, CheckResult::status).containsExactlyInAnyOrder(
                tuple("444444444444", CheckStatus.NOT_APPLICABLE),
                tuple("arn:aws:cloudtrail:us-east-1:111111111111:trail/org", CheckStatus.PASS),
                tuple("arn:aws:cloudtrail:eu-west-1:222222222222:trail/local", CheckStatus.FAIL));
    }

    @Test
    void logFileValidationMissingDataIsAnError() {
        CheckResult r = only(new LogFileValidationCheck().evaluate(new EstateFixture()
                .resource("AWS::S3::Bucket", "b", MEMBER, "us-east-1", "{}").estate()));
        assertThat(r.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(r.reason()).contains("describe-trails");
    }

    @Test
    void kmsEncryptionPassesWithAKeyAndFailsWithout() {
        assertThat(only(new KmsEncryptionCheck().evaluate(orgTrail(
                "\"KmsKeyId\":\"arn:aws:kms:us-east-1:111111111111:key/abc\"").estate())).status())
                .isEqualTo(CheckStatus.PASS);
        assertThat(only(new KmsEncryptionCheck().evaluate(orgTrail("").estate())).status()).isEqualTo(CheckStatus.FAIL);
        assertThat(only(new KmsEncryptionCheck().evaluate(new EstateFixture()
                .deniedExport(MGMT, "us-east-1", "cloudtrail", "describe-trails").estate())).status())
                .isEqualTo(CheckStatus.ERROR);
    }

    @Test
    void cloudWatchDeliveryWithinTheMaxAgePasses() {
        CheckResult r = only(new CloudWatchLogsCheck().evaluate(orgTrail(CW)
                .export(MGMT, "us-east-1", "cloudtrail", "get-trail-status", "org",
                        "{\"IsLogging\":true,\"LatestCloudWatchLogsDeliveryTime\":\"2026-06-01T10:30:00.123000+00:00\"}")
                .estate()));
        assertThat(r.status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void staleDeliveryFailsAgainstThePolicyMaxAgeAndEpochSecondsAreRead() {
        // 2026-06-01T11:00:00Z as the CLI prints it without timestamp formatting; now is 12:00.
        EstateFixture f = orgTrail(CW).export(MGMT, "us-east-1", "cloudtrail", "get-trail-status", "org",
                "{\"IsLogging\":true,\"LatestCloudWatchLogsDeliveryTime\":1780311600.5}");
        assertThat(only(new CloudWatchLogsCheck().evaluate(f.estate())).status()).isEqualTo(CheckStatus.PASS);
        CheckResult stale = only(new CloudWatchLogsCheck().evaluate(
                f.policy(policy("", Set.of(), Duration.ofMinutes(30))).estate()));
        assertThat(stale.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(stale.reason()).contains("2026-06-01T11:00:00.500Z", "PT30M");
    }

    @Test
    void aDeliveryErrorOrNoLogGroupFails() {
        CheckResult error = only(new CloudWatchLogsCheck().evaluate(orgTrail(CW)
                .export(MGMT, "us-east-1", "cloudtrail", "get-trail-status", "org",
                        "{\"IsLogging\":true,\"LatestCloudWatchLogsDeliveryTime\":1780311600,"
                                + "\"LatestCloudWatchLogsDeliveryError\":\"CloudWatchLogsRoleNotFound\"}")
                .estate()));
        assertThat(error.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(error.reason()).contains("CloudWatchLogsRoleNotFound");
        assertThat(only(new CloudWatchLogsCheck().evaluate(orgTrail("").estate())).status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void aDeliveryAfterAnEvaluationTimeInThePastIsNotCountedAsWithin() {
        // The status (exported now) shows a delivery at 11:00 on 1 June; evaluated as of 31 May it proves nothing.
        CheckResult r = only(new CloudWatchLogsCheck().evaluate(orgTrail(CW)
                .export(MGMT, "us-east-1", "cloudtrail", "get-trail-status", "org",
                        "{\"IsLogging\":true,\"LatestCloudWatchLogsDeliveryTime\":1780311600}")
                .now(java.time.Instant.parse("2026-05-31T00:00:00Z")).estate()));
        assertThat(r.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(r.reason()).contains("after the evaluation time 2026-05-31T00:00:00Z").doesNotContain("within");
    }

    @Test
    void missingTrailStatusIsAnError() {
        CheckResult r = only(new CloudWatchLogsCheck().evaluate(orgTrail(CW).estate()));
        assertThat(r.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(r.reason()).contains("supplementary/111111111111/us-east-1/cloudtrail.get-trail-status.org.json");
    }
}
