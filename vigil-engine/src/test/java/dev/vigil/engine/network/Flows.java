package dev.vigil.engine.network;

import dev.vigil.engine.intel.IpReputation;
import dev.vigil.model.Finding;
import dev.vigil.model.FlowRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Hand-written flow records for the detection tests: v5-style records with what the tests vary. */
final class Flows {

    static final String ACCOUNT = "111122223333";
    static final String INSTANCE = "i-0abc1234def567890";
    static final String ENI = "eni-0a1b2c3d4e5f60718";
    static final String LOCAL = "10.0.1.15";
    /** 2026-10-01T00:00:00Z, the demo estate's start. */
    static final long T0 = Instant.parse("2026-10-01T00:00:00Z").getEpochSecond();

    private static int line;

    private Flows() {
    }

    /** An egress flow from the instance to a remote host. */
    static FlowRecord out(String remote, int srcPort, int dstPort, int proto, long packets, long bytes, long start,
                          FlowRecord.Action action) {
        return record(LOCAL, remote, srcPort, dstPort, proto, packets, bytes, start, action, "egress");
    }

    /** An ingress flow from a remote host to the instance. */
    static FlowRecord in(String remote, int srcPort, int dstPort, int proto, long packets, long bytes, long start,
                         FlowRecord.Action action) {
        return record(remote, LOCAL, srcPort, dstPort, proto, packets, bytes, start, action, "ingress");
    }

    static FlowRecord record(String src, String dst, int srcPort, int dstPort, int proto, long packets, long bytes,
                             long start, FlowRecord.Action action, String direction) {
        return new FlowRecord(5, ACCOUNT, ENI, src, dst, srcPort, dstPort, proto, packets, bytes, start, start + 30,
                action, FlowRecord.LogStatus.OK, "vpc-0f00", "subnet-0f00", INSTANCE, 2, "IPv4", src, dst,
                "eu-west-1", "euw1-az1", "", "", direction, FlowRecord.ABSENT, Map.of(),
                "flows.log#line " + (++line));
    }

    /** The same record without v5 direction nor v3 instance id, as a v2 default-format line would give it. */
    static FlowRecord v2(FlowRecord r) {
        return new FlowRecord(2, r.accountId(), r.interfaceId(), r.srcAddr(), r.dstAddr(), r.srcPort(), r.dstPort(),
                r.protocol(), r.packets(), r.bytes(), r.start(), r.end(), r.action(), r.logStatus(), "", "", "",
                FlowRecord.ABSENT, "", "", "", "", "", "", "", "", FlowRecord.ABSENT, Map.of(), r.origin());
    }

    /** The same record as a reader running {@code screen} would give it, the screen having passed {@code passed}. */
    static FlowRecord screened(FlowRecord r, dev.vigil.model.AddressScreen screen, int passed) {
        return new FlowRecord(r.version(), r.accountId(), r.interfaceId(), r.srcAddr(), r.dstAddr(), r.srcPort(),
                r.dstPort(), r.protocol(), r.packets(), r.bytes(), r.start(), r.end(), r.action(), r.logStatus(),
                r.vpcId(), r.subnetId(), r.instanceId(), r.tcpFlags(), r.type(), r.pktSrcAddr(), r.pktDstAddr(),
                r.region(), r.azId(), r.pktSrcAwsService(), r.pktDstAwsService(), r.flowDirection(), r.trafficPath(),
                r.extra(), r.originPrefix(), r.originNumber(), r.srcIpv4(), r.dstIpv4(), screen, passed);
    }

    static List<Finding> run(FlowDetections d, List<FlowRecord> flows) {
        FlowDetections.State s = d.newState();
        flows.forEach(f -> d.accept(s, f));
        return d.finish(List.of(s));
    }

    static List<Finding> run(List<FlowRecord> flows) {
        return run(detector(FlowDetectionSettings.defaults(), IpReputation.NONE, NetworkPolicy.NONE), flows);
    }

    static FlowDetections detector(FlowDetectionSettings s, IpReputation intel, NetworkPolicy policy) {
        return new FlowDetections(s, intel, policy);
    }

    static List<Finding> of(List<Finding> findings, String ruleId) {
        return findings.stream().filter(f -> f.rule().id().equals(ruleId)).toList();
    }

    static List<String> ruleIds(List<Finding> findings) {
        return findings.stream().map(f -> f.rule().id()).distinct().sorted().toList();
    }

    static String remote(int i) {
        return "203.0." + (113 + i / 250) + "." + (1 + i % 250);
    }

    static List<FlowRecord> list() {
        return new ArrayList<>();
    }
}
