package dev.vigil.posture.custom;

import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.EstateFixture;
import dev.vigil.posture.check.PosturePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CustomCheckEvaluationTest {

    static final String A = "111111111111";
    static final String B = "222222222222";

    @TempDir
    Path dir;

    private Check load(String checkYaml) {
        CustomCheckLoader.Loaded loaded = CustomCheckLoader.load(
                List.of(CheckFiles.write(dir, "checks.yaml", "checks:\n" + checkYaml)), Set.of());
        assertThat(loaded.errors()).isEmpty();
        assertThat(loaded.checks()).hasSize(1);
        return loaded.checks().get(0);
    }

    private static CheckResult resultFor(List<CheckResult> results, String resourceSuffix) {
        return results.stream().filter(r -> r.resource().endsWith(resourceSuffix)).findFirst().orElseThrow(
                () -> new AssertionError("no result for " + resourceSuffix + " in " + results));
    }

    private static Estate buckets() {
        return new EstateFixture()
                .resource("AWS::S3::Bucket", "tagged", A, "us-east-1", "{\"name\":\"tagged\"}", "{}",
                        Map.of("owner", "payments"))
                .resource("AWS::S3::Bucket", "untagged", A, "us-east-1", "{\"name\":\"untagged\"}")
                .resource("AWS::S3::Bucket", "nameless", A, "us-east-1", "{\"name\":\"\"}")
                .resource("AWS::S3::Bucket", "odd", A, "us-east-1", "{\"versioning\":\"not an object\"}", "{}",
                        Map.of("owner", "x"))
                .estate();
    }

    @Test
    void judgesEachResourcePassFailNotApplicableAndError() {
        Check check = load(CheckFiles.check("custom.s3.owner", "AWS::S3::Bucket",
                "resource.configuration.name != \"\"", "\"owner\" in resource.tags"));

        List<CheckResult> results = check.evaluate(buckets());

        assertThat(results).hasSize(4).allSatisfy(r -> {
            assertThat(r.checkId()).isEqualTo("custom.s3.owner");
            assertThat(r.account()).isEqualTo(A);
            assertThat(r.region()).isEqualTo("us-east-1");
            assertThat(r.resourceType()).isEqualTo("AWS::S3::Bucket");
        });
        assertThat(resultFor(results, ":::tagged").status()).isEqualTo(CheckStatus.PASS);
        assertThat(resultFor(results, ":::untagged").status()).isEqualTo(CheckStatus.FAIL);
        assertThat(resultFor(results, ":::untagged").reason()).isEqualTo("Does not meet the custom check: A test check.");
        assertThat(resultFor(results, ":::nameless").status()).isEqualTo(CheckStatus.NOT_APPLICABLE);
        CheckResult odd = resultFor(results, ":::odd");
        assertThat(odd.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(odd.reason()).contains("'applies-if'").contains("'name' is not present").contains("has(");
    }

    @Test
    void usesTheFileReasonsWhenGiven() {
        String yaml = CheckFiles.check("custom.s3.owner", "AWS::S3::Bucket", null, "\"owner\" in resource.tags")
                + "    fail-reason: Bucket has no owner tag.\n    pass-reason: Bucket has an owner.\n";
        List<CheckResult> results = load(yaml).evaluate(buckets());
        assertThat(resultFor(results, ":::untagged").reason()).isEqualTo("Bucket has no owner tag.");
        assertThat(resultFor(results, ":::tagged").reason()).isEqualTo("Bucket has an owner.");
    }

    @Test
    void anUnguardedMissingFieldIsErrorAndHasGuardsIt() {
        Estate estate = new EstateFixture()
                .resource("AWS::EC2::Instance", "i-1", A, "eu-west-1", "{\"metadataOptions\":{\"httpTokens\":\"required\"}}")
                .resource("AWS::EC2::Instance", "i-2", A, "eu-west-1", "{}")
                .estate();
        List<CheckResult> bare = load(CheckFiles.check("custom.ec2.imds", "AWS::EC2::Instance", null,
                "resource.configuration.metadataOptions.httpTokens == \"required\"")).evaluate(estate);
        assertThat(resultFor(bare, "/i-1").status()).isEqualTo(CheckStatus.PASS);
        assertThat(resultFor(bare, "/i-2").status()).isEqualTo(CheckStatus.ERROR);
        assertThat(resultFor(bare, "/i-2").reason()).contains("'metadataOptions' is not present in map");

        List<CheckResult> guarded = load(CheckFiles.check("custom.ec2.imds", "AWS::EC2::Instance", null,
                "has(resource.configuration.metadataOptions) && resource.configuration.metadataOptions.httpTokens == \"required\""))
                .evaluate(estate);
        assertThat(resultFor(guarded, "/i-2").status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void aDynExpressionThatIsNotBoolAtRunTimeIsError() {
        Estate estate = new EstateFixture()
                .resource("AWS::EC2::Instance", "i-1", A, "eu-west-1", "{\"flag\":true}")
                .resource("AWS::EC2::Instance", "i-2", A, "eu-west-1", "{\"flag\":\"yes\"}")
                .estate();
        List<CheckResult> results = load(CheckFiles.check("custom.ec2.flag", "AWS::EC2::Instance", null,
                "resource.configuration.flag")).evaluate(estate);
        assertThat(resultFor(results, "/i-1").status()).isEqualTo(CheckStatus.PASS);
        assertThat(resultFor(results, "/i-2").status()).isEqualTo(CheckStatus.ERROR);
        assertThat(resultFor(results, "/i-2").reason()).contains("produced a string, not true or false");
    }

    @Test
    void seesTheResourceFieldsTheDocsList() {
        Estate estate = new EstateFixture()
                .resource("AWS::DynamoDB::Table", "orders", A, "eu-west-1", "{\"n\":3,\"d\":2.5,\"z\":null,\"l\":[1,2]}",
                        "{\"ContinuousBackupsDescription\":{\"status\":\"ENABLED\"}}", Map.of("env", "prod"))
                .estate();
        String expression = "resource.type == 'AWS::DynamoDB::Table' && resource.id == 'orders' && resource.name == 'orders'"
                + " && resource.arn.endsWith(':table/orders') && resource.account == '" + A + "'"
                + " && resource.region == 'eu-west-1' && resource.status == 'OK' && resource.tags.env == 'prod'"
                + " && resource.capture_time < now && resource.configuration.n == 3 && resource.configuration.n > 2.5"
                + " && resource.configuration.d == 2.5 && resource.configuration.z == null"
                + " && resource.configuration.l.all(x, x > 0) && size(resource.relationships) == 0"
                + " && resource.supplementary.ContinuousBackupsDescription.status == 'ENABLED'";
        List<CheckResult> results = load(CheckFiles.check("custom.ddb.fields", "AWS::DynamoDB::Table", null, expression))
                .evaluate(estate);
        assertThat(results).singleElement().satisfies(r -> assertThat(r.status())
                .as(r.reason()).isEqualTo(CheckStatus.PASS));
    }

    @Test
    void seesThePolicyAndTheEstateClock() {
        PosturePolicy policy = new PosturePolicy("", "", List.of(), List.of("eu-west-1"), Set.of("critical"), "",
                Set.of(), Map.of(), Duration.ofHours(24), Duration.ofDays(90), 14, List.of());
        Estate estate = new EstateFixture()
                .resource("AWS::S3::Bucket", "critical", A, "eu-west-1", "{}")
                .resource("AWS::S3::Bucket", "elsewhere", A, "us-east-1", "{}")
                .policy(policy)
                .estate();
        String expression = "resource.region in policy.allowed_regions && resource.id in policy.critical_buckets"
                + " && policy.min_backup_retention_days == 14 && policy.root_use_window == duration('2160h')"
                + " && now == timestamp('2026-06-01T12:00:00Z')";
        List<CheckResult> results = load(CheckFiles.check("custom.s3.residency", "AWS::S3::Bucket", null, expression))
                .evaluate(estate);
        assertThat(resultFor(results, ":::critical").status()).isEqualTo(CheckStatus.PASS);
        assertThat(resultFor(results, ":::elsewhere").status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void anAccountWithoutResourcesOfTheTypeIsNotApplicableAndOneWithoutInventoryIsError() {
        Estate estate = new EstateFixture()
                .resource("AWS::EC2::VPC", "vpc-1", A, "us-east-1", "{}")
                .export(B, "us-east-1", "ec2", "describe-regions", "{\"Regions\":[]}")
                .estate();
        List<CheckResult> results = load(CheckFiles.check("custom.s3.any", "AWS::S3::Bucket", null, "true"))
                .evaluate(estate);
        assertThat(results).hasSize(2);
        assertThat(resultFor(results, A)).satisfies(r -> {
            assertThat(r.status()).isEqualTo(CheckStatus.NOT_APPLICABLE);
            assertThat(r.resourceType()).isEqualTo("AWS::::Account");
        });
        assertThat(resultFor(results, B)).satisfies(r -> {
            assertThat(r.status()).isEqualTo(CheckStatus.ERROR);
            assertThat(r.reason()).contains("no AWS Config inventory");
        });
    }

    @Test
    void anAccountCheckRunsOncePerAccountWithRegionsAndCounts() {
        Estate estate = new EstateFixture()
                .resource("AWS::Backup::BackupPlan", "plan-1", A, "us-east-1", "{}")
                .resource("AWS::S3::Bucket", "b1", A, "us-east-1", "{}")
                .resource("AWS::S3::Bucket", "b2", B, "eu-west-1", "{}")
                .estate();
        String expression = "'AWS::Backup::BackupPlan' in account.resource_counts"
                + " && account.resource_counts['AWS::Backup::BackupPlan'] > 0 && size(account.regions) > 0"
                + " && account.id.size() == 12";
        List<CheckResult> results = load(CheckFiles.check("custom.account.backup", "AWS::::Account", null, expression))
                .evaluate(estate);
        assertThat(results).hasSize(2);
        assertThat(resultFor(results, A).status()).isEqualTo(CheckStatus.PASS);
        assertThat(resultFor(results, B).status()).isEqualTo(CheckStatus.FAIL);
        assertThat(resultFor(results, B).resourceType()).isEqualTo("AWS::::Account");
    }

    @Test
    void anAccountCheckReadingAMissingCountIsErrorWithAHint() {
        Estate estate = new EstateFixture().resource("AWS::S3::Bucket", "b1", A, "us-east-1", "{}").estate();
        List<CheckResult> results = load(CheckFiles.check("custom.account.count", "AWS::::Account", null,
                "account.resource_counts['AWS::Backup::BackupPlan'] > 0")).evaluate(estate);
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(CheckStatus.ERROR);
            assertThat(r.reason()).contains("in account.resource_counts");
        });
    }

    @Test
    void deletedResourcesAreNotJudged() {
        Estate estate = new EstateFixture()
                .resource(new dev.vigil.posture.inventory.Resource("AWS::S3::Bucket", "gone", "gone", "arn:aws:s3:::gone",
                        A, "us-east-1", "ResourceDeleted", EstateFixture.NOW, Map.of(), null, null, List.of(), "t"))
                .resource("AWS::S3::Bucket", "here", A, "us-east-1", "{}")
                .estate();
        List<CheckResult> results = load(CheckFiles.check("custom.s3.any", "AWS::S3::Bucket", null, "true"))
                .evaluate(estate);
        assertThat(results).extracting(CheckResult::resource).containsExactly("arn:aws:s3:::here");
    }
}
