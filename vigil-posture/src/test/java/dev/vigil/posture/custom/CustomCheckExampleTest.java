package dev.vigil.posture.custom;

import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckRunner;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.EstateFixture;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/examples/custom-checks.yaml loads without errors and each of its checks judges as its comments say. */
class CustomCheckExampleTest {

    static final Path EXAMPLE = Path.of("..", "docs", "examples", "custom-checks.yaml");
    static final String A = "111111111111";
    static final String B = "222222222222";

    @Test
    void theExampleFileLoadsAgainstTheBuiltInCatalogue() {
        CustomCheckLoader.Loaded loaded = CustomCheckLoader.load(List.of(EXAMPLE));
        assertThat(loaded.errors()).isEmpty();
        assertThat(loaded.checks()).extracting(c -> c.metadata().id()).containsExactly(
                "custom.s3.bucket_tagged_owner", "custom.ec2.imdsv2_required", "custom.ec2.security_group_no_world_ssh",
                "custom.lambda.supported_runtime", "custom.ec2.expiry_tag_not_passed",
                "custom.account.backup_plan_exists");
        assertThat(loaded.checks()).allSatisfy(c -> {
            assertThat(c.metadata().remediation().awsCli()).startsWith("aws ");
            assertThat(c.metadata().permissions()).isNotEmpty();
        });
    }

    @Test
    void theExampleChecksJudgeAFixtureEstate() {
        Estate estate = new EstateFixture()
                .resource("AWS::S3::Bucket", "owned", A, "us-east-1", "{}", "{}", Map.of("owner", "data-team"))
                .resource("AWS::S3::Bucket", "orphan", A, "us-east-1", "{}")
                .resource("AWS::EC2::Instance", "i-good", A, "us-east-1",
                        "{\"metadataOptions\":{\"httpTokens\":\"required\"}}", "{}",
                        Map.of("expires", "2026-12-31T00:00:00Z"))
                .resource("AWS::EC2::Instance", "i-bad", A, "us-east-1",
                        "{\"metadataOptions\":{\"httpTokens\":\"optional\"}}", "{}",
                        Map.of("expires", "2026-01-01T00:00:00Z"))
                .resource("AWS::EC2::Instance", "i-old", A, "us-east-1", "{}")
                .resource("AWS::EC2::Instance", "i-typo", A, "us-east-1",
                        "{\"metadataOptions\":{\"httpTokens\":\"required\"}}", "{}", Map.of("expires", "next week"))
                .resource("AWS::EC2::SecurityGroup", "sg-ssh", A, "us-east-1", "{\"ipPermissions\":[{\"ipProtocol\":"
                        + "\"tcp\",\"fromPort\":22,\"toPort\":22,\"ipv4Ranges\":[{\"cidrIp\":\"0.0.0.0/0\"}]}]}")
                .resource("AWS::EC2::SecurityGroup", "sg-all", A, "us-east-1", "{\"ipPermissions\":[{\"ipProtocol\":"
                        + "\"-1\",\"ipv4Ranges\":[{\"cidrIp\":\"10.0.0.0/8\"},{\"cidrIp\":\"0.0.0.0/0\"}]}]}")
                .resource("AWS::EC2::SecurityGroup", "sg-ok", A, "us-east-1", "{\"ipPermissions\":["
                        + "{\"ipProtocol\":\"tcp\",\"fromPort\":443,\"toPort\":443,\"ipv4Ranges\":[{\"cidrIp\":\"0.0.0.0/0\"}]},"
                        + "{\"ipProtocol\":\"tcp\",\"fromPort\":22,\"toPort\":22,\"ipv4Ranges\":[{\"cidrIp\":\"10.0.0.0/8\"}]},"
                        + "{\"ipProtocol\":\"tcp\",\"fromPort\":0,\"toPort\":65535,\"ipv6Ranges\":[{\"cidrIpv6\":\"::/0\"}]}]}")
                .resource("AWS::Lambda::Function", "fn-new", A, "us-east-1", "{\"runtime\":\"python3.12\"}")
                .resource("AWS::Lambda::Function", "fn-old", A, "us-east-1", "{\"runtime\":\"nodejs14.x\"}")
                .resource("AWS::Lambda::Function", "fn-image", A, "us-east-1", "{\"packageType\":\"Image\"}")
                .resource("AWS::Backup::BackupPlan", "plan", A, "us-east-1", "{}")
                .resource("AWS::S3::Bucket", "b-bucket", B, "eu-west-1", "{}", "{}", Map.of("owner", "ops"))
                .estate();

        List<CheckResult> results = CheckRunner.run(CustomCheckLoader.load(List.of(EXAMPLE)).checks(), estate);

        Map<String, String> actual = new TreeMap<>();
        for (CheckResult r : results) {
            String resource = r.resource().substring(r.resource().lastIndexOf('/') + 1)
                    .replace("arn:aws:s3:::", "");
            actual.put(r.checkId().replace("custom.", "") + " " + resource, r.status().name());
        }
        Map<String, String> expected = new TreeMap<>();
        expected.put("s3.bucket_tagged_owner owned", "PASS");
        expected.put("s3.bucket_tagged_owner orphan", "FAIL");
        expected.put("s3.bucket_tagged_owner b-bucket", "PASS");
        expected.put("ec2.imdsv2_required i-good", "PASS");
        expected.put("ec2.imdsv2_required i-bad", "FAIL");
        expected.put("ec2.imdsv2_required i-old", "NOT_APPLICABLE");
        expected.put("ec2.imdsv2_required i-typo", "PASS");
        expected.put("ec2.imdsv2_required " + B, "NOT_APPLICABLE");
        expected.put("ec2.security_group_no_world_ssh sg-ssh", "FAIL");
        expected.put("ec2.security_group_no_world_ssh sg-all", "FAIL");
        expected.put("ec2.security_group_no_world_ssh sg-ok", "PASS");
        expected.put("ec2.security_group_no_world_ssh " + B, "NOT_APPLICABLE");
        expected.put("lambda.supported_runtime fn-new", "PASS");
        expected.put("lambda.supported_runtime fn-old", "FAIL");
        expected.put("lambda.supported_runtime fn-image", "NOT_APPLICABLE");
        expected.put("lambda.supported_runtime " + B, "NOT_APPLICABLE");
        expected.put("ec2.expiry_tag_not_passed i-good", "PASS");
        expected.put("ec2.expiry_tag_not_passed i-bad", "FAIL");
        expected.put("ec2.expiry_tag_not_passed i-old", "NOT_APPLICABLE");
        expected.put("ec2.expiry_tag_not_passed i-typo", "ERROR");
        expected.put("ec2.expiry_tag_not_passed " + B, "NOT_APPLICABLE");
        expected.put("account.backup_plan_exists " + A, "PASS");
        expected.put("account.backup_plan_exists " + B, "FAIL");
        assertThat(actual).isEqualTo(expected);
    }
}
