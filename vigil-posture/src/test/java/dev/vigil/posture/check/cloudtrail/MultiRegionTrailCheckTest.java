package dev.vigil.posture.check.cloudtrail;

import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.EstateFixture;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.vigil.posture.check.cloudtrail.TrailFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class MultiRegionTrailCheckTest {

    final MultiRegionTrailCheck check = new MultiRegionTrailCheck();

    @Test
    void anOrganisationTrailThatLogsAllManagementEventsCoversTheManagementAndMemberAccounts() {
        String org = trail(MGMT, "org", "us-east-1", true, true, true, "");
        List<CheckResult> results = check.evaluate(orgTrail("")
                .export(MEMBER, "us-east-1", "cloudtrail", "describe-trails", trailList(org))
                .export(MGMT, "us-east-1", "cloudtrail", "get-trail-status", "org", LOGGING)
                .export(MGMT, "us-east-1", "cloudtrail", "get-event-selectors", "org", ALL_MANAGEMENT)
                .estate());
        assertThat(results).hasSize(2).allMatch(r -> r.status() == CheckStatus.PASS);
        assertThat(forAccount(results, MEMBER).reason()).contains("trail org", "organisation trail");
        assertThat(forAccount(results, MEMBER).resource()).isEqualTo(MEMBER);
    }

    @Test
    void anOrganisationTrailCoversAMemberWhoseOwnExportIsMissingUnlessTheOrganisationDoesNotListIt() {
        EstateFixture fixture = orgTrail("")
                .export(MGMT, "us-east-1", "cloudtrail", "get-trail-status", "org", LOGGING)
                .export(MGMT, "us-east-1", "cloudtrail", "get-event-selectors", "org", ALL_MANAGEMENT)
                .export(MGMT, "global", "organizations", "list-accounts",
                        "{\"Accounts\":[{\"Id\":\"111111111111\",\"Status\":\"ACTIVE\"},{\"Id\":\"222222222222\",\"Status\":\"ACTIVE\"}]}")
                .resource("AWS::S3::Bucket", "outsider", "444444444444", "us-east-1", "{}");
        List<CheckResult> results = check.evaluate(fixture.estate());
        assertThat(forAccount(results, MEMBER).status()).isEqualTo(CheckStatus.PASS);
        // 444444444444 is outside the organisation and has no trail export: not judged, never FAIL.
        assertThat(forAccount(results, "444444444444").status()).isEqualTo(CheckStatus.ERROR);
        assertThat(forAccount(results, "444444444444").reason()).contains("cloudtrail.describe-trails.json");
    }

    @Test
    void aTrailExcludingSomeServicesManagementEventsFailsNamingThem() {
        CheckResult basic = only(check.evaluate(orgTrail("")
                .export(MGMT, "us-east-1", "cloudtrail", "get-trail-status", "org", LOGGING)
                .export(MGMT, "us-east-1", "cloudtrail", "get-event-selectors", "org", """
                        {"EventSelectors":[{"ReadWriteType":"All","IncludeManagementEvents":true,
                         "ExcludeManagementEventSources":["kms.amazonaws.com","rdsdata.amazonaws.com"]}]}""")
                .estate()));
        assertThat(basic.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(basic.reason()).contains("kms.amazonaws.com, rdsdata.amazonaws.com");

        CheckResult advanced = only(check.evaluate(orgTrail("")
                .export(MGMT, "us-east-1", "cloudtrail", "get-trail-status", "org", LOGGING)
                .export(MGMT, "us-east-1", "cloudtrail", "get-event-selectors", "org", """
                        {"AdvancedEventSelectors":[{"FieldSelectors":[{"Field":"eventCategory","Equals":["Management"]},
                         {"Field":"eventSource","NotEquals":["kms.amazonaws.com"]}]}]}""")
                .estate()));
        assertThat(advanced.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(advanced.reason()).contains("eventSource NotEquals kms.amazonaws.com");
    }

    @Test
    void aStoppedTrailFails() {
        CheckResult r = only(check.evaluate(orgTrail("")
                .export(MGMT, "us-east-1", "cloudtrail", "get-trail-status", "org", "{\"IsLogging\":false}")
                .export(MGMT, "us-east-1", "cloudtrail", "get-event-selectors", "org", ALL_MANAGEMENT)
                .estate()));
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.reason()).contains("not logging");
    }

    @Test
    void aTrailLoggingOnlyWriteManagementEventsFails() {
        CheckResult r = only(check.evaluate(orgTrail("")
                .export(MGMT, "us-east-1", "cloudtrail", "get-trail-status", "org", LOGGING)
                .export(MGMT, "us-east-1", "cloudtrail", "get-event-selectors", "org", """
                        {"TrailARN":"x","EventSelectors":[{"ReadWriteType":"WriteOnly","IncludeManagementEvents":true}]}""")
                .estate()));
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.reason()).contains("write-only");
    }

    @Test
    void advancedSelectorsForManagementEventsWithoutReadOnlyRestrictionPass() {
        CheckResult r = only(check.evaluate(orgTrail("")
                .export(MGMT, "us-east-1", "cloudtrail", "get-trail-status", "org", LOGGING)
                .export(MGMT, "us-east-1", "cloudtrail", "get-event-selectors", "org", """
                        {"TrailARN":"x","AdvancedEventSelectors":[{"Name":"Log all management events",
                         "FieldSelectors":[{"Field":"eventCategory","Equals":["Management"]}]}]}""")
                .estate()));
        assertThat(r.status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void aSingleRegionTrailOnlyFails() {
        CheckResult r = only(check.evaluate(new EstateFixture()
                .export(MEMBER, "us-east-1", "cloudtrail", "describe-trails",
                        trailList(trail(MEMBER, "local", "us-east-1", false, false, true, "")))
                .estate()));
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.reason()).contains("multi-region");
    }

    @Test
    void anExportedEmptyTrailListFailsButAMissingOrDeniedExportIsAnError() {
        CheckResult none = only(check.evaluate(new EstateFixture()
                .export(MEMBER, "us-east-1", "cloudtrail", "describe-trails", "{\"trailList\":[]}").estate()));
        assertThat(none.status()).isEqualTo(CheckStatus.FAIL);

        CheckResult denied = only(check.evaluate(new EstateFixture()
                .deniedExport(MEMBER, "us-east-1", "cloudtrail", "describe-trails").estate()));
        assertThat(denied.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(denied.reason()).contains("AccessDenied");
    }

    @Test
    void missingTrailStatusIsAnErrorNamingTheFile() {
        CheckResult r = only(check.evaluate(orgTrail("").estate()));
        assertThat(r.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(r.reason()).contains("cloudtrail.get-trail-status.org.json");
    }

    @Test
    void configItemsStandInForAMissingDescribeTrailsAndNoCustomSelectorsMeansAllManagementEvents() {
        CheckResult r = only(check.evaluate(new EstateFixture()
                .resource("AWS::CloudTrail::Trail", "main", MEMBER, "eu-west-1", """
                        {"name":"main","trailARN":"arn:aws:cloudtrail:eu-west-1:222222222222:trail/main",
                         "homeRegion":"eu-west-1","isMultiRegionTrail":true,"isOrganizationTrail":false,
                         "s3BucketName":"b","hasCustomEventSelectors":false}""")
                .export(MEMBER, "eu-west-1", "cloudtrail", "get-trail-status", "main", LOGGING)
                .estate()));
        assertThat(r.status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void oddTypesNeverThrow() {
        List<CheckResult> results = check.evaluate(new EstateFixture()
                .export(MEMBER, "us-east-1", "cloudtrail", "describe-trails",
                        "{\"trailList\":[null, 3, {\"Name\":{\"x\":1},\"IsMultiRegionTrail\":\"yes\"}, {\"Name\":\"t\",\"IsMultiRegionTrail\":[true]}]}")
                .estate());
        assertThat(only(results).status()).isEqualTo(CheckStatus.FAIL);
    }
}
