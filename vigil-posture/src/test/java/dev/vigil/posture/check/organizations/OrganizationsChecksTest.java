package dev.vigil.posture.check.organizations;

import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.EstateFixture;
import dev.vigil.posture.check.PosturePolicy;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OrganizationsChecksTest {

    static final String MGMT = "111122223333";
    static final String LISTED = """
            {"Accounts":[
             {"Id":"111122223333","Arn":"arn:aws:organizations::111122223333:account/o-exampleorgid/111122223333",
              "Email":"aws-root@example.com","Name":"management","Status":"ACTIVE","JoinedMethod":"INVITED",
              "JoinedTimestamp":"2020-01-01T00:00:00Z"},
             {"Id":"444455556666","Arn":"arn:aws:organizations::111122223333:account/o-exampleorgid/444455556666",
              "Email":"prod@example.com","Name":"prod","Status":"ACTIVE","JoinedMethod":"CREATED",
              "JoinedTimestamp":"2021-01-01T00:00:00Z"},
             {"Id":"777788889999","Arn":"arn:aws:organizations::111122223333:account/o-exampleorgid/777788889999",
              "Email":"sandbox@example.com","Name":"sandbox\\u001b[2J","Status":"ACTIVE","JoinedMethod":"CREATED",
              "JoinedTimestamp":"2024-01-01T00:00:00Z"},
             {"Id":"222233334444","Name":"closed","Status":"SUSPENDED","State":"CLOSED"}]}
            """;

    static CheckResult forAccount(List<CheckResult> results, String account) {
        return results.stream().filter(r -> r.account().equals(account)).findFirst().orElseThrow();
    }

    @Test
    void listedAccountsWithoutDataFailAndOthersPass() {
        EstateFixture f = new EstateFixture()
                .export(MGMT, "global", "organizations", "list-accounts", LISTED)
                .resource("AWS::S3::Bucket", "prod-data", "444455556666", "eu-west-1", "{}");
        List<CheckResult> results = new AccountsAssessedCheck().evaluate(f.estate());
        assertThat(results).extracting(CheckResult::account).containsExactly(MGMT, "444455556666", "777788889999");
        assertThat(forAccount(results, MGMT).status()).isEqualTo(CheckStatus.PASS);
        assertThat(forAccount(results, "444455556666").reason()).contains("(prod) has inventory");
        CheckResult sandbox = forAccount(results, "777788889999");
        assertThat(sandbox.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(sandbox.reason()).startsWith("Account 777788889999 (sandbox").contains("has no data: it was not assessed")
                .doesNotContain("\u001b");
    }

    @Test
    void withoutAnAccountListThereIsNothingToCompare() {
        List<CheckResult> results = new AccountsAssessedCheck().evaluate(new EstateFixture()
                .resource("AWS::S3::Bucket", "b", MGMT, "eu-west-1", "{}").estate());
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(CheckStatus.NOT_APPLICABLE);
            assertThat(r.reason()).contains("organizations.list-accounts.json");
        });
        List<CheckResult> denied = new AccountsAssessedCheck().evaluate(new EstateFixture()
                .deniedExport(MGMT, "global", "organizations", "list-accounts").estate());
        assertThat(denied).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(CheckStatus.ERROR);
            assertThat(r.reason()).contains("AccessDenied");
        });
    }

    static PosturePolicy expecting(Map<String, List<String>> scps) {
        PosturePolicy d = PosturePolicy.defaults();
        return new PosturePolicy(d.logArchiveAccount(), d.securityAccount(), d.enabledRegions(), d.allowedRegions(),
                d.criticalBuckets(), d.criticalTag(), d.dataEventBuckets(), scps, d.trailDeliveryMaxAge(),
                d.rootUseWindow(), d.minBackupRetentionDays(), d.requiredGuardDutyFeatures());
    }

    static final String POLICIES = """
            {"Policies":[
             {"Id":"p-FullAWSAccess","Arn":"arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess",
              "Name":"FullAWSAccess","Description":"Allows access to every operation","Type":"SERVICE_CONTROL_POLICY","AwsManaged":true},
             {"Id":"p-denyleave1","Arn":"arn:aws:organizations::111122223333:policy/o-exampleorgid/service_control_policy/p-denyleave1",
              "Name":"deny-leave-org","Description":"","Type":"SERVICE_CONTROL_POLICY","AwsManaged":false},
             {"Id":"p-regions01","Arn":"arn:aws:organizations::111122223333:policy/o-exampleorgid/service_control_policy/p-regions01",
              "Name":"deny-other-regions","Description":"","Type":"SERVICE_CONTROL_POLICY","AwsManaged":false}]}
            """;

    static String targets(String... ids) {
        StringBuilder s = new StringBuilder("{\"Targets\":[");
        for (int i = 0; i < ids.length; i++) {
            s.append(i == 0 ? "" : ",").append("{\"TargetId\":\"").append(ids[i]).append("\",\"Arn\":\"arn:aws:organizations::111122223333:x/")
                    .append(ids[i]).append("\",\"Name\":\"").append(ids[i]).append("\",\"Type\":\"")
                    .append(ids[i].startsWith("ou-") ? "ORGANIZATIONAL_UNIT" : ids[i].startsWith("r-") ? "ROOT" : "ACCOUNT")
                    .append("\"}");
        }
        return s.append("]}").toString();
    }

    static EstateFixture org() {
        return new EstateFixture()
                .export(MGMT, "global", "organizations", "list-policies", POLICIES)
                .export(MGMT, "global", "organizations", "list-targets-for-policy", "p-denyleave1", targets("r-ab12"))
                .export(MGMT, "global", "organizations", "list-targets-for-policy", "p-regions01",
                        targets("ou-ab12-workload", "444455556666"));
    }

    @Test
    void attachedScpsPassByNameOrId() {
        EstateFixture f = org().policy(expecting(Map.of("r-ab12", List.of("deny-leave-org"),
                "ou-ab12-workload", List.of("p-regions01"))));
        List<CheckResult> results = new ExpectedScpsCheck().evaluate(f.estate());
        assertThat(results).extracting(CheckResult::resource).containsExactly("ou-ab12-workload", "r-ab12");
        assertThat(results).extracting(CheckResult::status).containsOnly(CheckStatus.PASS);
        assertThat(results.get(0).resourceType()).isEqualTo("AWS::Organizations::OrganizationalUnit");
    }

    @Test
    void missingAttachmentsAndUnknownPoliciesFailNamingThem() {
        EstateFixture f = org().policy(expecting(Map.of("777788889999",
                List.of("deny-leave-org", "deny-other-regions", "deny-root"))));
        CheckResult r = new ExpectedScpsCheck().evaluate(f.estate()).get(0);
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.account()).isEqualTo("777788889999");
        assertThat(r.reason()).isEqualTo("Target 777788889999 lacks the expected SCP(s) deny-leave-org, "
                + "deny-other-regions, deny-root (no such SCP in the organisation); attach them.");
    }

    @Test
    void nothingExpectedIsNotApplicable() {
        assertThat(new ExpectedScpsCheck().evaluate(org().estate())).singleElement()
                .extracting(CheckResult::status).isEqualTo(CheckStatus.NOT_APPLICABLE);
    }

    @Test
    void missingExportsAreErrors() {
        EstateFixture noPolicies = new EstateFixture()
                .export(MGMT, "global", "organizations", "list-accounts", LISTED)
                .policy(expecting(Map.of("r-ab12", List.of("deny-leave-org"))));
        CheckResult r = new ExpectedScpsCheck().evaluate(noPolicies.estate()).get(0);
        assertThat(r.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(r.reason()).contains("supplementary/111122223333/global/organizations.list-policies.json");

        EstateFixture noTargets = new EstateFixture()
                .export(MGMT, "global", "organizations", "list-policies", POLICIES)
                .policy(expecting(Map.of("r-ab12", List.of("deny-leave-org"))));
        CheckResult t = new ExpectedScpsCheck().evaluate(noTargets.estate()).get(0);
        assertThat(t.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(t.reason()).contains("organizations.list-targets-for-policy.p-denyleave1.json");
    }

    @Test
    void oddValuesNeverThrow() {
        EstateFixture f = new EstateFixture()
                .export(MGMT, "global", "organizations", "list-accounts", "{\"Accounts\":[null,7,{\"Id\":12},{\"Id\":\"1\"}]}")
                .export(MGMT, "global", "organizations", "list-policies", "{\"Policies\":\"none\"}")
                .export(MGMT, "global", "organizations", "list-targets-for-policy", "p-x", "[1,2]")
                .policy(expecting(Map.of("r-ab12", List.of("p-x"))));
        assertThat(new AccountsAssessedCheck().evaluate(f.estate())).singleElement()
                .extracting(CheckResult::status).isEqualTo(CheckStatus.NOT_APPLICABLE);
        assertThat(new ExpectedScpsCheck().evaluate(f.estate())).singleElement()
                .extracting(CheckResult::status).isEqualTo(CheckStatus.FAIL);
    }
}
