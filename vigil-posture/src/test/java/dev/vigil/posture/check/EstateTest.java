package dev.vigil.posture.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.model.Severity;
import dev.vigil.posture.inventory.Inventory;
import dev.vigil.posture.supplement.SupplementDoc;
import dev.vigil.posture.supplement.Supplements;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EstateTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void accountsIncludeOrganisationMembersWithoutDataButNotClosedOnes() throws Exception {
        Supplements s = new Supplements();
        s.add(new SupplementDoc("111111111111", "global", "organizations", "list-accounts", "", JSON.readTree("""
                {"Accounts":[{"Id":"111111111111","Status":"ACTIVE"},{"Id":"222222222222","Status":"ACTIVE"},
                 {"Id":"333333333333","Status":"SUSPENDED"},{"Id":"not-an-id","Status":"ACTIVE"}]}"""), "f"));
        Estate estate = new Estate(new Inventory(), s, PosturePolicy.defaults(), Instant.EPOCH, List.of());
        assertThat(estate.accounts()).containsExactly("111111111111", "222222222222");
    }

    @Test
    void enabledRegionsComeFromThePolicyThenDescribeRegionsThenTheData() throws Exception {
        Supplements s = new Supplements();
        s.add(new SupplementDoc("111111111111", "eu-west-1", "cloudtrail", "describe-trails", "", JSON.readTree("{}"), "f"));
        Estate fromData = new Estate(new Inventory(), s, PosturePolicy.defaults(), Instant.EPOCH, List.of());
        assertThat(fromData.enabledRegions("111111111111")).containsExactly("eu-west-1");

        s.add(new SupplementDoc("111111111111", "us-east-1", "ec2", "describe-regions", "", JSON.readTree("""
                {"Regions":[{"RegionName":"us-east-1","OptInStatus":"opt-in-not-required"},
                 {"RegionName":"af-south-1","OptInStatus":"not-opted-in"},{"RegionName":"me-south-1","OptInStatus":"opted-in"}]}"""), "f"));
        Estate fromApi = new Estate(new Inventory(), s, PosturePolicy.defaults(), Instant.EPOCH, List.of());
        assertThat(fromApi.enabledRegions("111111111111")).containsExactly("me-south-1", "us-east-1");

        // resources Config recorded elsewhere put that region in scope too: it is evidently in use
        Inventory withResource = new Inventory();
        withResource.add(new dev.vigil.posture.inventory.Resource("AWS::DynamoDB::Table", "t", "t", "", "111111111111",
                "ap-southeast-1", "OK", Instant.EPOCH, java.util.Map.of(), JSON.readTree("{}"), JSON.readTree("{}"),
                List.of(), "f"));
        assertThat(new Estate(withResource, s, PosturePolicy.defaults(), Instant.EPOCH, List.of())
                .enabledRegions("111111111111")).containsExactly("ap-southeast-1", "me-south-1", "us-east-1");

        PosturePolicy d = PosturePolicy.defaults();
        PosturePolicy only = new PosturePolicy("", "", List.of("eu-central-1"), List.of(), d.criticalBuckets(), "",
                d.dataEventBuckets(), d.expectedScps(), d.trailDeliveryMaxAge(), d.rootUseWindow(),
                d.minBackupRetentionDays(), d.requiredGuardDutyFeatures());
        assertThat(new Estate(new Inventory(), s, only, Instant.EPOCH, List.of()).enabledRegions("111111111111"))
                .containsExactly("eu-central-1");
    }

    @Test
    void aCheckThatThrowsBecomesOneErrorAndTheOthersStillRun() {
        Remediation fix = new Remediation("Fix it.", "aws x y", "", "resource \"x\" \"y\" {}");
        Check broken = new Check() {
            public CheckMetadata metadata() {
                return new CheckMetadata("test.broken", "Broken", "Test", Severity.LOW, "AWS::::Account", "r", fix, List.of());
            }
            public List<CheckResult> evaluate(Estate e) {
                throw new IllegalStateException("boom");
            }
        };
        Check fine = new Check() {
            public CheckMetadata metadata() {
                return new CheckMetadata("test.fine", "Fine", "Test", Severity.LOW, "AWS::::Account", "r", fix, List.of());
            }
            public List<CheckResult> evaluate(Estate e) {
                return List.of(new CheckResult("test.fine", CheckStatus.PASS, "1", "", "AWS::::Account", "1", "ok"));
            }
        };
        Estate estate = new Estate(new Inventory(), new Supplements(), PosturePolicy.defaults(), Instant.EPOCH, List.of());
        List<CheckResult> results = CheckRunner.run(List.of(broken, fine), estate);
        assertThat(results).extracting(CheckResult::checkId, CheckResult::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("test.broken", CheckStatus.ERROR),
                        org.assertj.core.groups.Tuple.tuple("test.fine", CheckStatus.PASS));
        assertThat(results.get(0).reason()).contains("boom");
    }
}
