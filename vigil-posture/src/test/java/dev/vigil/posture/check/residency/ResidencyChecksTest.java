package dev.vigil.posture.check.residency;

import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.EstateFixture;
import dev.vigil.posture.check.PosturePolicy;
import dev.vigil.posture.inventory.Resource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ResidencyChecksTest {

    static final String ACCT = "111122223333";

    static PosturePolicy allowing(String... regions) {
        PosturePolicy d = PosturePolicy.defaults();
        return new PosturePolicy(d.logArchiveAccount(), d.securityAccount(), d.enabledRegions(), List.of(regions),
                d.criticalBuckets(), d.criticalTag(), d.dataEventBuckets(), d.expectedScps(), d.trailDeliveryMaxAge(),
                d.rootUseWindow(), d.minBackupRetentionDays(), d.requiredGuardDutyFeatures());
    }

    static EstateFixture estate() {
        return new EstateFixture()
                .resource("AWS::S3::Bucket", "eu-data", ACCT, "eu-west-1", "{}")
                .resource("AWS::RDS::DBInstance", "orders", ACCT, "eu-central-1", "{}")
                .resource("AWS::IAM::Role", "AROAEXAMPLEROLE00001", ACCT, "global", "{}")
                .resource("AWS::CloudFront::Distribution", "E2EXAMPLE", ACCT, "us-east-1", "{}");
    }

    @Test
    void compliantAccountsGetOneSummaryPass() {
        List<CheckResult> results = new AllowedRegionsCheck().evaluate(estate().policy(allowing("eu-west-1", "eu-central-1")).estate());
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(CheckStatus.PASS);
            assertThat(r.account()).isEqualTo(ACCT);
            assertThat(r.reason()).isEqualTo("All 2 regional resource(s) are in allowed regions (eu-central-1: 1, "
                    + "eu-west-1: 1); 2 global-service resource(s) are not bound to a region.");
        });
    }

    @Test
    void eachResourceOutsideTheAllowListFails() {
        List<CheckResult> results = new AllowedRegionsCheck().evaluate(estate().policy(allowing("eu-west-1")).estate());
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(r.resource()).isEqualTo("arn:aws:rds:eu-central-1:111122223333:db:orders");
            assertThat(r.region()).isEqualTo("eu-central-1");
            assertThat(r.reason()).startsWith("It is in eu-central-1, outside the allowed regions (eu-west-1)");
        });
    }

    @Test
    void deletedResourcesAreIgnored() {
        EstateFixture f = estate().policy(allowing("eu-west-1")).resource(new Resource("AWS::RDS::DBInstance", "orders",
                "orders", "arn:aws:rds:eu-central-1:111122223333:db:orders", ACCT, "eu-central-1",
                "ResourceDeleted", EstateFixture.NOW, Map.of(), null, null, List.of(), "fixture"));
        assertThat(new AllowedRegionsCheck().evaluate(f.estate())).singleElement()
                .extracting(CheckResult::status).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void noAllowListIsNotApplicable() {
        assertThat(new AllowedRegionsCheck().evaluate(estate().estate())).singleElement()
                .extracting(CheckResult::status).isEqualTo(CheckStatus.NOT_APPLICABLE);
    }

    @Test
    void anAccountWithoutInventoryIsNotJudgedAndOneWithOnlyGlobalResourcesIsNotApplicable() {
        EstateFixture f = new EstateFixture().policy(allowing("eu-west-1"))
                .export("444455556666", "eu-west-1", "cloudtrail", "describe-trails", "{\"trailList\":[]}")
                .resource("AWS::IAM::User", "AIDAEXAMPLEUSER00001", ACCT, "global", "{}");
        List<CheckResult> results = new AllowedRegionsCheck().evaluate(f.estate());
        assertThat(results).extracting(CheckResult::account).containsExactly(ACCT, "444455556666");
        assertThat(results).extracting(CheckResult::status).containsExactly(CheckStatus.NOT_APPLICABLE, CheckStatus.ERROR);
        assertThat(results.get(1).reason()).contains("no AWS Config inventory");
    }
}
