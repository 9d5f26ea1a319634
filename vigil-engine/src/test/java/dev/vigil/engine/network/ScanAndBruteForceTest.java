package dev.vigil.engine.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.engine.intel.IntelCategory;
import dev.vigil.engine.intel.IpReputation;
import dev.vigil.model.Finding;
import dev.vigil.model.FlowRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.vigil.engine.network.Flows.T0;
import static dev.vigil.engine.network.Flows.of;
import static dev.vigil.engine.network.Flows.remote;
import static dev.vigil.engine.network.Flows.run;
import static dev.vigil.model.FlowRecord.Action.ACCEPT;
import static dev.vigil.model.FlowRecord.Action.REJECT;
import static dev.vigil.model.FlowRecord.TCP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScanAndBruteForceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<FlowRecord> portscan(int ports) {
        List<FlowRecord> flows = Flows.list();
        for (int i = 0; i < ports; i++) {
            flows.add(Flows.out("198.51.100.20", 40000 + i, 1000 + i, TCP, 1, 44, T0 + 60 + i, i % 2 == 0 ? ACCEPT : REJECT));
        }
        return flows;
    }

    @Test
    void manyPortsProbedOnOneHostIsAPortscanWithSummaryAndEvidence() throws Exception {
        List<Finding> found = of(run(portscan(30)), "vigil-net-portscan");
        assertEquals(1, found.size());
        Finding f = found.get(0);
        assertEquals(Flows.INSTANCE, f.resource());
        assertEquals(Flows.ACCOUNT, f.account());
        assertEquals("Recon:EC2/Portscan", f.rule().types().get(0));
        assertEquals(30, f.count());
        assertEquals(31, f.evidence().size());
        assertEquals("summary", f.evidence().get(0).eventId());
        JsonNode summary = JSON.readTree(f.evidence().get(0).rawJson());
        assertEquals(30, summary.get("distinctPorts").asInt());
        assertEquals("2026-10-01T00:00:00Z", summary.get("windowStart").asText());
        assertEquals("2026-10-01T00:10:00Z", summary.get("windowEnd").asText());
        assertEquals(1000, summary.get("ports").get(0).asInt());
        assertEquals("flows.log", f.evidence().get(1).origin().substring(0, 9));
    }

    @Test
    void withoutEvidenceTextFindingsNameTheirFlowsByOrigin() throws Exception {
        FlowDetectionSettings lean = FlowDetectionSettings.parse("t", "evidence-text: false\nevidence-flows: 10\n");
        List<FlowRecord> flows = portscan(30);
        Finding f = of(Flows.run(Flows.detector(lean, IpReputation.NONE, NetworkPolicy.NONE), flows),
                "vigil-net-portscan").get(0);
        assertEquals(11, f.evidence().size());
        assertTrue(f.evidence().get(0).hasText());
        assertTrue(f.evidence().stream().skip(1).noneMatch(e -> e.hasText()));
        assertEquals(flows.get(0).origin(), f.evidence().get(1).origin());
        assertEquals(30, f.count());
    }

    @Test
    void fewPortsOrPortsSpreadOverWindowsAreNoPortscan() {
        assertTrue(of(run(portscan(10)), "vigil-net-portscan").isEmpty());
        List<FlowRecord> spread = Flows.list();
        for (int i = 0; i < 30; i++) {
            spread.add(Flows.out("198.51.100.20", 40000 + i, 1000 + i, TCP, 1, 44, T0 + i * 3600L, ACCEPT));
        }
        assertTrue(of(run(spread), "vigil-net-portscan").isEmpty());
    }

    @Test
    void fullSessionsAreNotProbes() {
        List<FlowRecord> flows = Flows.list();
        for (int i = 0; i < 30; i++) {
            flows.add(Flows.out("198.51.100.20", 40000 + i, 1000 + i, TCP, 40, 9000, T0 + 60, ACCEPT));
        }
        assertTrue(of(run(flows), "vigil-net-portscan").isEmpty());
    }

    @Test
    void onePortProbedOnManyHostsIsASweep() {
        List<FlowRecord> flows = Flows.list();
        for (int i = 0; i < 40; i++) {
            flows.add(Flows.out(remote(i), 50000 + i, 445, TCP, 1, 44, T0 + 120, REJECT));
        }
        List<Finding> found = of(run(flows), "vigil-net-port-sweep");
        assertEquals(1, found.size());
        assertEquals("445", found.get(0).keys().get("port"));
        assertTrue(of(run(flows.subList(0, 10)), "vigil-net-port-sweep").isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"22, vigil-net-ssh-brute-force", "3389, vigil-net-rdp-brute-force"})
    void manyShortConnectionsFromTheInternetAreInboundBruteForce(int port, String rule) {
        List<FlowRecord> flows = Flows.list();
        for (int i = 0; i < 25; i++) {
            flows.add(Flows.in("198.51.100.77", 51000 + i, port, TCP, 12, 2400, T0 + i * 10, ACCEPT));
        }
        List<Finding> found = of(run(flows), rule + "-inbound");
        assertEquals(1, found.size());
        assertEquals("198.51.100.77", found.get(0).keys().get("peer"));
        assertEquals(Flows.INSTANCE, found.get(0).resource());
        assertTrue(of(run(flows), rule + "-outbound").isEmpty());
        // Ten attempts in a window stay below the default of twenty.
        assertTrue(of(run(flows.subList(0, 10)), rule + "-inbound").isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"22, vigil-net-ssh-brute-force", "3389, vigil-net-rdp-brute-force"})
    void theInstanceGuessingPasswordsIsOutboundBruteForce(int port, String rule) {
        List<FlowRecord> flows = Flows.list();
        for (int i = 0; i < 25; i++) {
            flows.add(Flows.out("198.51.100.90", 41000 + i, port, TCP, 10, 1800, T0 + i * 10, ACCEPT));
            flows.add(Flows.in("198.51.100.90", port, 41000 + i, TCP, 9, 2100, T0 + i * 10, ACCEPT));
        }
        List<Finding> found = of(run(flows), rule + "-outbound");
        assertEquals(1, found.size());
        assertEquals(25, found.get(0).count());
        assertTrue(of(run(flows), rule + "-inbound").isEmpty());
        // Ten attempts (and their replies) stay below the default of twenty.
        assertTrue(of(run(flows.subList(0, 20)), rule + "-outbound").isEmpty());
    }

    @Test
    void longAdministrativeSessionsAreNoBruteForce() {
        List<FlowRecord> flows = Flows.list();
        for (int i = 0; i < 25; i++) {
            flows.add(Flows.in("198.51.100.77", 51000, 22, TCP, 400, 90_000, T0 + i * 10, ACCEPT));
        }
        assertTrue(of(run(flows), "vigil-net-ssh-brute-force-inbound").isEmpty());
    }

    /** The first {@code n} {@link Flows#remote} hosts, on a blocklist. */
    private static IpReputation listedRemotes(int n) {
        Map<String, IntelCategory> listed = new HashMap<>();
        for (int i = 0; i < n; i++) {
            listed.put(remote(i), IntelCategory.MALICIOUS);
        }
        return IntelAndCommandAndControlTest.listing(listed);
    }

    private static List<FlowRecord> probesOf8080(FlowRecord.Action action) {
        List<FlowRecord> flows = Flows.list();
        for (int i = 0; i < 4; i++) {
            flows.add(Flows.in(remote(i), 52000 + i, 8080, TCP, 1, 44, T0 + 30 * i, action));
        }
        return flows;
    }

    @Test
    void probesOfAnOpenPortByListedHostsAreReported() throws Exception {
        FlowDetections d = Flows.detector(FlowDetectionSettings.defaults(), listedRemotes(4), NetworkPolicy.NONE);
        List<Finding> found = of(Flows.run(d, probesOf8080(ACCEPT)), "vigil-net-port-probe-unprotected-port");
        assertEquals(1, found.size());
        JsonNode summary = JSON.readTree(found.get(0).evidence().get(0).rawJson());
        assertEquals("[\"tcp/8080\"]", summary.get("probedPorts").toString());
        assertEquals(4, summary.get("distinctHosts").asInt());
        assertEquals("test-malicious", summary.get("set").asText());
    }

    @Test
    void probesOfSeveralOpenPortsAreOneFindingPerInstance() throws Exception {
        List<FlowRecord> flows = probesOf8080(ACCEPT);
        for (int i = 0; i < 4; i++) {
            flows.add(Flows.in(remote(i), 53000 + i, 443, TCP, 1, 44, T0 + 30 * i + 5, ACCEPT));
        }
        FlowDetections d = Flows.detector(FlowDetectionSettings.defaults(), listedRemotes(4), NetworkPolicy.NONE);
        List<Finding> found = of(Flows.run(d, flows), "vigil-net-port-probe-unprotected-port");
        assertEquals(1, found.size());
        assertEquals(8, found.get(0).count());
        JsonNode summary = JSON.readTree(found.get(0).evidence().get(0).rawJson());
        assertEquals("[\"tcp/443\",\"tcp/8080\"]", summary.get("probedPorts").toString());
    }

    @Test
    void shortExchangesOfUnlistedClientsOnAnOpenPortAreNoProbe() {
        // Web clients fetching a redirect from port 80 look exactly like probes; only known scanners count.
        assertTrue(of(run(probesOf8080(ACCEPT)), "vigil-net-port-probe-unprotected-port").isEmpty());
        FlowDetections twoListed = Flows.detector(FlowDetectionSettings.defaults(), listedRemotes(2),
                NetworkPolicy.NONE);
        assertTrue(of(Flows.run(twoListed, probesOf8080(ACCEPT)), "vigil-net-port-probe-unprotected-port")
                .isEmpty(), "fewer listed hosts than port-probe.min-hosts");
    }

    @Test
    void probesThatTheNetworkRejectsOrThePolicyDeniesAreNoUnprotectedPort() {
        IpReputation listed = listedRemotes(4);
        FlowDetections d = Flows.detector(FlowDetectionSettings.defaults(), listed, NetworkPolicy.NONE);
        assertTrue(of(Flows.run(d, probesOf8080(REJECT)), "vigil-net-port-probe-unprotected-port").isEmpty());
        NetworkPolicy closed = (eni, instance, proto, port, address) -> NetworkPolicy.Verdict.DENIED;
        d = Flows.detector(FlowDetectionSettings.defaults(), listed, closed);
        assertTrue(of(Flows.run(d, probesOf8080(ACCEPT)), "vigil-net-port-probe-unprotected-port").isEmpty());
        NetworkPolicy open = (eni, instance, proto, port, address) -> NetworkPolicy.Verdict.ALLOWED;
        d = Flows.detector(FlowDetectionSettings.defaults(), listed, open);
        assertEquals(1, of(Flows.run(d, probesOf8080(REJECT)), "vigil-net-port-probe-unprotected-port").size());
    }

    @Test
    void flowsOfInterfacesThatForwardTrafficCountOnlyTowardsStorms() {
        NetworkPolicy nat = new NetworkPolicy() {
            @Override
            public Verdict inbound(String eni, String instance, int proto, int port, String address) {
                return Verdict.UNKNOWN;
            }

            @Override
            public boolean forwardsTraffic(String interfaceId) {
                return interfaceId.equals(Flows.ENI);
            }
        };
        FlowDetections d = Flows.detector(FlowDetectionSettings.defaults(), IpReputation.NONE, nat);
        assertTrue(Flows.run(d, portscan(30)).isEmpty());
        List<FlowRecord> rejected = Flows.list();
        for (int i = 0; i < 1000; i++) {
            rejected.add(Flows.in(remote(i), 40000 + i, 22, TCP, 1, 40, T0 + i % 300, REJECT));
        }
        assertEquals(List.of("vigil-net-rejected-storm"), Flows.ruleIds(Flows.run(d, rejected)));
    }

    @Test
    void v2RecordsFindTheInstanceSideFromPrivateAddresses() {
        List<FlowRecord> flows = portscan(30).stream().map(Flows::v2).toList();
        List<Finding> found = of(run(flows), "vigil-net-portscan");
        assertEquals(1, found.size());
        assertEquals(Flows.ENI, found.get(0).resource());
    }

    @Test
    void noDataRecordsAndFlowsBetweenTwoPrivateAddressesWithoutDirectionAreSkipped() {
        List<FlowRecord> flows = Flows.list();
        for (int i = 0; i < 30; i++) {
            FlowRecord r = Flows.v2(Flows.out("10.0.9.9", 40000 + i, 1000 + i, TCP, 1, 44, T0 + 60, ACCEPT));
            flows.add(r);
            flows.add(new FlowRecord(2, Flows.ACCOUNT, Flows.ENI, "", "", -1, -1, -1, -1, -1, T0, T0 + 60,
                    FlowRecord.Action.NONE, FlowRecord.LogStatus.NODATA, "", "", "", -1, "", "", "", "", "", "", "",
                    "", -1, java.util.Map.of(), "x#line " + i));
        }
        assertTrue(run(flows).isEmpty());
    }
}
