package dev.vigil.posture.check.guardduty;

import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.EstateFixture;
import dev.vigil.posture.check.PosturePolicy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GuardDutyChecksTest {

    static final String SEC = "555555555555";
    static final String MEMBER = "222222222222";
    static final String R = "us-east-1";
    static final String DETECTOR = "12abc34d567e8fa901bc2d34e56789f0";

    static String detector(String status, String features) {
        return """
                {"CreatedAt":"2024-01-01T00:00:00.000Z","FindingPublishingFrequency":"SIX_HOURS",
                 "ServiceRole":"arn:aws:iam::222222222222:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty",
                 "Status":"%s","UpdatedAt":"2024-01-01T00:00:00.000Z","Tags":{},"Features":[%s]}""".formatted(status, features);
    }

    static String feature(String name, String status) {
        return "{\"Name\":\"" + name + "\",\"Status\":\"" + status + "\",\"UpdatedAt\":\"2024-01-01T00:00:00+00:00\"}";
    }

    static final String ALL_FEATURES = String.join(",", feature("CLOUD_TRAIL", "ENABLED"), feature("S3_DATA_EVENTS", "ENABLED"),
            feature("EKS_AUDIT_LOGS", "ENABLED"), feature("EBS_MALWARE_PROTECTION", "ENABLED"), feature("RDS_LOGIN_EVENTS", "ENABLED"));

    static EstateFixture member(String status, String features) {
        return new EstateFixture()
                .export(MEMBER, R, "guardduty", "list-detectors", "{\"DetectorIds\":[\"" + DETECTOR + "\"]}")
                .export(MEMBER, R, "guardduty", "get-detector", DETECTOR, detector(status, features));
    }

    static PosturePolicy security() {
        PosturePolicy d = PosturePolicy.defaults();
        return new PosturePolicy("", SEC, d.enabledRegions(), d.allowedRegions(), d.criticalBuckets(), d.criticalTag(),
                d.dataEventBuckets(), d.expectedScps(), d.trailDeliveryMaxAge(), d.rootUseWindow(),
                d.minBackupRetentionDays(), d.requiredGuardDutyFeatures());
    }

    static CheckResult one(List<CheckResult> results) {
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    @Test
    void anEnabledDetectorPassesAndASuspendedOneFails() {
        CheckResult on = one(new EnabledAllRegionsCheck().evaluate(member("ENABLED", "").estate()));
        assertThat(on.status()).isEqualTo(CheckStatus.PASS);
        assertThat(on.resource()).isEqualTo(MEMBER + "/" + R);
        CheckResult suspended = one(new EnabledAllRegionsCheck().evaluate(member("DISABLED", "").estate()));
        assertThat(suspended.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(suspended.reason()).contains("DISABLED");
    }

    @Test
    void noDetectorFailsButMissingExportsAreErrors() {
        assertThat(one(new EnabledAllRegionsCheck().evaluate(new EstateFixture()
                .export(MEMBER, R, "guardduty", "list-detectors", "{\"DetectorIds\":[]}").estate())).status())
                .isEqualTo(CheckStatus.FAIL);
        CheckResult noDetail = one(new EnabledAllRegionsCheck().evaluate(new EstateFixture()
                .export(MEMBER, R, "guardduty", "list-detectors", "{\"DetectorIds\":[\"" + DETECTOR + "\"]}").estate()));
        assertThat(noDetail.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(noDetail.reason()).contains("guardduty.get-detector." + DETECTOR + ".json");
        CheckResult denied = one(new EnabledAllRegionsCheck().evaluate(new EstateFixture()
                .deniedExport(MEMBER, R, "guardduty", "list-detectors").estate()));
        assertThat(denied.status()).isEqualTo(CheckStatus.ERROR);
    }

    @Test
    void aConfigDetectorItemStandsInForListDetectors() {
        CheckResult r = one(new EnabledAllRegionsCheck().evaluate(new EstateFixture()
                .resource("AWS::GuardDuty::Detector", DETECTOR, MEMBER, R, "{\"Id\":\"" + DETECTOR + "\",\"Enable\":false}")
                .estate()));
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void requiredFeaturesEnabledPassAndADisabledOneFails() {
        assertThat(one(new ProtectionFeaturesCheck().evaluate(member("ENABLED", ALL_FEATURES).estate())).status())
                .isEqualTo(CheckStatus.PASS);
        CheckResult r = one(new ProtectionFeaturesCheck().evaluate(member("ENABLED", String.join(",",
                feature("S3_DATA_EVENTS", "ENABLED"), feature("EKS_AUDIT_LOGS", "DISABLED"),
                feature("EBS_MALWARE_PROTECTION", "ENABLED"), feature("RDS_LOGIN_EVENTS", "ENABLED"))).estate()));
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.reason()).contains("EKS_AUDIT_LOGS (disabled)").doesNotContain("S3_DATA_EVENTS");
    }

    @Test
    void theLegacyDataSourcesShapeIsReadAndUnreportedFeaturesFail() {
        String legacy = """
                {"Status":"ENABLED","DataSources":{"CloudTrail":{"Status":"ENABLED"},"DNSLogs":{"Status":"ENABLED"},
                 "FlowLogs":{"Status":"ENABLED"},"S3Logs":{"Status":"ENABLED"},"Kubernetes":{"AuditLogs":{"Status":"ENABLED"}},
                 "MalwareProtection":{"ScanEc2InstanceWithFindings":{"EbsVolumes":{"Status":"ENABLED"}}}}}""";
        CheckResult r = one(new ProtectionFeaturesCheck().evaluate(new EstateFixture()
                .export(MEMBER, R, "guardduty", "list-detectors", "{\"DetectorIds\":[\"d1\"]}")
                .export(MEMBER, R, "guardduty", "get-detector", "d1", legacy).estate()));
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.reason()).contains("RDS_LOGIN_EVENTS (not reported)").doesNotContain("S3_DATA_EVENTS");
        assertThat(ProtectionFeaturesCheck.features(dev.vigil.posture.check.EstateFixture.json(legacy)))
                .containsEntry("EBS_MALWARE_PROTECTION", "ENABLED").containsEntry("EKS_AUDIT_LOGS", "ENABLED");
    }

    @Test
    void featuresWithoutDetectorDataAreErrorsAndWithoutDetectorNotApplicable() {
        assertThat(one(new ProtectionFeaturesCheck().evaluate(new EstateFixture()
                .deniedExport(MEMBER, R, "guardduty", "list-detectors").estate())).status()).isEqualTo(CheckStatus.ERROR);
        assertThat(one(new ProtectionFeaturesCheck().evaluate(new EstateFixture()
                .export(MEMBER, R, "guardduty", "list-detectors", "{\"DetectorIds\":[]}").estate())).status())
                .isEqualTo(CheckStatus.NOT_APPLICABLE);
    }

    @Test
    void aMemberReportingToTheSecurityAccountPassesAndToAnotherAccountFails() {
        String enabled = "{\"Administrator\":{\"AccountId\":\"" + SEC + "\",\"InvitationId\":\"i\",\"RelationshipStatus\":\"Enabled\",\"InvitedAt\":\"2024-01-01T00:00:00.000Z\"}}";
        List<CheckResult> ok = new CentralAdministrationCheck().evaluate(member("ENABLED", "").policy(security())
                .export(MEMBER, R, "guardduty", "get-administrator-account", DETECTOR, enabled).estate());
        assertThat(one(ok).status()).isEqualTo(CheckStatus.PASS);

        List<CheckResult> other = new CentralAdministrationCheck().evaluate(member("ENABLED", "").policy(security())
                .export(MEMBER, R, "guardduty", "get-administrator-account", DETECTOR, enabled.replace(SEC, "999999999999"))
                .estate());
        assertThat(one(other).status()).isEqualTo(CheckStatus.FAIL);
        assertThat(one(other).reason()).contains("999999999999");

        List<CheckResult> none = new CentralAdministrationCheck().evaluate(member("ENABLED", "").policy(security())
                .export(MEMBER, R, "guardduty", "get-administrator-account", DETECTOR, "{}").estate());
        assertThat(one(none).status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void theOrganisationsDelegatedAdministratorCountsAndMissingDataIsAnError() {
        List<CheckResult> viaOrg = new CentralAdministrationCheck().evaluate(member("ENABLED", "").policy(security())
                .export("111111111111", "global", "guardduty", "list-organization-admin-accounts",
                        "{\"AdminAccounts\":[{\"AdminAccountId\":\"" + SEC + "\",\"AdminStatus\":\"ENABLED\"}]}")
                .estate());
        assertThat(viaOrg).allMatch(r -> r.status() == CheckStatus.PASS);

        CheckResult missing = one(new CentralAdministrationCheck().evaluate(member("ENABLED", "").policy(security()).estate()));
        assertThat(missing.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(missing.reason()).contains("guardduty.get-administrator-account." + DETECTOR + ".json");

        CheckResult undeclared = one(new CentralAdministrationCheck().evaluate(member("ENABLED", "").estate()));
        assertThat(undeclared.status()).isEqualTo(CheckStatus.MANUAL);
    }

    @Test
    void accountsKnownOnlyFromOrganizationsGetAnErrorFromEachRegionalCheck() {
        EstateFixture f = new EstateFixture().export("111111111111", "global", "organizations", "list-accounts",
                "{\"Accounts\":[{\"Id\":\"999999999999\",\"Status\":\"ACTIVE\"}]}");
        for (var check : GuardDutyChecks.checks()) {
            assertThat(check.evaluate(f.estate())).as(check.metadata().id())
                    .filteredOn(r -> r.account().equals("999999999999"))
                    .extracting(CheckResult::status).containsAnyOf(CheckStatus.ERROR, CheckStatus.MANUAL)
                    .doesNotContain(CheckStatus.FAIL);
        }
    }
}
