package dev.vigil.posture.network;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.engine.intel.IpReputation;
import dev.vigil.engine.network.FlowDetectionSettings;
import dev.vigil.engine.network.FlowDetections;
import dev.vigil.engine.network.NetworkPolicy.Verdict;
import dev.vigil.model.Finding;
import dev.vigil.model.FlowRecord;
import dev.vigil.posture.inventory.Inventory;
import dev.vigil.posture.inventory.Resource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InventoryNetworkPolicyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENI = "eni-0aaa";
    private static final String INSTANCE = "i-0bbb";

    private static Resource item(String type, String id, String configuration) throws Exception {
        return new Resource(type, id, "", "", "111122223333", "eu-west-1", "OK",
                Instant.parse("2026-10-01T00:00:00Z"), Map.of(), JSON.readTree(configuration), null, List.of(),
                "snapshot.json#" + id);
    }

    /** A web server: HTTPS from anywhere, SSH from the office, Postgres from another group; a NACL denying 23. */
    private static Inventory estate() throws Exception {
        Inventory inv = new Inventory();
        inv.add(item("AWS::EC2::NetworkInterface", ENI, """
                {"networkInterfaceId": "eni-0aaa", "subnetId": "subnet-1", "groups": [{"groupId": "sg-web"},
                 {"groupId": "sg-admin"}], "attachment": {"instanceId": "i-0bbb"}}"""));
        inv.add(item("AWS::EC2::Instance", INSTANCE, """
                {"instanceId": "i-0bbb", "subnetId": "subnet-1", "securityGroups": [{"groupId": "sg-web"}],
                 "networkInterfaces": [{"networkInterfaceId": "eni-0aaa", "groups": [{"groupId": "sg-web"}]}]}"""));
        inv.add(item("AWS::EC2::SecurityGroup", "sg-web", """
                {"groupId": "sg-web", "ipPermissions": [
                  {"ipProtocol": "tcp", "fromPort": 443, "toPort": 443,
                   "ipv4Ranges": [{"cidrIp": "0.0.0.0/0"}], "ipv6Ranges": [{"cidrIpv6": "::/0"}]},
                  {"ipProtocol": "tcp", "fromPort": 5432, "toPort": 5432,
                   "userIdGroupPairs": [{"groupId": "sg-app"}]},
                  {"ipProtocol": "icmp", "fromPort": -1, "toPort": -1, "ipRanges": ["10.0.0.0/8"]}]}"""));
        inv.add(item("AWS::EC2::SecurityGroup", "sg-admin", """
                {"groupId": "sg-admin", "ipPermissions": [
                  {"ipProtocol": "6", "fromPort": 22, "toPort": 23, "ipv4Ranges": [{"cidrIp": "198.51.100.0/24"}]}]}"""));
        inv.add(item("AWS::EC2::NetworkAcl", "acl-1", """
                {"networkAclId": "acl-1", "associations": [{"subnetId": "subnet-1"}], "entries": [
                  {"ruleNumber": 32767, "protocol": "-1", "ruleAction": "deny", "egress": false, "cidrBlock": "0.0.0.0/0"},
                  {"ruleNumber": 100, "protocol": "6", "ruleAction": "deny", "egress": false, "cidrBlock": "0.0.0.0/0",
                   "portRange": {"from": 23, "to": 23}},
                  {"ruleNumber": 200, "protocol": "-1", "ruleAction": "allow", "egress": false, "cidrBlock": "0.0.0.0/0"},
                  {"ruleNumber": 201, "protocol": "-1", "ruleAction": "allow", "egress": false, "ipv6CidrBlock": "::/0"},
                  {"ruleNumber": 100, "protocol": "-1", "ruleAction": "deny", "egress": true, "cidrBlock": "0.0.0.0/0"}]}"""));
        return inv;
    }

    @Test
    void allowsWhatAGroupAndTheAclAllow() throws Exception {
        InventoryNetworkPolicy p = InventoryNetworkPolicy.of(estate());
        assertEquals(Verdict.ALLOWED, p.inbound(ENI, "", 6, 443, "203.0.113.9"));
        assertEquals(Verdict.ALLOWED, p.inbound(ENI, "", 6, 443, "2001:db8::7"));
        assertEquals(Verdict.ALLOWED, p.inbound(ENI, "", 6, 22, "198.51.100.20"));
        assertEquals(Verdict.ALLOWED, p.inbound(ENI, "", 1, -1, "10.1.2.3"));
    }

    @Test
    void namesTheInstanceAnInterfaceIsAttachedToAndItsRegion() throws Exception {
        InventoryNetworkPolicy p = InventoryNetworkPolicy.of(estate());
        assertEquals(INSTANCE, p.instanceOf(ENI));
        assertEquals("eu-west-1", p.regionOf(ENI));
        assertEquals("", p.instanceOf("eni-unknown"));
        assertEquals("", p.regionOf("eni-unknown"));
        Inventory onlyInstance = new Inventory();
        onlyInstance.add(item("AWS::EC2::Instance", "i-0ccc", """
                {"instanceId": "i-0ccc", "networkInterfaces": [{"networkInterfaceId": "eni-0ccc"}]}"""));
        assertEquals("i-0ccc", InventoryNetworkPolicy.of(onlyInstance).instanceOf("eni-0ccc"));
    }

    @Test
    void deniesWhatNoGroupAllowsOrTheAclDeniesFirst() throws Exception {
        InventoryNetworkPolicy p = InventoryNetworkPolicy.of(estate());
        assertEquals(Verdict.DENIED, p.inbound(ENI, "", 6, 22, "203.0.113.9"));
        assertEquals(Verdict.DENIED, p.inbound(ENI, "", 6, 8080, "198.51.100.20"));
        assertEquals(Verdict.DENIED, p.inbound(ENI, "", 17, 443, "203.0.113.9"));
        assertEquals(Verdict.DENIED, p.inbound(ENI, "", 1, -1, "203.0.113.9"));
        // sg-admin allows 23 from the office, but ACL rule 100 denies it before rule 200 allows all.
        assertEquals(Verdict.DENIED, p.inbound(ENI, "", 6, 23, "198.51.100.20"));
    }

    @Test
    void whatTheInventoryCannotSettleIsUnknownNeverDenied() throws Exception {
        InventoryNetworkPolicy p = InventoryNetworkPolicy.of(estate());
        assertEquals(Verdict.UNKNOWN, p.inbound("eni-unknown", "", 6, 22, "203.0.113.9"));
        assertEquals(Verdict.UNKNOWN, p.inbound(ENI, "", 6, 5432, "10.0.3.4"));
        assertEquals(Verdict.UNKNOWN, p.inbound(ENI, "", 6, 443, "not-an-address"));
        Inventory noAcl = new Inventory();
        noAcl.add(item("AWS::EC2::NetworkInterface", "eni-nat", """
                {"networkInterfaceId": "eni-nat", "subnetId": "subnet-9", "groups": []}"""));
        assertEquals(Verdict.UNKNOWN, InventoryNetworkPolicy.of(noAcl).inbound("eni-nat", "", 6, 22, "203.0.113.9"));
        assertEquals(false, InventoryNetworkPolicy.of(noAcl).forwardsTraffic("eni-nat"));
        assertEquals(Verdict.UNKNOWN, InventoryNetworkPolicy.of(new Inventory()).inbound(ENI, INSTANCE, 6, 22,
                "203.0.113.9"));
    }

    @Test
    void aFlowNamingOnlyItsInstanceUsesTheInstancesGroups() throws Exception {
        InventoryNetworkPolicy p = InventoryNetworkPolicy.of(estate());
        assertEquals(Verdict.ALLOWED, p.inbound("", INSTANCE, 6, 443, "203.0.113.9"));
        // The instance's record lists only sg-web, so SSH from the office is not allowed by it.
        assertEquals(Verdict.DENIED, p.inbound("", INSTANCE, 6, 22, "198.51.100.20"));
    }

    private static FlowRecord inbound(String src, int srcPort, int dstPort, long start) {
        return new FlowRecord(5, "111122223333", ENI, src, "10.0.1.15", srcPort, dstPort, 6, 30, 5000, start,
                start + 60, FlowRecord.Action.ACCEPT, FlowRecord.LogStatus.OK, "vpc-1", "subnet-1", INSTANCE, 2,
                "IPv4", src, "10.0.1.15", "eu-west-1", "euw1-az1", "", "", "ingress", -1, Map.of(),
                "flows.log#line " + start);
    }

    @Test
    void flowsAcceptedOnAPortTheInventoryDeniesAreUnauthorisedPortAccess() throws Exception {
        FlowDetections d = new FlowDetections(FlowDetectionSettings.defaults(), IpReputation.NONE,
                InventoryNetworkPolicy.of(estate()));
        long t0 = Instant.parse("2026-10-01T12:00:00Z").getEpochSecond();
        FlowDetections.State s = d.newState();
        d.accept(s, inbound("203.0.113.9", 50001, 443, t0));         // HTTPS is open to the world
        d.accept(s, inbound("198.51.100.20", 50002, 22, t0 + 1));    // SSH from the office is allowed
        d.accept(s, inbound("203.0.113.9", 50003, 3306, t0 + 2));    // MySQL: no group allows it
        d.accept(s, inbound("10.0.3.4", 50004, 5432, t0 + 3));       // Postgres from a group: cannot tell
        List<Finding> found = d.finish(List.of(s)).stream()
                .filter(f -> f.rule().id().equals("vigil-net-unauthorised-port-access")).toList();
        assertEquals(1, found.size());
        assertEquals("3306", found.get(0).keys().get("port"));
        assertEquals(INSTANCE, found.get(0).resource());
    }

    @Test
    void natGatewayInterfacesForwardOtherHostsTraffic() throws Exception {
        Inventory inv = estate();
        inv.add(item("AWS::EC2::NetworkInterface", "eni-0nat", """
                {"networkInterfaceId": "eni-0nat", "subnetId": "subnet-1", "interfaceType": "nat_gateway",
                 "requesterManaged": true, "groups": []}"""));
        InventoryNetworkPolicy p = InventoryNetworkPolicy.of(inv);
        assertEquals(true, p.forwardsTraffic("eni-0nat"));
        assertEquals(false, p.forwardsTraffic(ENI));
        assertEquals(false, p.forwardsTraffic("eni-unknown"));
    }

    @Test
    void aGroupMissingFromTheInventoryMakesADenialUnknown() throws Exception {
        Inventory inv = new Inventory();
        inv.add(item("AWS::EC2::NetworkInterface", ENI, """
                {"networkInterfaceId": "eni-0aaa", "subnetId": "subnet-1", "groups": [{"groupId": "sg-web"},
                 {"groupId": "sg-gone"}]}"""));
        inv.add(item("AWS::EC2::SecurityGroup", "sg-web", """
                {"groupId": "sg-web", "ipPermissions": []}"""));
        assertEquals(Verdict.UNKNOWN, InventoryNetworkPolicy.of(inv).inbound(ENI, "", 6, 22, "203.0.113.9"));
    }
}
