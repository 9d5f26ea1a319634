package dev.vigil.engine.network;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.engine.intel.IpReputation;
import dev.vigil.model.Finding;
import dev.vigil.model.FlowRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static dev.vigil.engine.network.Flows.T0;
import static dev.vigil.engine.network.Flows.of;
import static dev.vigil.engine.network.Flows.remote;
import static dev.vigil.engine.network.Flows.run;
import static dev.vigil.model.FlowRecord.Action.ACCEPT;
import static dev.vigil.model.FlowRecord.Action.REJECT;
import static dev.vigil.model.FlowRecord.TCP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FloodSpamAndBehaviourTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<FlowRecord> flood(int proto, int dstPort, int records, long packetsEach, long bytesEach) {
        List<FlowRecord> flows = Flows.list();
        for (int i = 0; i < records; i++) {
            flows.add(Flows.out("198.51.100.200", 30000 + i, dstPort, proto, packetsEach, bytesEach, T0 + i, ACCEPT));
        }
        return flows;
    }

    @ParameterizedTest
    @CsvSource({
            "17, 9999, 400, vigil-net-dos-udp",
            "17, 443, 400, vigil-net-dos-udp-on-tcp-ports",
            "17, 53, 400, vigil-net-dos-dns",
            "17, 53, 1300, vigil-net-dos-udp",
            "6, 53, 60, vigil-net-dos-dns",
            "6, 80, 60, vigil-net-dos-tcp",
            "1, -1, 84, vigil-net-dos-icmp",
            "47, -1, 84, vigil-net-dos-unusual-protocol"})
    void aFloodToOneHostIsADenialOfServiceOfItsKind(int proto, int port, long bytesPerPacket, String rule) {
        List<Finding> all = run(flood(proto, port, 120, 1000, 1000 * bytesPerPacket));
        List<Finding> found = of(all, rule);
        assertEquals(1, found.size(), () -> "expected " + rule + " in " + Flows.ruleIds(all));
        assertEquals("198.51.100.200", found.get(0).keys().get("peer"));
        assertEquals(1, all.stream().filter(f -> f.rule().id().startsWith("vigil-net-dos-")).count());
    }

    @Test
    void modestTrafficOrLargeTcpTransfersAreNoFlood() {
        assertTrue(run(flood(17, 9999, 50, 1000, 400_000)).stream()
                .noneMatch(f -> f.rule().id().startsWith("vigil-net-dos-")));
        // A bulk TCP upload: many packets, but full-sized ones.
        assertTrue(run(flood(6, 443, 120, 1000, 1_400_000)).stream()
                .noneMatch(f -> f.rule().id().startsWith("vigil-net-dos-")));
    }

    @Test
    void mailToManyServersIsASpambot() {
        List<FlowRecord> flows = Flows.list();
        for (int i = 0; i < 30; i++) {
            flows.add(Flows.out(remote(i), 40000 + i, 25, TCP, 20, 4000, T0 + i * 5, ACCEPT));
        }
        assertEquals(1, of(run(flows), "vigil-net-spambot").size());
        assertTrue(of(run(flows.subList(0, 5)), "vigil-net-spambot").isEmpty());
    }

    private static FlowDetectionSettings learning(String period) throws Exception {
        return FlowDetectionSettings.parse("test.yaml", "learning-period: " + period + "\n");
    }

    /** Eight hours of HTTPS to one host, 1 MB an hour, from T0. */
    private static List<FlowRecord> routine() {
        List<FlowRecord> flows = Flows.list();
        for (int h = 0; h < 8; h++) {
            flows.add(Flows.out("192.0.2.10", 45000 + h, 443, TCP, 900, 1_000_000, T0 + h * 3600L, ACCEPT));
        }
        return flows;
    }

    @Test
    void aNewRemotePortAfterLearningIsUnusual() throws Exception {
        List<FlowRecord> flows = routine();
        flows.add(Flows.out("192.0.2.99", 46000, 6667, TCP, 30, 3000, T0 + 6 * 3600L, ACCEPT));
        FlowDetections d = Flows.detector(learning("PT4H"), IpReputation.NONE, NetworkPolicy.NONE);
        List<Finding> found = of(Flows.run(d, flows), "vigil-net-network-port-unusual");
        assertEquals(1, found.size());
        assertEquals("6667", found.get(0).keys().get("port"));
        assertEquals("6", found.get(0).keys().get("protocol"));
    }

    @Test
    void probesOfNewPortsAreNotUnusualPorts() throws Exception {
        List<FlowRecord> flows = routine();
        for (int port = 1; port <= 100; port++) {
            flows.add(Flows.out("192.0.2.99", 46000 + port, port, TCP, 1, 44, T0 + 6 * 3600L, ACCEPT));
        }
        FlowDetections d = Flows.detector(learning("PT4H"), IpReputation.NONE, NetworkPolicy.NONE);
        List<Finding> all = Flows.run(d, flows);
        assertTrue(of(all, "vigil-net-network-port-unusual").isEmpty());
        assertEquals(1, of(all, "vigil-net-portscan").size());
    }

    @Test
    void aPortFirstUsedWhileLearningIsNotUnusual() throws Exception {
        List<FlowRecord> flows = routine();
        flows.add(Flows.out("192.0.2.99", 46000, 6667, TCP, 30, 3000, T0 + 3600L, ACCEPT));
        flows.add(Flows.out("192.0.2.99", 46001, 6667, TCP, 30, 3000, T0 + 6 * 3600L, ACCEPT));
        FlowDetections d = Flows.detector(learning("PT4H"), IpReputation.NONE, NetworkPolicy.NONE);
        assertTrue(of(Flows.run(d, flows), "vigil-net-network-port-unusual").isEmpty());
        // With the default seven days, one day of data never leaves the learning period.
        List<FlowRecord> late = routine();
        late.add(Flows.out("192.0.2.99", 46000, 6667, TCP, 30, 3000, T0 + 6 * 3600L, ACCEPT));
        assertTrue(of(run(late), "vigil-net-network-port-unusual").isEmpty());
    }

    @Test
    void anOutboundSpikeFarAboveTheLearnedVolumeIsUnusual() throws Exception {
        List<FlowRecord> flows = routine();
        for (int i = 0; i < 30; i++) {
            flows.add(Flows.out("192.0.2.66", 47000 + i, 443, TCP, 100_000, 10_000_000, T0 + 6 * 3600L + i * 60,
                    ACCEPT));
        }
        FlowDetections d = Flows.detector(learning("PT4H"), IpReputation.NONE, NetworkPolicy.NONE);
        List<Finding> found = of(Flows.run(d, flows), "vigil-net-traffic-volume-unusual");
        assertEquals(1, found.size());
        assertEquals("192.0.2.66", found.get(0).keys().get("peer"));
        var summary = JSON.readTree(found.get(0).evidence().get(0).rawJson());
        assertEquals(300_000_000L, summary.get("bytes").asLong());
        assertEquals(1_000_000L, summary.get("learnedMaxBytesPerWindow").asLong());
    }

    @Test
    void volumeBelowTheFloorOrWithinTheBaselineIsUsual() throws Exception {
        List<FlowRecord> flows = routine();
        flows.add(Flows.out("192.0.2.66", 47000, 443, TCP, 10_000, 50_000_000, T0 + 6 * 3600L, ACCEPT));
        FlowDetections d = Flows.detector(learning("PT4H"), IpReputation.NONE, NetworkPolicy.NONE);
        assertTrue(of(Flows.run(d, flows), "vigil-net-traffic-volume-unusual").isEmpty());
        // A host that moved 200 MB an hour while learning may move 1 GB afterwards.
        List<FlowRecord> heavy = Flows.list();
        for (int h = 0; h < 8; h++) {
            heavy.add(Flows.out("192.0.2.10", 45000 + h, 443, TCP, 9000, 200_000_000, T0 + h * 3600L, ACCEPT));
        }
        heavy.add(Flows.out("192.0.2.66", 47000, 443, TCP, 90_000, 1_000_000_000, T0 + 6 * 3600L, ACCEPT));
        assertTrue(of(Flows.run(d, heavy), "vigil-net-traffic-volume-unusual").isEmpty());
    }

    @Test
    void aStormOfRejectedFlowsOnOneInterfaceIsReported() {
        List<FlowRecord> flows = Flows.list();
        for (int i = 0; i < 1200; i++) {
            flows.add(Flows.in(remote(i % 400), 50000 + i, 1 + i % 1024, TCP, 1, 40, T0 + i % 500, REJECT));
        }
        List<Finding> found = of(run(flows), "vigil-net-rejected-storm");
        assertEquals(1, found.size());
        assertEquals(1200, found.get(0).count());
        assertEquals(50, found.get(0).evidence().size());
        assertTrue(of(run(flows.subList(0, 300)), "vigil-net-rejected-storm").isEmpty());
    }
}
