package dev.vigil.posture.check.root;

import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.EstateFixture;
import dev.vigil.posture.check.PosturePolicy;
import dev.vigil.posture.check.RootUse;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RootChecksTest {

    static final String ACCT = "111122223333";
    static final String HEADER = "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,"
            + "password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,"
            + "access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,"
            + "access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,"
            + "cert_1_last_rotated,cert_2_active,cert_2_last_rotated";

    static String rootRow(String passwordLastUsed, boolean mfa, boolean key1, String key1LastUsed, boolean key2) {
        return "<root_account>,arn:aws:iam::111122223333:root,2019-03-04T10:11:12+00:00,not_supported," + passwordLastUsed
                + ",not_supported,not_supported," + mfa + "," + key1 + ",2020-01-01T00:00:00+00:00," + key1LastUsed
                + ",us-east-1,s3," + key2 + ",N/A,N/A,N/A,N/A,false,N/A,false,N/A";
    }

    static String report(String... rows) {
        String csv = HEADER + "\n" + String.join("\n", rows) + "\n";
        return """
                {"Content":"%s","ReportFormat":"text/csv","GeneratedTime":"2026-06-01T10:00:00+00:00"}
                """.formatted(Base64.getEncoder().encodeToString(csv.getBytes(StandardCharsets.UTF_8)));
    }

    static String summary(int mfa, int keys) {
        return """
                {"SummaryMap":{"GroupPolicySizeQuota":5120,"InstanceProfilesQuota":1000,"Policies":14,"GroupsPerUserQuota":10,
                 "AccountMFAEnabled":%d,"AccountAccessKeysPresent":%d,"AccountSigningCertificatesPresent":0,"Users":12,
                 "MFADevicesInUse":9,"Roles":40,"Groups":3}}
                """.formatted(mfa, keys);
    }

    static CheckResult run(Check check, EstateFixture f) {
        List<CheckResult> results = check.evaluate(f.estate());
        assertThat(results).hasSize(1);
        CheckResult r = results.get(0);
        assertThat(r.account()).isEqualTo(ACCT);
        assertThat(r.region()).isEqualTo("global");
        return r;
    }

    static EstateFixture withSummary(int mfa, int keys) {
        return new EstateFixture().export(ACCT, "global", "iam", "get-account-summary", summary(mfa, keys));
    }

    static EstateFixture withReport(String row) {
        return new EstateFixture().export(ACCT, "global", "iam", "get-credential-report", report(row));
    }

    @Test
    void sectionHasTheThreeChecks() {
        assertThat(RootChecks.checks()).extracting(c -> c.metadata().id())
                .containsExactly("root.mfa_enabled", "root.no_access_keys", "root.no_recent_use");
        assertThat(RootChecks.checks()).allSatisfy(c -> assertThat(c.metadata().section()).isEqualTo("Root account"));
    }

    @Test
    void mfaFromTheSummary() {
        assertThat(run(new RootMfaCheck(), withSummary(1, 0)).status()).isEqualTo(CheckStatus.PASS);
        CheckResult fail = run(new RootMfaCheck(), withSummary(0, 0));
        assertThat(fail.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(fail.reason()).contains("AccountMFAEnabled is 0");
    }

    @Test
    void mfaFromTheCredentialReportWhenNoSummary() {
        String none = "N/A";
        assertThat(run(new RootMfaCheck(), withReport(rootRow(none, true, false, none, false))).status())
                .isEqualTo(CheckStatus.PASS);
        CheckResult fail = run(new RootMfaCheck(), withReport(rootRow(none, false, false, none, false)));
        assertThat(fail.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(fail.reason()).contains("mfa_active is false");
    }

    @Test
    void missingOrDeniedIamDataIsAnError() {
        CheckResult missing = run(new RootMfaCheck(), new EstateFixture()
                .export(ACCT, "us-east-1", "cloudtrail", "describe-trails", "{\"trailList\":[]}"));
        assertThat(missing.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(missing.reason()).contains("aws iam get-account-summary",
                "supplementary/111122223333/global/iam.get-account-summary.json", "credential report");
        CheckResult denied = run(new RootAccessKeysCheck(), new EstateFixture().deniedExport(ACCT, "global", "iam",
                "get-account-summary"));
        assertThat(denied.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(denied.reason()).contains("AccessDenied");
    }

    @Test
    void accessKeysFromTheSummaryOrTheReport() {
        assertThat(run(new RootAccessKeysCheck(), withSummary(1, 0)).status()).isEqualTo(CheckStatus.PASS);
        assertThat(run(new RootAccessKeysCheck(), withSummary(1, 1)).reason()).contains("AccountAccessKeysPresent is 1");
        assertThat(run(new RootAccessKeysCheck(), withReport(rootRow("N/A", true, false, "N/A", false))).status())
                .isEqualTo(CheckStatus.PASS);
        CheckResult fail = run(new RootAccessKeysCheck(), withReport(rootRow("N/A", true, false, "N/A", true)));
        assertThat(fail.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(fail.reason()).isEqualTo("The credential report shows the root user's access key 2 active; delete it.");
    }

    @Test
    void aQuotedUserNameCannotForgeTheRootRow() {
        // An IAM user name may contain commas; quoted, it may also carry a line break and a fake root row.
        String forged = "\"x,\n<root_account>,arn:aws:iam::111122223333:root,2019-03-04T10:11:12+00:00,not_supported,"
                + "N/A,not_supported,not_supported,true,false\",arn:aws:iam::111122223333:user/x,2024-01-01T00:00:00+00:00,"
                + "true,N/A,N/A,N/A,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A";
        String csv = HEADER + "\r\n" + forged + "\r\n" + rootRow("N/A", false, true, "N/A", false) + "\r\n";
        String body = "{\"Content\":\"" + Base64.getEncoder().encodeToString(csv.getBytes(StandardCharsets.UTF_8))
                + "\",\"ReportFormat\":\"text/csv\"}";
        EstateFixture f = new EstateFixture().export(ACCT, "global", "iam", "get-credential-report", body);
        assertThat(run(new RootMfaCheck(), f).status()).isEqualTo(CheckStatus.FAIL);
        assertThat(run(new RootAccessKeysCheck(), f).status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void csvReaderHandlesQuotesAndEscapes() {
        assertThat(CsvRows.parse("a,\"b,c\",\"say \"\"hi\"\"\"\r\n,\n\"multi\nline\",z"))
                .containsExactly(List.of("a", "b,c", "say \"hi\""), List.of("", ""), List.of("multi\nline", "z"));
        assertThat(CsvRows.parse("\"unterminated,x")).containsExactly(List.of("unterminated,x"));
    }

    @Test
    void anUnreadableReportIsAnError() {
        EstateFixture notBase64 = new EstateFixture().export(ACCT, "global", "iam", "get-credential-report",
                "{\"Content\":\"%%%not base64%%%\",\"ReportFormat\":\"text/csv\"}");
        CheckResult r = run(new RootMfaCheck(), notBase64);
        assertThat(r.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(r.reason()).contains("cannot be used", "not base64");
        EstateFixture noRoot = new EstateFixture().export(ACCT, "global", "iam", "get-credential-report",
                report("bob,arn:aws:iam::111122223333:user/bob,2024-01-01T00:00:00+00:00,true"));
        assertThat(run(new RootRecentUseCheck(), noRoot).reason()).contains("no <root_account> row");
    }

    @Test
    void recentUseInCloudTrailFailsNamingTheLatestUse() {
        EstateFixture f = withSummary(1, 0)
                .rootUse(new RootUse(ACCT, Instant.parse("2026-03-01T08:00:00Z"), "ConsoleLogin", "198.51.100.7"))
                .rootUse(new RootUse(ACCT, Instant.parse("2026-05-20T09:30:00Z"), "CreateAccessKey", "203.0.113.9\u001b[31m"))
                .rootUse(new RootUse("999988887777", Instant.parse("2026-05-31T09:30:00Z"), "ConsoleLogin", "192.0.2.1"));
        List<CheckResult> results = new RootRecentUseCheck().evaluate(f.estate());
        CheckResult r = results.stream().filter(x -> x.account().equals(ACCT)).findFirst().orElseThrow();
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.reason()).contains("2026-05-20T09:30:00Z", "CreateAccessKey", "203.0.113.9", "90-day")
                .doesNotContain("\u001b");
    }

    @Test
    void oldUseInCloudTrailAloneIsNotEnoughToPassAndTheWindowComesFromThePolicy() {
        EstateFixture f = new EstateFixture()
                .rootUse(new RootUse(ACCT, Instant.parse("2026-02-01T08:00:00Z"), "ConsoleLogin", "198.51.100.7"));
        CheckResult alone = run(new RootRecentUseCheck(), f);
        assertThat(alone.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(alone.reason()).contains("2026-02-01T08:00:00Z", "may not cover it", "iam.get-credential-report.json");
        PosturePolicy d = PosturePolicy.defaults();
        PosturePolicy yearWindow = new PosturePolicy(d.logArchiveAccount(), d.securityAccount(), d.enabledRegions(),
                d.allowedRegions(), d.criticalBuckets(), d.criticalTag(), d.dataEventBuckets(), d.expectedScps(),
                d.trailDeliveryMaxAge(), Duration.ofDays(365), d.minBackupRetentionDays(), d.requiredGuardDutyFeatures());
        CheckResult r = run(new RootRecentUseCheck(), f.policy(yearWindow));
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.reason()).contains("365-day");
    }

    @Test
    void oldCloudTrailUseWithAnOldReportPasses() {
        EstateFixture f = withReport(rootRow("2026-02-01T08:00:00+00:00", true, false, "N/A", false))
                .rootUse(new RootUse(ACCT, Instant.parse("2026-02-01T08:00:00Z"), "ConsoleLogin", "198.51.100.7"));
        assertThat(run(new RootRecentUseCheck(), f).status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void credentialReportLastUseCounts() {
        CheckResult recentPassword = run(new RootRecentUseCheck(),
                withReport(rootRow("2026-05-25T14:02:11+00:00", true, false, "N/A", false)));
        assertThat(recentPassword.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(recentPassword.reason()).contains("password last used at 2026-05-25T14:02:11Z");
        CheckResult recentKey = run(new RootRecentUseCheck(),
                withReport(rootRow("2025-01-01T00:00:00+00:00", true, true, "2026-05-30T00:00:00+00:00", false)));
        assertThat(recentKey.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(recentKey.reason()).contains("access key 1 last used date");
        CheckResult old = run(new RootRecentUseCheck(),
                withReport(rootRow("2025-01-01T00:00:00+00:00", true, false, "N/A", false)));
        assertThat(old.status()).isEqualTo(CheckStatus.PASS);
        assertThat(old.reason()).contains("2025-01-01T00:00:00Z");
        CheckResult never = run(new RootRecentUseCheck(), withReport(rootRow("no_information", true, false, "N/A", false)));
        assertThat(never.status()).isEqualTo(CheckStatus.PASS);
        assertThat(never.reason()).contains("records no use");
    }

    @Test
    void usesAfterAnEvaluationTimeInThePastAreNotCounted() {
        Instant at = Instant.parse("2026-04-01T00:00:00Z");
        EstateFixture f = withReport(rootRow("2025-01-01T00:00:00+00:00", true, false, "N/A", false)).now(at)
                .rootUse(new RootUse(ACCT, Instant.parse("2026-05-20T09:30:00Z"), "CreateAccessKey", "203.0.113.9"));
        CheckResult r = run(new RootRecentUseCheck(), f);
        assertThat(r.status()).isEqualTo(CheckStatus.PASS);
        assertThat(r.reason()).contains("1 root use(s) after the evaluation time 2026-04-01T00:00:00Z were not counted");

        CheckResult onlyLater = run(new RootRecentUseCheck(), new EstateFixture().now(at)
                .rootUse(new RootUse(ACCT, Instant.parse("2026-05-20T09:30:00Z"), "CreateAccessKey", "203.0.113.9")));
        assertThat(onlyLater.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(onlyLater.reason()).contains("were not counted");

        // A report whose latest use is after the evaluation time hides whether an earlier use fell in the window.
        CheckResult laterReport = run(new RootRecentUseCheck(),
                withReport(rootRow("2026-05-25T14:02:11+00:00", true, false, "N/A", false)).now(at));
        assertThat(laterReport.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(laterReport.reason()).contains("after the evaluation time");
    }

    @Test
    void withNeitherCloudTrailUseNorAReportRecentUseIsNotJudged() {
        CheckResult r = run(new RootRecentUseCheck(), withSummary(1, 0));
        assertThat(r.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(r.reason()).contains("proves nothing", "aws iam get-credential-report",
                "supplementary/111122223333/global/iam.get-credential-report.json");
    }

    @Test
    void oddValuesNeverThrow() {
        EstateFixture f = new EstateFixture()
                .export(ACCT, "global", "iam", "get-account-summary", "{\"SummaryMap\":{\"AccountMFAEnabled\":\"1\"}}")
                .export(ACCT, "global", "iam", "get-credential-report", "{\"Content\":7}");
        for (Check c : RootChecks.checks()) {
            assertThat(c.evaluate(f.estate())).singleElement().extracting(CheckResult::status).isEqualTo(CheckStatus.ERROR);
        }
    }
}
