package dev.vigil.sim;

import dev.vigil.sim.Json.Obj;
import dev.vigil.sim.PostureOrg.Change;
import dev.vigil.sim.PostureOrg.Ingress;
import dev.vigil.sim.PostureOrg.SecurityGroup;
import dev.vigil.sim.PostureOrg.Vpc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.vigil.sim.Json.empty;
import static dev.vigil.sim.Json.list;
import static dev.vigil.sim.Json.obj;

/** VPCs, their flow logs and security groups as Config records them (describe-API camelCase). */
final class NetworkItems {

    private final PostureOrg org;

    NetworkItems(PostureOrg org) {
        this.org = org;
    }

    ConfigItem vpc(Vpc v) {
        long created = org.startMillis() - 700 * 86_400_000L;
        String name = v.account().role() + "-" + v.region();
        return ConfigItem.of("AWS::EC2::VPC", v.id(), name, v.arn(), v.account().id(), v.region(), "Multiple Availability Zones",
                created, ConfigItem.captured(created), Map.of("Name", name), List.of(),
                obj("cidrBlock", v.cidr(), "dhcpOptionsId", "dopt-" + Payloads.stableHex(v.id(), 17),
                        "state", "available", "vpcId", v.id(), "ownerId", v.account().id(),
                        "instanceTenancy", "default", "ipv6CidrBlockAssociationSet", list(),
                        "cidrBlockAssociationSet", list(obj("associationId", "vpc-cidr-assoc-"
                                + Payloads.stableHex(v.id() + "cidr", 17), "cidrBlock", v.cidr(),
                                "cidrBlockState", obj("state", "associated"))),
                        "isDefault", false, "tags", list(obj("key", "Name", "value", name))), empty());
    }

    ConfigItem flowLog(Vpc v) {
        long created = org.startMillis() - 600 * 86_400_000L;
        String destination = v.flowLogBucketArn() + "/" + v.account().id() + "/";
        return ConfigItem.of("AWS::EC2::FlowLog", v.flowLogId(), v.flowLogId(),
                "arn:aws:ec2:" + v.region() + ":" + v.account().id() + ":vpc-flow-log/" + v.flowLogId(),
                v.account().id(), v.region(), "Not Applicable", created, ConfigItem.captured(created), Map.of(),
                List.of(ConfigItem.relationship("AWS::EC2::VPC", v.id(), "Is associated with Vpc")),
                obj("creationTime", ConfigItem.time(created), "deliverLogsStatus", "SUCCESS", "flowLogId", v.flowLogId(),
                        "flowLogStatus", "ACTIVE", "resourceId", v.id(), "trafficType", "ALL",
                        "logDestinationType", "s3", "logDestination", destination, "logFormat", FlowLogFormat.of(v).logFormat(),
                        "tags", list(), "maxAggregationInterval", 600,
                        "destinationOptions", obj("fileFormat", "plain-text", "hiveCompatiblePartitions", false,
                                "perHourPartition", false)), empty());
    }

    /**
     * A security group as Config captured it: in its final state (captured a little after the period's change to
     * it, if any), or, with {@code finalState} false, as created, without the rule the period's change added.
     */
    ConfigItem securityGroup(Vpc v, SecurityGroup g, boolean finalState) {
        Change change = org.lastChange(g.id());
        long created = org.startMillis() - 650 * 86_400_000L;
        long capture = change != null && finalState ? change.timeMillis() : ConfigItem.captured(created);
        Map<String, List<Ingress>> byPort = new LinkedHashMap<>();
        for (Ingress rule : g.ingress()) {
            if (!finalState && org.changes().stream().anyMatch(c -> c.resourceId().equals(g.id()) && c.adds(rule))) {
                continue;
            }
            byPort.computeIfAbsent(rule.protocol() + ":" + rule.from() + ":" + rule.to(), k -> new ArrayList<>())
                    .add(rule);
        }
        List<Obj> permissions = new ArrayList<>();
        for (List<Ingress> rules : byPort.values()) {
            Ingress first = rules.getFirst();
            List<Obj> ranges = new ArrayList<>();
            List<String> plain = new ArrayList<>();
            List<Obj> pairs = new ArrayList<>();
            for (Ingress r : rules) {
                if (r.cidr() != null) {
                    ranges.add(obj("cidrIp", r.cidr(), "description", r.description()));
                    plain.add(r.cidr());
                } else {
                    pairs.add(obj("description", r.description(), "groupId", r.sourceGroup(),
                            "userId", v.account().id()));
                }
            }
            permissions.add(obj("fromPort", first.from(), "ipProtocol", first.protocol(), "ipv6Ranges", list(),
                    "prefixListIds", list(), "toPort", first.to(), "userIdGroupPairs", List.copyOf(pairs),
                    "ipv4Ranges", List.copyOf(ranges), "ipRanges", List.copyOf(plain)));
        }
        Obj egress = obj("ipProtocol", "-1", "ipv6Ranges", list(), "prefixListIds", list(), "userIdGroupPairs", list(),
                "ipv4Ranges", list(obj("cidrIp", "0.0.0.0/0")), "ipRanges", list("0.0.0.0/0"));
        return ConfigItem.of("AWS::EC2::SecurityGroup", g.id(), g.name(),
                "arn:aws:ec2:" + v.region() + ":" + v.account().id() + ":security-group/" + g.id(),
                v.account().id(), v.region(), "Not Applicable", created, capture, Map.of(),
                List.of(ConfigItem.relationship("AWS::EC2::VPC", v.id(), "Is contained in Vpc")),
                obj("description", g.description(), "groupName", g.name(), "ipPermissions", List.copyOf(permissions),
                        "ownerId", v.account().id(), "groupId", g.id(), "ipPermissionsEgress", list(egress),
                        "tags", list(), "vpcId", v.id()), empty());
    }
}
