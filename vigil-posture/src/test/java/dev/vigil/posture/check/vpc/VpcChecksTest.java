package dev.vigil.posture.check.vpc;

import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.EstateFixture;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VpcChecksTest {

    static final String A = "222222222222";
    static final String R = "eu-west-1";

    static EstateFixture vpcs(String... ids) {
        EstateFixture f = new EstateFixture();
        for (String id : ids) {
            f.resource("AWS::EC2::VPC", id, A, R, "{\"vpcId\":\"" + id + "\",\"cidrBlock\":\"10.0.0.0/16\",\"isDefault\":false}");
        }
        return f;
    }

    static String flowLog(String id, String vpc, String type, String destination, String deliver, String error) {
        return """
                {"CreationTime":"2024-01-01T00:00:00.000Z","DeliverLogsErrorMessage":%s,"DeliverLogsStatus":"%s",
                 "FlowLogId":"%s","FlowLogStatus":"ACTIVE","ResourceId":"%s","TrafficType":"ALL",
                 "LogDestinationType":"%s","LogDestination":"%s","LogFormat":"${version} ${account-id}","MaxAggregationInterval":600}"""
                .formatted(error == null ? "null" : "\"" + error + "\"", deliver, id, vpc, type, destination);
    }

    static CheckResult of(List<CheckResult> results, String fragment) {
        return results.stream().filter(r -> r.resource().contains(fragment)).findFirst()
                .orElseThrow(() -> new AssertionError(fragment + " not in " + results));
    }

    @Test
    void vpcsWithAFlowLogPassAndOthersFailWhenTheExportIsPresent() {
        List<CheckResult> results = new FlowLogsEnabledCheck().evaluate(vpcs("vpc-1", "vpc-2")
                .export(A, R, "ec2", "describe-flow-logs", "{\"FlowLogs\":[" + flowLog("fl-1", "vpc-1", "s3",
                        "arn:aws:s3:::flow-logs/", "SUCCESS", null) + "]}").estate());
        assertThat(of(results, "vpc/vpc-1").status()).isEqualTo(CheckStatus.PASS);
        assertThat(of(results, "vpc/vpc-1").reason()).contains("fl-1");
        assertThat(of(results, "vpc/vpc-2").status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void configFlowLogItemsCountAndTheirPresenceMakesAbsenceEvidence() {
        List<CheckResult> results = new FlowLogsEnabledCheck().evaluate(vpcs("vpc-1", "vpc-2")
                .resource("AWS::EC2::FlowLog", "fl-9", A, R, """
                        {"flowLogId":"fl-9","resourceId":"vpc-1","trafficType":"REJECT","logDestinationType":"cloud-watch-logs",
                         "logGroupName":"vpc","deliverLogsStatus":"SUCCESS","flowLogStatus":"ACTIVE"}""").estate());
        assertThat(of(results, "vpc/vpc-1").status()).isEqualTo(CheckStatus.PASS);
        assertThat(of(results, "vpc/vpc-2").status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void withoutAnyFlowLogDataAVpcIsAnErrorAndWithoutVpcsNotApplicable() {
        CheckResult r = new FlowLogsEnabledCheck().evaluate(vpcs("vpc-1").estate()).get(0);
        assertThat(r.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(r.reason()).contains("supplementary/222222222222/eu-west-1/ec2.describe-flow-logs.json");
        List<CheckResult> none = new FlowLogsEnabledCheck().evaluate(new EstateFixture()
                .export(A, R, "ec2", "describe-flow-logs", "{\"FlowLogs\":[]}").estate());
        assertThat(none).extracting(CheckResult::status).containsExactly(CheckStatus.NOT_APPLICABLE);
    }

    @Test
    void aFlowLogToAnExistingBucketOrAnActiveLogGroupPasses() {
        List<CheckResult> results = new FlowLogDestinationCheck().evaluate(vpcs("vpc-1", "vpc-2")
                .resource("AWS::S3::Bucket", "flow-logs", "333333333333", "us-east-1", "{}")
                .export(A, R, "ec2", "describe-flow-logs", "{\"FlowLogs\":[" + String.join(",",
                        flowLog("fl-1", "vpc-1", "s3", "arn:aws:s3:::flow-logs/vpc/", "SUCCESS", null),
                        flowLog("fl-2", "vpc-2", "cloud-watch-logs", "arn:aws:logs:eu-west-1:222222222222:log-group:vpc", "SUCCESS", null))
                        + "]}").estate());
        assertThat(results.stream().filter(r -> r.account().equals(A)).toList())
                .hasSize(2).allMatch(r -> r.status() == CheckStatus.PASS);
        // The bucket's own account has no flow log: nothing to judge there, never a FAIL.
        assertThat(results.stream().filter(r -> r.account().equals("333333333333")).toList())
                .extracting(CheckResult::status).containsExactly(CheckStatus.NOT_APPLICABLE);
        assertThat(of(results, "fl-1").resource()).isEqualTo("arn:aws:ec2:eu-west-1:222222222222:vpc-flow-log/fl-1");
    }

    @Test
    void failedDeliveryOrADeletedBucketFailsAndAnUnknownBucketIsAnError() {
        List<CheckResult> results = new FlowLogDestinationCheck().evaluate(vpcs("vpc-1")
                .resource(new dev.vigil.posture.inventory.Resource("AWS::S3::Bucket", "gone", "gone", "arn:aws:s3:::gone",
                        "333333333333", "us-east-1", "ResourceDeleted", EstateFixture.NOW, java.util.Map.of(), null, null,
                        List.of(), "f"))
                .export(A, R, "ec2", "describe-flow-logs", "{\"FlowLogs\":[" + String.join(",",
                        flowLog("fl-1", "vpc-1", "cloud-watch-logs", "arn:aws:logs:eu-west-1:222222222222:log-group:x", "FAILED", "Access error"),
                        flowLog("fl-2", "vpc-1", "s3", "arn:aws:s3:::gone", "SUCCESS", null),
                        flowLog("fl-3", "vpc-1", "s3", "arn:aws:s3:::elsewhere/", "SUCCESS", null)) + "]}").estate());
        assertThat(of(results, "fl-1").status()).isEqualTo(CheckStatus.FAIL);
        assertThat(of(results, "fl-1").reason()).contains("Access error");
        assertThat(of(results, "fl-2").status()).isEqualTo(CheckStatus.FAIL);
        assertThat(of(results, "fl-3").status()).isEqualTo(CheckStatus.ERROR);
    }

    @Test
    void vpcsWithoutFlowLogDataAreAnErrorForTheDestinationCheckToo() {
        List<CheckResult> results = new FlowLogDestinationCheck().evaluate(vpcs("vpc-1")
                .deniedExport(A, R, "ec2", "describe-flow-logs").estate());
        assertThat(results).extracting(CheckResult::status).containsExactly(CheckStatus.ERROR);
        assertThat(results.get(0).reason()).contains("AccessDenied");
    }
}
