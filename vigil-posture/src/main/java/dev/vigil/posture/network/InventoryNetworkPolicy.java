package dev.vigil.posture.network;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.engine.network.NetworkPolicy;
import dev.vigil.posture.inventory.Inventory;
import dev.vigil.posture.inventory.Resource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@link NetworkPolicy} the inventory implies: an interface's security groups (AWS::EC2::NetworkInterface
 * {@code groups}, or for a flow that names only its instance, AWS::EC2::Instance {@code securityGroups}) and the
 * network ACL associated with its subnet (AWS::EC2::NetworkAcl {@code associations}).
 *
 * <p>Security groups are stateful and network ACLs stateless, but both are asked only about new inbound
 * connections, where both apply: the flow detections never ask about responses. A connection is
 * {@link Verdict#DENIED} when a security group or the ACL the inventory holds definitely stops it; anything the
 * inventory cannot settle — an interface or group it does not hold, a rule naming another group or a prefix list,
 * an entry it cannot read — is {@link Verdict#UNKNOWN}, never a denial.
 */
public final class InventoryNetworkPolicy implements NetworkPolicy {

    /** What the inventory says about one interface (or instance): its groups and subnet. */
    private record Attachment(List<String> groupIds, String subnetId) {
    }

    /**
     * AWS::EC2::NetworkInterface {@code interfaceType}s (lower case, without {@code _} and {@code -}) of interfaces
     * that forward other hosts' traffic. Application and classic load balancers terminate connections and are
     * left out: their traffic is their own.
     */
    private static final Set<String> FORWARDING_TYPES = Set.of("natgateway", "networkloadbalancer",
            "gatewayloadbalancer", "gatewayloadbalancerendpoint", "transitgateway", "vpcendpoint",
            "globalacceleratormanaged");

    private final Set<String> forwarding;
    private final Map<String, String> instanceByInterface;
    private final Map<String, String> regionByInterface;
    private final Map<String, Attachment> byInterface;
    private final Map<String, Attachment> byInstance;
    private final Map<String, SecurityGroupRules> groups;
    private final Map<String, NetworkAclRules> aclBySubnet;

    private InventoryNetworkPolicy(Set<String> forwarding, Map<String, String> instanceByInterface,
                                   Map<String, String> regionByInterface,
                                   Map<String, Attachment> byInterface,
                                   Map<String, Attachment> byInstance, Map<String, SecurityGroupRules> groups,
                                   Map<String, NetworkAclRules> aclBySubnet) {
        this.forwarding = forwarding;
        this.byInterface = byInterface;
        this.instanceByInterface = instanceByInterface;
        this.regionByInterface = regionByInterface;
        this.byInstance = byInstance;
        this.groups = groups;
        this.aclBySubnet = aclBySubnet;
    }

    /** Reads the interfaces, instances, security groups and network ACLs the inventory holds (live ones only). */
    public static InventoryNetworkPolicy of(Inventory inv) {
        Map<String, Attachment> byInterface = new HashMap<>();
        Map<String, Attachment> byInstance = new HashMap<>();
        Set<String> forwarding = new HashSet<>();
        Map<String, String> instanceByInterface = new HashMap<>();
        Map<String, String> regionByInterface = new HashMap<>();
        inv.ofType("AWS::EC2::NetworkInterface").forEach(r -> {
            Attachment a = new Attachment(groupIds(r.config("groups")), r.config("subnetId").asText(""));
            String id = text(r.config("networkInterfaceId"), r.id());
            byInterface.put(id, a);
            if (r.region() != null && !r.region().isEmpty()) {
                regionByInterface.put(id, r.region());
            }
            String instance = r.config("attachment").path("instanceId").asText("");
            if (!instance.isEmpty()) {
                instanceByInterface.put(id, instance);
            }
            String type = r.config("interfaceType").asText("").toLowerCase(Locale.ROOT).replaceAll("[-_]", "");
            if (FORWARDING_TYPES.contains(type)) {
                forwarding.add(id);
            }
        });
        inv.ofType("AWS::EC2::Instance").forEach(r -> {
            for (JsonNode eni : r.config("networkInterfaces")) {
                String id = eni.path("networkInterfaceId").asText("");
                if (!id.isEmpty()) {
                    instanceByInterface.putIfAbsent(id, text(r.config("instanceId"), r.id()));
                    if (r.region() != null && !r.region().isEmpty()) {
                        regionByInterface.putIfAbsent(id, r.region());
                    }
                }
                if (!id.isEmpty() && !byInterface.containsKey(id)) {
                    byInterface.put(id, new Attachment(groupIds(eni.path("groups")),
                            text(eni.path("subnetId"), r.config("subnetId").asText(""))));
                }
            }
            byInstance.put(text(r.config("instanceId"), r.id()),
                    new Attachment(groupIds(r.config("securityGroups")), r.config("subnetId").asText("")));
        });
        Map<String, SecurityGroupRules> groups = new HashMap<>();
        inv.ofType("AWS::EC2::SecurityGroup").forEach(r ->
                groups.put(text(r.config("groupId"), r.id()), SecurityGroupRules.of(r)));
        Map<String, NetworkAclRules> aclBySubnet = new HashMap<>();
        inv.ofType("AWS::EC2::NetworkAcl").forEach(r -> {
            NetworkAclRules rules = NetworkAclRules.of(r);
            for (JsonNode a : r.config("associations")) {
                String subnet = a.path("subnetId").asText("");
                if (!subnet.isEmpty()) {
                    aclBySubnet.put(subnet, rules);
                }
            }
        });
        return new InventoryNetworkPolicy(Set.copyOf(forwarding), Map.copyOf(instanceByInterface),
                Map.copyOf(regionByInterface), byInterface, byInstance, groups, aclBySubnet);
    }

    private static List<String> groupIds(JsonNode list) {
        List<String> ids = new ArrayList<>();
        for (JsonNode g : list) {
            String id = g.isTextual() ? g.asText() : g.path("groupId").asText("");
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
        return List.copyOf(ids);
    }

    private static String text(JsonNode node, String fallback) {
        String t = node.asText("");
        return t.isEmpty() ? fallback : t;
    }

    /** True for interfaces of NAT gateways, network and gateway load balancers, transit gateways and endpoints. */
    @Override
    public boolean forwardsTraffic(String interfaceId) {
        return interfaceId != null && forwarding.contains(interfaceId);
    }

    @Override
    public String instanceOf(String interfaceId) {
        return interfaceId == null ? "" : instanceByInterface.getOrDefault(interfaceId, "");
    }

    @Override
    public String regionOf(String interfaceId) {
        return interfaceId == null ? "" : regionByInterface.getOrDefault(interfaceId, "");
    }

    @Override
    public Verdict inbound(String interfaceId, String instanceId, int protocol, int localPort, String remoteAddress) {
        Attachment a = interfaceId == null ? null : byInterface.get(interfaceId);
        if (a == null && instanceId != null) {
            a = byInstance.get(instanceId);
        }
        IpAddress remote = a == null ? null : IpAddress.parse(remoteAddress);
        if (remote == null) {
            return Verdict.UNKNOWN;
        }
        Verdict sg = securityGroups(a, protocol, localPort, remote);
        NetworkAclRules acl = aclBySubnet.get(a.subnetId());
        Verdict nacl = acl == null ? Verdict.UNKNOWN : acl.inbound(protocol, localPort, remote);
        if (sg == Verdict.DENIED || nacl == Verdict.DENIED) {
            return Verdict.DENIED;
        }
        return sg == Verdict.ALLOWED && nacl == Verdict.ALLOWED ? Verdict.ALLOWED : Verdict.UNKNOWN;
    }

    /** Any group allowing is enough; all groups known and none allowing is a denial. */
    private Verdict securityGroups(Attachment a, int protocol, int localPort, IpAddress remote) {
        if (a.groupIds().isEmpty()) {
            return Verdict.UNKNOWN; // NAT gateways and some service interfaces have no groups: not ours to judge
        }
        boolean unknown = false;
        for (String id : a.groupIds()) {
            SecurityGroupRules rules = groups.get(id);
            if (rules == null) {
                unknown = true;
                continue;
            }
            Verdict v = rules.inbound(protocol, localPort, remote);
            if (v == Verdict.ALLOWED) {
                return Verdict.ALLOWED;
            }
            unknown |= v == Verdict.UNKNOWN;
        }
        return unknown ? Verdict.UNKNOWN : Verdict.DENIED;
    }
}
