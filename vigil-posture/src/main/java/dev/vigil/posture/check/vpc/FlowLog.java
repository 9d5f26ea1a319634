package dev.vigil.posture.check.vpc;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * One VPC flow log, from {@code ec2 describe-flow-logs} (PascalCase) or an AWS::EC2::FlowLog Config item (camelCase).
 *
 * @param id              FlowLogId
 * @param account         owning account
 * @param region          region
 * @param resourceId      the VPC, subnet or ENI it watches
 * @param trafficType     ACCEPT, REJECT or ALL
 * @param destinationType cloud-watch-logs, s3 or kinesis-data-firehose
 * @param destination     LogDestination ARN (empty for old CloudWatch flow logs that only name the group)
 * @param logGroupName    LogGroupName for CloudWatch Logs destinations
 * @param flowLogStatus   FlowLogStatus (ACTIVE when working)
 * @param deliverStatus   DeliverLogsStatus (SUCCESS or FAILED)
 * @param deliverError    DeliverLogsErrorMessage
 */
record FlowLog(String id, String account, String region, String resourceId, String trafficType,
               String destinationType, String destination, String logGroupName, String flowLogStatus,
               String deliverStatus, String deliverError) {

    static Optional<FlowLog> fromExport(JsonNode f, String account, String region) {
        return of(f, account, region, true);
    }

    static Optional<FlowLog> fromConfigItem(JsonNode c, String account, String region) {
        return of(c, account, region, false);
    }

    private static Optional<FlowLog> of(JsonNode f, String account, String region, boolean pascal) {
        if (f == null || !f.isObject()) {
            return Optional.empty();
        }
        String id = field(f, "flowLogId", pascal);
        String resource = field(f, "resourceId", pascal);
        if (id.isEmpty() || resource.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FlowLog(id, account, region, resource, field(f, "trafficType", pascal),
                field(f, "logDestinationType", pascal), field(f, "logDestination", pascal),
                field(f, "logGroupName", pascal), field(f, "flowLogStatus", pascal),
                field(f, "deliverLogsStatus", pascal), field(f, "deliverLogsErrorMessage", pascal)));
    }

    private static String field(JsonNode f, String camel, boolean pascal) {
        String name = pascal ? Character.toUpperCase(camel.charAt(0)) + camel.substring(1) : camel;
        return text(f.path(name));
    }

    static String text(JsonNode node) {
        return node != null && node.isValueNode() && !node.isNull() ? node.asText().strip() : "";
    }

    /** An ARN for reasons and results: the flow log's EC2 ARN. */
    String arn() {
        return "arn:aws:ec2:" + region + ":" + account + ":vpc-flow-log/" + id;
    }
}
