package dev.vigil.sim;

import dev.vigil.sim.Json.Obj;
import dev.vigil.sim.PostureOrg.Host;
import dev.vigil.sim.PostureOrg.SecurityGroup;
import dev.vigil.sim.PostureOrg.Vpc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.vigil.sim.Json.empty;
import static dev.vigil.sim.Json.list;
import static dev.vigil.sim.Json.obj;

/**
 * The fleet as Config records it: subnets and their default network ACL, instances (IMDSv2 only, with their
 * instance profile), their network
 * interfaces with security groups and addresses, and NAT gateways with their requester-managed interfaces. These
 * are what an inventory-backed reader resolves flow-log interfaces, instance addresses and security groups from.
 */
final class InstanceItems {

    private final PostureOrg org;

    InstanceItems(PostureOrg org) {
        this.org = org;
    }

    /** {@code subnet-…} of subnet {@code index} (0, 1 public; 2, 3 private) of a VPC; stable across runs. */
    static String subnetId(Vpc v, int index) {
        return "subnet-" + Payloads.stableHex(v.id() + "/subnet/" + index, 17);
    }

    List<ConfigItem> items() {
        List<ConfigItem> items = new ArrayList<>();
        for (Vpc v : org.vpcs()) {
            for (int s = 0; s < 4; s++) {
                items.add(subnet(v, s));
            }
            items.add(defaultNetworkAcl(v));
        }
        for (Host h : org.hosts()) {
            if (h.instance().role() == Fleet.Role.NAT) {
                items.add(natGateway(h));
            } else {
                items.add(instance(h));
            }
            items.add(networkInterface(h));
        }
        return items;
    }

    private ConfigItem subnet(Vpc v, int index) {
        long created = org.startMillis() - 690 * 86_400_000L;
        String id = subnetId(v, index);
        String octet = v.cidr().substring(0, v.cidr().indexOf(".0.0/"));
        String cidr = octet + "." + (index * 32) + ".0/19";
        String name = v.account().role() + "-" + (index < 2 ? "public-" : "private-") + (index % 2 == 0 ? "a" : "b");
        String az = v.region() + (index % 2 == 0 ? "a" : "b");
        return ConfigItem.of("AWS::EC2::Subnet", id, name,
                "arn:aws:ec2:" + v.region() + ":" + v.account().id() + ":subnet/" + id, v.account().id(), v.region(),
                az, created, ConfigItem.captured(created), Map.of("Name", name),
                List.of(ConfigItem.relationship("AWS::EC2::VPC", v.id(), "Is contained in Vpc")),
                obj("availabilityZone", az, "cidrBlock", cidr, "mapPublicIpOnLaunch", false, "state", "available",
                        "subnetId", id, "vpcId", v.id(), "ownerId", v.account().id(), "defaultForAz", false,
                        "tags", list(obj("key", "Name", "value", name))), empty());
    }

    /**
     * The VPC's default network ACL, associated with its four subnets: allow everything both ways (rule 100), deny
     * the rest (rule 32767). Filtering is the security groups' job in this estate, so flow-log REJECTs always come
     * from them.
     */
    private ConfigItem defaultNetworkAcl(Vpc v) {
        long created = org.startMillis() - 700 * 86_400_000L;
        String id = "acl-" + Payloads.stableHex(v.id() + "/acl", 17);
        List<Object> entries = new ArrayList<>();
        for (boolean egress : new boolean[] {true, false}) {
            entries.add(obj("cidrBlock", "0.0.0.0/0", "egress", egress, "protocol", "-1", "ruleAction", "allow",
                    "ruleNumber", 100));
            entries.add(obj("cidrBlock", "0.0.0.0/0", "egress", egress, "protocol", "-1", "ruleAction", "deny",
                    "ruleNumber", 32767));
        }
        List<Object> associations = new ArrayList<>();
        List<Obj> relationships = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            associations.add(obj("networkAclAssociationId", "aclassoc-" + Payloads.stableHex(id + s, 17),
                    "networkAclId", id, "subnetId", subnetId(v, s)));
            relationships.add(ConfigItem.relationship("AWS::EC2::Subnet", subnetId(v, s), "Is attached to Subnet"));
        }
        relationships.add(ConfigItem.relationship("AWS::EC2::VPC", v.id(), "Is contained in Vpc"));
        return ConfigItem.of("AWS::EC2::NetworkAcl", id, id,
                "arn:aws:ec2:" + v.region() + ":" + v.account().id() + ":network-acl/" + id, v.account().id(),
                v.region(), "Not Applicable", created, ConfigItem.captured(created), Map.of(), relationships,
                obj("associations", List.copyOf(associations), "entries", List.copyOf(entries), "isDefault", true,
                        "networkAclId", id, "tags", list(), "vpcId", v.id(), "ownerId", v.account().id()), empty());
    }

    private ConfigItem instance(Host h) {
        Fleet.Instance i = h.instance();
        String subnet = subnetId(h.vpc(), i.subnet());
        String account = i.account().id();
        String profile = "arn:aws:iam::" + account + ":instance-profile/" + i.roleName();
        List<Obj> relationships = new ArrayList<>();
        relationships.add(ConfigItem.relationship("AWS::EC2::NetworkInterface", i.eniId(), "Contains NetworkInterface"));
        for (SecurityGroup g : h.groups()) {
            relationships.add(ConfigItem.relationship("AWS::EC2::SecurityGroup", g.id(), "Is associated with SecurityGroup"));
        }
        relationships.add(ConfigItem.relationship("AWS::EC2::Subnet", subnet, "Is contained in Subnet"));
        relationships.add(ConfigItem.relationship("AWS::EC2::VPC", h.vpc().id(), "Is contained in Vpc"));
        String name = i.account().role() + "-" + i.name();
        return ConfigItem.of("AWS::EC2::Instance", i.instanceId(), name, i.arn(), account, i.region(), i.zone(),
                i.launchMillis(), ConfigItem.captured(i.launchMillis()), Map.of("Name", name), relationships,
                obj("instanceId", i.instanceId(), "imageId", "ami-" + Payloads.stableHex(i.region() + i.role(), 17),
                        "instanceType", i.role() == Fleet.Role.WORKER ? "c7g.large" : "t3.medium",
                        "launchTime", ConfigItem.time(i.launchMillis()), "placement", obj("availabilityZone", i.zone(),
                                "tenancy", "default"),
                        "platform", i.role() == Fleet.Role.WINDOWS ? "windows" : null,
                        "privateIpAddress", h.privateIp(), "privateDnsName", dnsName(h),
                        "publicIpAddress", i.publicIp(), "state", obj("code", 16, "name", "running"),
                        "subnetId", subnet, "vpcId", h.vpc().id(), "securityGroups", groupRefs(h),
                        "iamInstanceProfile", obj("arn", profile, "id", "AIPA" + Payloads.stableHex(profile, 17)
                                .toUpperCase(java.util.Locale.ROOT)),
                        "metadataOptions", obj("state", "applied", "httpTokens", "required",
                                "httpPutResponseHopLimit", 2, "httpEndpoint", "enabled"),
                        "monitoring", obj("state", "disabled"), "ebsOptimized", true,
                        "networkInterfaces", list(interfaceBody(h, true)),
                        "tags", list(obj("key", "Name", "value", name))), empty());
    }

    private ConfigItem natGateway(Host h) {
        Fleet.Instance i = h.instance();
        String subnet = subnetId(h.vpc(), i.subnet());
        String name = i.account().role() + "-nat-" + i.zone();
        return ConfigItem.of("AWS::EC2::NatGateway", i.natId(), name,
                "arn:aws:ec2:" + i.region() + ":" + i.account().id() + ":natgateway/" + i.natId(),
                i.account().id(), i.region(), i.zone(), i.launchMillis(), ConfigItem.captured(i.launchMillis()),
                Map.of("Name", name), List.of(ConfigItem.relationship("AWS::EC2::Subnet", subnet, "Is contained in Subnet"),
                        ConfigItem.relationship("AWS::EC2::VPC", h.vpc().id(), "Is contained in Vpc")),
                obj("natGatewayId", i.natId(), "connectivityType", "public", "state", "available", "subnetId", subnet,
                        "vpcId", h.vpc().id(), "createTime", ConfigItem.time(i.launchMillis()),
                        "natGatewayAddresses", list(obj("allocationId", "eipalloc-"
                                        + Payloads.stableHex(i.natId() + "eip", 17), "networkInterfaceId", i.eniId(),
                                "privateIp", h.privateIp(), "publicIp", i.publicIp(), "isPrimary", true,
                                "status", "succeeded"))), empty());
    }

    private ConfigItem networkInterface(Host h) {
        Fleet.Instance i = h.instance();
        List<Obj> relationships = new ArrayList<>();
        if (i.instanceId() != null) {
            relationships.add(ConfigItem.relationship("AWS::EC2::Instance", i.instanceId(), "Is attached to Instance"));
        }
        for (SecurityGroup g : h.groups()) {
            relationships.add(ConfigItem.relationship("AWS::EC2::SecurityGroup", g.id(), "Is associated with SecurityGroup"));
        }
        relationships.add(ConfigItem.relationship("AWS::EC2::Subnet", subnetId(h.vpc(), i.subnet()), "Is contained in Subnet"));
        relationships.add(ConfigItem.relationship("AWS::EC2::VPC", h.vpc().id(), "Is contained in Vpc"));
        return ConfigItem.of("AWS::EC2::NetworkInterface", i.eniId(), i.eniId(),
                "arn:aws:ec2:" + i.region() + ":" + i.account().id() + ":network-interface/" + i.eniId(),
                i.account().id(), i.region(), i.zone(), i.launchMillis(), ConfigItem.captured(i.launchMillis()),
                Map.of(), relationships, interfaceBody(h, false), empty());
    }

    /** The interface as describe-network-interfaces shows it, or as nested in its instance. */
    private Obj interfaceBody(Host h, boolean nested) {
        Fleet.Instance i = h.instance();
        boolean nat = i.role() == Fleet.Role.NAT;
        Obj association = i.publicIp() == null ? null : obj("ipOwnerId", nat ? i.account().id() : "amazon",
                "publicDnsName", "", "publicIp", i.publicIp());
        Obj attachment = nat ? obj("attachmentId", "ela-attach-" + Payloads.stableHex(i.eniId(), 17),
                "deleteOnTermination", false, "deviceIndex", 1, "instanceOwnerId", "amazon-aws", "status", "attached")
                : obj("attachmentId", "eni-attach-" + Payloads.stableHex(i.eniId(), 17),
                "attachTime", ConfigItem.time(i.launchMillis()), "deleteOnTermination", true, "deviceIndex", 0,
                "instanceId", i.instanceId(), "instanceOwnerId", i.account().id(), "status", "attached");
        return obj("association", association, "attachment", attachment,
                "availabilityZone", i.zone(), "description", nat ? "Interface for NAT Gateway " + i.natId() : "",
                "groups", groupRefs(h), "interfaceType", nat ? "nat_gateway" : "interface",
                "networkInterfaceId", i.eniId(), "ownerId", i.account().id(), "privateDnsName", dnsName(h),
                "privateIpAddress", h.privateIp(), "privateIpAddresses", list(obj("association", association,
                        "primary", true, "privateDnsName", dnsName(h), "privateIpAddress", h.privateIp())),
                "requesterManaged", nat, "requesterId", nat ? "AIDA" + Payloads.stableHex("natgw", 17)
                        .toUpperCase(java.util.Locale.ROOT) : null,
                "sourceDestCheck", !nat, "status", "in-use", "subnetId", subnetId(h.vpc(), i.subnet()),
                "vpcId", h.vpc().id(), "tagSet", list(), nested ? "ipv6Addresses" : "ipv6AddressesSet", list());
    }

    private static List<Object> groupRefs(Host h) {
        List<Object> refs = new ArrayList<>();
        for (SecurityGroup g : h.groups()) {
            refs.add(obj("groupId", g.id(), "groupName", g.name()));
        }
        return List.copyOf(refs);
    }

    private static String dnsName(Host h) {
        String region = h.instance().region();
        String suffix = region.equals(Estate.HOME_REGION) ? ".ec2.internal" : "." + region + ".compute.internal";
        return "ip-" + h.privateIp().replace('.', '-') + suffix;
    }
}
