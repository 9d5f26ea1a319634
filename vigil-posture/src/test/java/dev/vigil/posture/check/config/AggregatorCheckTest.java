package dev.vigil.posture.check.config;

import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.EstateFixture;
import dev.vigil.posture.check.PosturePolicy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AggregatorCheckTest {

    static final String SEC = "555555555555";
    final AggregatorCheck check = new AggregatorCheck();

    static PosturePolicy security(String account) {
        PosturePolicy d = PosturePolicy.defaults();
        return new PosturePolicy("", account, List.of("us-east-1", "eu-west-1"), d.allowedRegions(), d.criticalBuckets(),
                d.criticalTag(), d.dataEventBuckets(), d.expectedScps(), d.trailDeliveryMaxAge(), d.rootUseWindow(),
                d.minBackupRetentionDays(), d.requiredGuardDutyFeatures());
    }

    static CheckResult run(AggregatorCheck check, String body) {
        List<CheckResult> results = check.evaluate(new EstateFixture().policy(security(SEC))
                .resource("AWS::S3::Bucket", "b", "111111111111", "us-east-1", "{}")
                .export(SEC, "us-east-1", "configservice", "describe-configuration-aggregators", body).estate());
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    @Test
    void anOrganisationAggregatorOverAllRegionsPasses() {
        CheckResult r = run(check, """
                {"ConfigurationAggregators":[{"ConfigurationAggregatorName":"org",
                 "ConfigurationAggregatorArn":"arn:aws:config:us-east-1:555555555555:config-aggregator/config-aggregator-x",
                 "OrganizationAggregationSource":{"RoleArn":"arn:aws:iam::555555555555:role/agg","AllAwsRegions":true},
                 "CreatedBy":"x"}]}""");
        assertThat(r.status()).isEqualTo(CheckStatus.PASS);
        assertThat(r.account()).isEqualTo(SEC);
    }

    @Test
    void anAccountAggregatorMissingAnAccountOrNoAggregatorFails() {
        CheckResult partial = run(check, """
                {"ConfigurationAggregators":[{"ConfigurationAggregatorName":"some",
                 "AccountAggregationSources":[{"AccountIds":["555555555555"],"AllAwsRegions":true}]}]}""");
        assertThat(partial.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(partial.reason()).contains("111111111111");
        CheckResult listed = run(check, """
                {"ConfigurationAggregators":[{"ConfigurationAggregatorName":"all",
                 "AccountAggregationSources":[{"AccountIds":["555555555555","111111111111"],"AwsRegions":["us-east-1","eu-west-1"]}]}]}""");
        assertThat(listed.status()).isEqualTo(CheckStatus.PASS);
        assertThat(run(check, "{\"ConfigurationAggregators\":[]}").status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void undeclaredSecurityAccountIsManualAndAMissingExportIsAnError() {
        List<CheckResult> manual = check.evaluate(new EstateFixture()
                .resource("AWS::S3::Bucket", "b", "111111111111", "us-east-1", "{}").estate());
        assertThat(manual).extracting(CheckResult::status).containsExactly(CheckStatus.MANUAL);
        List<CheckResult> missing = check.evaluate(new EstateFixture().policy(security(SEC))
                .resource("AWS::S3::Bucket", "b", "111111111111", "us-east-1", "{}").estate());
        assertThat(missing).extracting(CheckResult::status).containsExactly(CheckStatus.ERROR);
        assertThat(missing.get(0).reason()).contains("supplementary/555555555555/", "configservice.describe-configuration-aggregators.json");
    }
}
