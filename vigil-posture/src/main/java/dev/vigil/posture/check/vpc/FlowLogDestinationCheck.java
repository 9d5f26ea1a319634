package dev.vigil.posture.check.vpc;

import dev.vigil.model.Severity;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckMetadata;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.Exported;
import dev.vigil.posture.check.Remediation;
import dev.vigil.posture.check.Verdicts;
import dev.vigil.posture.inventory.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every flow log is delivering: it is ACTIVE, its last delivery did not fail, and an S3 destination bucket exists
 * in the inventory. A flow log whose bucket was deleted or whose role lost permission looks configured but records
 * nothing.
 */
final class FlowLogDestinationCheck implements Check {

    static final String FLOW_LOG = "AWS::EC2::FlowLog";

    private static final CheckMetadata METADATA = new CheckMetadata(
            "vpc.flow_log_destination",
            "VPC flow logs deliver to a destination that exists",
            "VPC", Severity.MEDIUM, FLOW_LOG,
            "A flow log keeps its settings after its bucket is deleted or its delivery role loses permission; it just "
                    + "stops writing. The VPC then looks covered while no traffic is recorded.",
            new Remediation("Recreate the destination or fix the delivery role, or replace the flow log with one "
                    + "pointing at an existing bucket or log group.",
                    """
                    aws ec2 describe-flow-logs --flow-log-ids <flow-log-id>
                    aws ec2 delete-flow-logs --flow-log-ids <flow-log-id>
                    aws ec2 create-flow-logs --resource-type VPC --resource-ids <vpc-id> --traffic-type ALL \\
                        --log-destination-type s3 --log-destination arn:aws:s3:::<existing-bucket>/""",
                    """
                    VpcFlowLog:
                      Type: AWS::EC2::FlowLog
                      Properties:
                        ResourceId: <vpc-id>
                        ResourceType: VPC
                        TrafficType: ALL
                        LogDestinationType: s3
                        LogDestination: !GetAtt FlowLogBucket.Arn""",
                    """
                    resource "aws_flow_log" "vpc" {
                      vpc_id          = "<vpc-id>"
                      traffic_type    = "ALL"
                      log_destination = aws_s3_bucket.flow_logs.arn
                    }"""),
            List.of("ec2:DescribeFlowLogs", "config:BatchGetResourceConfig"));

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<CheckResult> evaluate(Estate estate) {
        Verdicts v = new Verdicts(METADATA);
        List<CheckResult> out = new ArrayList<>();
        for (String account : estate.accounts()) {
            int before = out.size();
            for (String region : FlowLogs.regions(estate, account)) {
                FlowLogs logs = FlowLogs.of(estate, account, region);
                for (FlowLog log : logs.logs()) {
                    out.add(judge(v, estate, log));
                }
                boolean hasVpcs = estate.inventory().ofType("AWS::EC2::VPC", account).anyMatch(r -> r.region().equals(region));
                if (logs.logs().isEmpty() && hasVpcs && !(logs.export() instanceof Exported.Present)) {
                    out.add(v.unavailable(account, region, logs.export()));
                }
            }
            if (out.size() == before) {
                out.add(v.scope(CheckStatus.NOT_APPLICABLE, account, "", "No flow log to judge in this account; "
                        + "vpc.flow_logs_enabled reports VPCs without one."));
            }
        }
        return out;
    }

    private static CheckResult judge(Verdicts v, Estate estate, FlowLog log) {
        String id = Verdicts.clip(log.id());
        if (log.deliverStatus().equalsIgnoreCase("FAILED")) {
            return result(v, CheckStatus.FAIL, log, "Flow log " + id + " fails to deliver"
                    + (log.deliverError().isEmpty() ? "" : " (" + Verdicts.clip(log.deliverError()) + ")")
                    + "; fix its destination or delivery role.");
        }
        if (!log.flowLogStatus().isEmpty() && !log.flowLogStatus().equalsIgnoreCase("ACTIVE")) {
            return result(v, CheckStatus.FAIL, log, "Flow log " + id + " is " + Verdicts.clip(log.flowLogStatus()) + ", not ACTIVE.");
        }
        if (log.destinationType().equals("s3") || log.destination().matches("arn:[^:]+:s3:::.*")) {
            String bucket = bucketOf(log.destination());
            Optional<Resource> item = estate.inventory().byId("AWS::S3::Bucket", bucket);
            if (item.isPresent() && item.get().deleted()) {
                return result(v, CheckStatus.FAIL, log, "Flow log " + id + " delivers to bucket " + Verdicts.clip(bucket)
                        + ", which AWS Config records as deleted.");
            }
            if (item.isEmpty()) {
                return result(v, CheckStatus.ERROR, log, "Not judged: flow log " + id + " delivers to bucket "
                        + Verdicts.clip(bucket) + ", which is in no Config inventory; add the snapshot of the account that owns it.");
            }
            return result(v, CheckStatus.PASS, log, "Flow log " + id + " is active and delivers to existing bucket "
                    + Verdicts.clip(bucket) + ".");
        }
        String target = log.destination().isEmpty() ? log.logGroupName() : log.destination();
        if (target.isEmpty()) {
            return result(v, CheckStatus.FAIL, log, "Flow log " + id + " names no destination.");
        }
        if (log.flowLogStatus().isEmpty() && log.deliverStatus().isEmpty()) {
            return result(v, CheckStatus.ERROR, log, "Not judged: flow log " + id + " has no delivery status in the data; "
                    + "export `aws ec2 describe-flow-logs --region " + log.region() + "`.");
        }
        return result(v, CheckStatus.PASS, log, "Flow log " + id + " is active and delivering to "
                + Verdicts.clip(target) + ".");
    }

    /** {@code arn:aws:s3:::bucket/prefix/} → {@code bucket} (any partition). */
    static String bucketOf(String arn) {
        String rest = arn.replaceFirst("^arn:[^:]+:s3:::", "");
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    private static CheckResult result(Verdicts v, CheckStatus status, FlowLog log, String reason) {
        return v.named(status, log.account(), log.region(), FLOW_LOG, log.arn(), reason);
    }
}
