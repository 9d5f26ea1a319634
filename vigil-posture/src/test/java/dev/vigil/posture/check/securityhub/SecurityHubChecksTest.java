package dev.vigil.posture.check.securityhub;

import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.EstateFixture;
import dev.vigil.posture.check.PosturePolicy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityHubChecksTest {

    static final String SEC = "555555555555";
    static final String A = "222222222222";
    static final String R = "eu-west-1";
    static final String HUB = """
            {"HubArn":"arn:aws:securityhub:eu-west-1:222222222222:hub/default","SubscribedAt":"2024-01-01T00:00:00.000Z",
             "AutoEnableControls":true,"ControlFindingGenerator":"SECURITY_CONTROL"}""";
    static final String NOT_SUBSCRIBED = """
            {"Error":{"Code":"InvalidAccessException","Message":"Account 222222222222 is not subscribed to AWS Security Hub"}}""";

    static CheckResult one(List<CheckResult> results) {
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    static PosturePolicy security() {
        PosturePolicy d = PosturePolicy.defaults();
        return new PosturePolicy("", SEC, d.enabledRegions(), d.allowedRegions(), d.criticalBuckets(), d.criticalTag(),
                d.dataEventBuckets(), d.expectedScps(), d.trailDeliveryMaxAge(), d.rootUseWindow(),
                d.minBackupRetentionDays(), d.requiredGuardDutyFeatures());
    }

    @Test
    void aHubPassesNotSubscribedFailsAndAccessDeniedIsAnError() {
        CheckResult on = one(new EnabledAllRegionsCheck().evaluate(new EstateFixture()
                .export(A, R, "securityhub", "describe-hub", HUB).estate()));
        assertThat(on.status()).isEqualTo(CheckStatus.PASS);
        assertThat(on.region()).isEqualTo(R);
        assertThat(one(new EnabledAllRegionsCheck().evaluate(new EstateFixture()
                .export(A, R, "securityhub", "describe-hub", NOT_SUBSCRIBED).estate())).status()).isEqualTo(CheckStatus.FAIL);
        CheckResult denied = one(new EnabledAllRegionsCheck().evaluate(new EstateFixture()
                .deniedExport(A, R, "securityhub", "describe-hub").estate()));
        assertThat(denied.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(denied.reason()).contains("AccessDenied");
    }

    @Test
    void aRegionWithoutAnyHubExportIsAnErrorNamingTheFile() {
        List<CheckResult> results = new EnabledAllRegionsCheck().evaluate(new EstateFixture()
                .export(A, R, "securityhub", "describe-hub", HUB)
                .export(A, "us-east-1", "ec2", "describe-flow-logs", "{\"FlowLogs\":[]}").estate());
        CheckResult east = results.stream().filter(r -> r.region().equals("us-east-1")).findFirst().orElseThrow();
        assertThat(east.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(east.reason()).contains("supplementary/222222222222/us-east-1/securityhub.describe-hub.json");
    }

    @Test
    void aReadyStandardPassesAndIsNamed() {
        CheckResult r = one(new StandardsEnabledCheck().evaluate(new EstateFixture()
                .export(A, R, "securityhub", "describe-hub", HUB)
                .export(A, R, "securityhub", "get-enabled-standards", """
                        {"StandardsSubscriptions":[{"StandardsSubscriptionArn":"arn:aws:securityhub:eu-west-1:222222222222:subscription/aws-foundational-security-best-practices/v/1.0.0",
                          "StandardsArn":"arn:aws:securityhub:eu-west-1::standards/aws-foundational-security-best-practices/v/1.0.0",
                          "StandardsInput":{},"StandardsStatus":"READY"},
                         {"StandardsSubscriptionArn":"x","StandardsArn":"arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0",
                          "StandardsInput":{},"StandardsStatus":"INCOMPLETE"}]}""").estate()));
        assertThat(r.status()).isEqualTo(CheckStatus.PASS);
        assertThat(r.reason()).contains("AWS FSBP v1.0.0").doesNotContain("CIS");
    }

    @Test
    void noReadyStandardFailsAndMissingOrOffIsNotAFail() {
        CheckResult none = one(new StandardsEnabledCheck().evaluate(new EstateFixture()
                .export(A, R, "securityhub", "describe-hub", HUB)
                .export(A, R, "securityhub", "get-enabled-standards", """
                        {"StandardsSubscriptions":[{"StandardsArn":"arn:aws:securityhub:eu-west-1::standards/cis-aws-foundations-benchmark/v/1.4.0",
                          "StandardsStatus":"FAILED"}]}""").estate()));
        assertThat(none.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(none.reason()).contains("CIS AWS Foundations v1.4.0 FAILED");
        assertThat(one(new StandardsEnabledCheck().evaluate(new EstateFixture()
                .export(A, R, "securityhub", "describe-hub", HUB).estate())).status()).isEqualTo(CheckStatus.ERROR);
        assertThat(one(new StandardsEnabledCheck().evaluate(new EstateFixture()
                .export(A, R, "securityhub", "describe-hub", NOT_SUBSCRIBED).estate())).status())
                .isEqualTo(CheckStatus.NOT_APPLICABLE);
    }

    @Test
    void membersAdministeredByTheSecurityAccountPassOthersFail() {
        String admin = "{\"Administrator\":{\"AccountId\":\"" + SEC + "\",\"InvitationId\":\"i\",\"InvitedAt\":\"2024-01-01T00:00:00Z\",\"MemberStatus\":\"Enabled\"}}";
        assertThat(one(new DelegatedAdministratorCheck().evaluate(new EstateFixture().policy(security())
                .export(A, R, "securityhub", "get-administrator-account", admin).estate())).status()).isEqualTo(CheckStatus.PASS);
        CheckResult other = one(new DelegatedAdministratorCheck().evaluate(new EstateFixture().policy(security())
                .export(A, R, "securityhub", "get-administrator-account", admin.replace(SEC, "999999999999")).estate()));
        assertThat(other.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(other.reason()).contains("999999999999");
        assertThat(one(new DelegatedAdministratorCheck().evaluate(new EstateFixture().policy(security())
                .export(A, R, "securityhub", "get-administrator-account", "{}").estate())).status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void theOrganisationAdminListSufficesAndMissingDataIsAnErrorOrManual() {
        List<CheckResult> viaOrg = new DelegatedAdministratorCheck().evaluate(new EstateFixture()
                .export(A, R, "securityhub", "describe-hub", HUB)
                .export("111111111111", "us-east-1", "securityhub", "list-organization-admin-accounts",
                        "{\"AdminAccounts\":[{\"AccountId\":\"" + SEC + "\",\"Status\":\"ENABLED\"}]}").estate());
        assertThat(viaOrg).isNotEmpty().allMatch(r -> r.status() == CheckStatus.PASS);
        CheckResult missing = one(new DelegatedAdministratorCheck().evaluate(new EstateFixture().policy(security())
                .export(A, R, "securityhub", "describe-hub", HUB).estate()));
        assertThat(missing.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(missing.reason()).contains("securityhub.get-administrator-account.json");
        assertThat(one(new DelegatedAdministratorCheck().evaluate(new EstateFixture()
                .export(A, R, "securityhub", "describe-hub", HUB).estate())).status()).isEqualTo(CheckStatus.MANUAL);
    }
}
