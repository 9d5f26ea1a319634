package dev.vigil.posture.check.vpc;

import dev.vigil.model.Severity;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckMetadata;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.Remediation;
import dev.vigil.posture.check.Verdicts;
import dev.vigil.posture.inventory.Resource;

import java.util.ArrayList;
import java.util.List;

/** Every live VPC in the inventory has at least one flow log attached to the VPC itself. */
final class FlowLogsEnabledCheck implements Check {

    private static final CheckMetadata METADATA = new CheckMetadata(
            "vpc.flow_logs_enabled",
            "Every VPC has flow logs enabled",
            "VPC", Severity.MEDIUM, "AWS::EC2::VPC",
            "Flow logs are the only record of which addresses talked to which, on what port, and whether the traffic "
                    + "was allowed. Without them, an investigation cannot tell where data went or which hosts a "
                    + "compromised instance reached, and GuardDuty's view of the network is all there is.",
            new Remediation("Create a flow log on the VPC (ALL traffic) to S3 or CloudWatch Logs.",
                    """
                    aws ec2 create-flow-logs --resource-type VPC --resource-ids <vpc-id> --traffic-type ALL \\
                        --log-destination-type s3 --log-destination arn:aws:s3:::<flow-log-bucket>/""",
                    """
                    VpcFlowLog:
                      Type: AWS::EC2::FlowLog
                      Properties:
                        ResourceId: <vpc-id>
                        ResourceType: VPC
                        TrafficType: ALL
                        LogDestinationType: s3
                        LogDestination: arn:aws:s3:::<flow-log-bucket>/""",
                    """
                    resource "aws_flow_log" "vpc" {
                      vpc_id               = "<vpc-id>"
                      traffic_type         = "ALL"
                      log_destination_type = "s3"
                      log_destination      = "arn:aws:s3:::<flow-log-bucket>/"
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
            List<Resource> vpcs = estate.inventory().ofType("AWS::EC2::VPC", account).toList();
            if (vpcs.isEmpty()) {
                out.add(v.scope(CheckStatus.NOT_APPLICABLE, account, "", "No VPC is in this account's Config inventory; "
                        + "if it has VPCs, include a Config snapshot that records AWS::EC2::VPC."));
                continue;
            }
            for (Resource vpc : vpcs) {
                out.add(judge(v, estate, vpc));
            }
        }
        return out;
    }

    private static CheckResult judge(Verdicts v, Estate estate, Resource vpc) {
        String vpcId = FlowLog.text(vpc.config("vpcId"));
        if (vpcId.isEmpty()) {
            vpcId = vpc.id();
        }
        FlowLogs logs = FlowLogs.of(estate, vpc.account(), vpc.region());
        List<FlowLog> watching = logs.watching(vpcId);
        if (!watching.isEmpty()) {
            FlowLog first = watching.get(0);
            return v.pass(vpc, "VPC " + Verdicts.clip(vpcId) + " has flow log " + Verdicts.clip(first.id())
                    + (first.trafficType().isEmpty() ? "" : " (" + Verdicts.clip(first.trafficType()) + " traffic)") + ".");
        }
        if (logs.complete()) {
            return v.fail(vpc, "VPC " + Verdicts.clip(vpcId) + " has no flow log; its traffic is not recorded.");
        }
        return v.error(vpc, Verdicts.unavailableReason(logs.export()));
    }
}
