package dev.vigil.posture.input;

import dev.vigil.posture.supplement.SupplementDoc;
import dev.vigil.posture.supplement.Supplements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The supplementary export convention: supplementary/ACCOUNT/REGION/service.operation[.subject].json. */
class SupplementReadingTest {

    private static final String ACCT = "111122223333";

    @TempDir
    Path dir;

    private PostureInput read() {
        return PostureInputReader.read(List.of(dir), Optional.empty());
    }

    @Test
    void exportsAreFoundByPathAnywhereBelowTheInputAndKeyedByAccountRegionServiceOperation() {
        InputFixtures.write(dir, "audit-2026/acme/supplementary/" + ACCT + "/us-east-1/cloudtrail.describe-trails.json",
                "{\"trailList\": [{\"Name\": \"org-trail\", \"IsMultiRegionTrail\": true}]}");
        InputFixtures.write(dir, "audit-2026/acme/supplementary/" + ACCT + "/global/organizations.list-accounts.json",
                "{\"Accounts\": [{\"Id\": \"" + ACCT + "\", \"Status\": \"ACTIVE\"}]}");

        Supplements s = read().supplements();

        assertThat(s.get(ACCT, "us-east-1", "cloudtrail", "describe-trails").orElseThrow()
                .path("trailList").get(0).path("Name").asText()).isEqualTo("org-trail");
        assertThat(s.get(ACCT, "global", "organizations", "list-accounts")).isPresent();
        assertThat(s.accounts()).containsExactly(ACCT);
    }

    @Test
    void theSubjectIsEverythingAfterTheOperationDotsIncluded() {
        InputFixtures.write(dir, "supplementary/" + ACCT + "/us-east-1/backup.get-backup-selection.plan-1a2b.sel-9z8y.json",
                "{\"SelectionId\": \"sel-9z8y\"}");
        InputFixtures.write(dir, "supplementary/" + ACCT + "/us-east-1/cloudtrail.get-trail-status.acme.org.trail.json",
                "{\"IsLogging\": true}");
        InputFixtures.write(dir, "supplementary/" + ACCT + "/us-east-1/kms.get-key-policy.1234abcd-12ab-34cd-56ef-1234567890ab.json",
                "{\"Policy\": \"{\\\"Version\\\":\\\"2012-10-17\\\"}\"}");

        PostureInput input = read();
        Supplements s = input.supplements();

        SupplementDoc selection = s.doc(ACCT, "us-east-1", "backup", "get-backup-selection", "plan-1a2b.sel-9z8y")
                .orElseThrow();
        assertThat(selection.body().path("SelectionId").asText()).isEqualTo("sel-9z8y");
        assertThat(selection.source()).endsWith("backup.get-backup-selection.plan-1a2b.sel-9z8y.json");
        assertThat(s.get(ACCT, "us-east-1", "cloudtrail", "get-trail-status", "acme.org.trail")).isPresent();
        assertThat(s.get(ACCT, "us-east-1", "kms", "get-key-policy", "1234abcd-12ab-34cd-56ef-1234567890ab"))
                .isPresent();
        assertThat(input.summary().files(InputKind.SUPPLEMENT)).isEqualTo(3);
    }

    @Test
    void anErrorExportIsKeptSoChecksCanSayWhatFailed() {
        InputFixtures.write(dir, "supplementary/" + ACCT + "/eu-west-1/guardduty.list-detectors.json",
                "{\"Error\": {\"Code\": \"AccessDeniedException\", \"Message\": \"not authorized to perform guardduty:ListDetectors\"}}");

        PostureInput input = read();

        assertThat(input.supplements().get(ACCT, "eu-west-1", "guardduty", "list-detectors").orElseThrow()
                .path("Error").path("Code").asText()).isEqualTo("AccessDeniedException");
        assertThat(input.summary().problems()).isEmpty();
    }

    @Test
    void filesThatBreakTheConventionAreProblemsNamingTheFile() {
        InputFixtures.write(dir, "supplementary/12345/us-east-1/cloudtrail.describe-trails.json", "{}");
        InputFixtures.write(dir, "supplementary/" + ACCT + "/Mars-1/cloudtrail.describe-trails.json", "{}");
        InputFixtures.write(dir, "supplementary/" + ACCT + "/us-east-1/describe-trails.json", "{}");
        InputFixtures.write(dir, "supplementary/" + ACCT + "/us-east-1/extra/cloudtrail.describe-trails.json", "{}");
        InputFixtures.write(dir, "supplementary/" + ACCT + "/us-east-1/sns.list-subscriptions.txt", "{}");
        InputFixtures.write(dir, "supplementary/" + ACCT + "/us-east-1/CloudTrail.DescribeTrails.json", "{}");

        PostureInput input = read();

        assertThat(input.supplements().isEmpty()).isTrue();
        assertThat(input.summary().filesSkipped()).isEqualTo(6);
        assertThat(input.summary().problems()).extracting(InputProblem::reason)
                .containsExactlyInAnyOrder("bad-account", "bad-region", "bad-name", "bad-layout", "bad-name", "bad-name");
        assertThat(input.summary().problems()).filteredOn(p -> p.reason().equals("bad-account"))
                .singleElement().satisfies(p -> assertThat(p.file()).contains("supplementary/12345/"));
    }

    @Test
    void aBodyThatIsNotJsonOrTooLargeIsAProblem() {
        InputFixtures.write(dir, "supplementary/" + ACCT + "/us-east-1/logs.describe-metric-filters.json",
                "{\n  \"metricFilters\": [\n    {\"filterName\": \"x\",,}\n  ]\n}");
        InputFixtures.write(dir, "supplementary/" + ACCT + "/us-east-1/sns.list-subscriptions.json", "   \n");
        InputFixtures.write(dir, "supplementary/" + ACCT + "/us-east-1/cloudwatch.describe-alarms.json",
                "{\"MetricAlarms\": [" + "{\"AlarmName\": \"a\"},".repeat(200) + "{}]}");
        ReadLimits small = new ReadLimits(1 << 20, 1 << 20, 1024, 1 << 20, 10, 10, 100);

        PostureInput input = PostureInputReader.read(List.of(dir), Optional.empty(), small);

        assertThat(input.supplements().isEmpty()).isTrue();
        assertThat(input.summary().problems()).extracting(InputProblem::reason)
                .containsExactly("too-large", "invalid-json", "empty");
        InputProblem invalid = input.summary().problems().get(1);
        assertThat(invalid.position()).startsWith("line 3,");
        assertThat(invalid.message()).contains("--output json");
    }

    @Test
    void twoDifferentExportsOfOneCallAreAProblemAndTheLaterOneIsUsed() {
        InputFixtures.write(dir, "a/supplementary/" + ACCT + "/global/iam.get-account-summary.json",
                "{\"SummaryMap\":{\"AccountAccessKeysPresent\":1}}");
        InputFixtures.write(dir, "b/supplementary/" + ACCT + "/global/iam.get-account-summary.json",
                "{\"SummaryMap\":{\"AccountAccessKeysPresent\":0}}");
        InputFixtures.write(dir, "c/supplementary/" + ACCT + "/global/iam.get-account-summary.json",
                "{\"SummaryMap\":{\"AccountAccessKeysPresent\":0}}");

        PostureInput input = read();

        assertThat(input.supplements().get(ACCT, "global", "iam", "get-account-summary").orElseThrow()
                .path("SummaryMap").path("AccountAccessKeysPresent").asInt()).isZero();
        assertThat(input.summary().problems()).as("b differs from a; c repeats b and is no problem")
                .singleElement().satisfies(p -> {
                    assertThat(p.reason()).isEqualTo("duplicate-export");
                    assertThat(p.file()).contains("/b/");
                    assertThat(p.message()).contains("/a/");
                });
        assertThat(input.summary().partial()).isTrue();
    }
}
