package dev.vigil.engine.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.engine.intel.IntelCategory;
import dev.vigil.engine.intel.IntelMatch;
import dev.vigil.engine.intel.IpReputation;
import dev.vigil.engine.intel.ThreatIntel;
import dev.vigil.model.AddressScreen;
import dev.vigil.model.Finding;
import dev.vigil.model.FlowRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static dev.vigil.engine.network.Flows.T0;
import static dev.vigil.engine.network.Flows.of;
import static dev.vigil.engine.network.Flows.remote;
import static dev.vigil.engine.network.Flows.run;
import static dev.vigil.model.FlowRecord.Action.ACCEPT;
import static dev.vigil.model.FlowRecord.Action.REJECT;
import static dev.vigil.model.FlowRecord.TCP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class IntelAndCommandAndControlTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A small in-test lookup: exact addresses to one set each. */
    static IpReputation listing(Map<String, IntelCategory> listed) {
        return (address, seconds) -> {
            IntelCategory c = listed.get(address.toString());
            return c == null ? null : new IntelMatch("test-" + c.name().toLowerCase(), c, 80, address.toString(),
                    true);
        };
    }

    private static List<Finding> runWith(IpReputation intel, List<FlowRecord> flows) {
        return Flows.run(Flows.detector(FlowDetectionSettings.defaults(), intel, NetworkPolicy.NONE), flows);
    }

    @ParameterizedTest
    @CsvSource({
            "MALICIOUS, vigil-net-malicious-ip-caller, UnauthorizedAccess:EC2/MaliciousIPCaller.Custom",
            "MINING_POOL, vigil-net-crypto-mining, CryptoCurrency:EC2/BitcoinTool.B",
            "COMMAND_AND_CONTROL, vigil-net-command-and-control, Backdoor:EC2/C&CActivity.B",
            "BLACKHOLE, vigil-net-blackhole-traffic, Trojan:EC2/BlackholeTraffic",
            "DROP_POINT, vigil-net-drop-point, Trojan:EC2/DropPoint",
            "TOR_EXIT, vigil-net-tor-client, UnauthorizedAccess:EC2/TorClient",
            "TOR_RELAY, vigil-net-tor-client, UnauthorizedAccess:EC2/TorClient"})
    void anOutboundConnectionToAListedAddressRaisesItsCategorysFinding(IntelCategory category, String rule,
                                                                       String type) throws Exception {
        IpReputation intel = listing(Map.of("198.51.100.66", category));
        List<FlowRecord> flows = List.of(
                Flows.out("198.51.100.66", 43210, 443, TCP, 8, 900, T0 + 100, ACCEPT),
                Flows.in("198.51.100.66", 443, 43210, TCP, 6, 4000, T0 + 100, ACCEPT),
                Flows.out("198.51.100.67", 43211, 443, TCP, 8, 900, T0 + 100, ACCEPT));
        List<Finding> all = runWith(intel, flows);
        List<Finding> found = of(all, rule);
        assertEquals(1, found.size(), () -> "findings: " + Flows.ruleIds(all));
        assertEquals(type, found.get(0).rule().types().get(0));
        JsonNode summary = JSON.readTree(found.get(0).evidence().get(0).rawJson());
        assertEquals("test-" + category.name().toLowerCase(), summary.get("set").asText());
        assertEquals(80, summary.get("confidence").asInt());
        assertEquals(1, all.size(), () -> "only the listed peer: " + Flows.ruleIds(all));
        assertTrue(runWith(IpReputation.NONE, flows).isEmpty());
    }

    @Test
    void aPeerTheReadersScreenTurnedAwayIsNotLookedUpAndOnlyThatScreensWordCounts(@TempDir Path dir)
            throws Exception {
        Path list = Files.writeString(dir.resolve("listed.txt"), "198.51.100.66\n");
        ThreatIntel intel = ThreatIntel.load(List.of(list), p -> fail(p.message()));
        ThreatIntel sameListAgain = ThreatIntel.load(List.of(list), p -> fail(p.message()));
        FlowDetections detections = Flows.detector(FlowDetectionSettings.defaults(), intel, NetworkPolicy.NONE);
        AddressScreen screen = detections.addressScreen();
        assertSame(intel.ipv4Screen(), screen);
        FlowRecord listed = Flows.out("198.51.100.66", 43210, 443, TCP, 8, 900, T0 + 100, ACCEPT);
        FlowRecord unlisted = Flows.out("198.51.100.67", 43211, 443, TCP, 8, 900, T0 + 100, ACCEPT);
        int bothPass = FlowRecord.SCREEN_SRC | FlowRecord.SCREEN_DST;

        // as a reader running the screen reads them: the same finding as without it
        List<FlowRecord> honest = List.of(
                Flows.screened(listed, screen, screen.mayMatch(listed.dstIpv4()) ? bothPass : FlowRecord.SCREEN_SRC),
                Flows.screened(unlisted, screen, screen.mayMatch(unlisted.dstIpv4()) ? bothPass
                        : FlowRecord.SCREEN_SRC));
        assertEquals(List.of(false, true), honest.stream().map(r -> r.screenedOut(screen, false)).toList());
        List<Finding> plain = Flows.run(detections, List.of(listed, unlisted));
        assertEquals(1, of(plain, "vigil-net-malicious-ip-caller").size(), () -> "" + Flows.ruleIds(plain));
        assertEquals(Flows.ruleIds(plain), Flows.ruleIds(Flows.run(detections, honest)));

        // the screen's word is taken: a peer it turned away is not looked up (here, wrongly, to show it)
        List<FlowRecord> turnedAway = List.of(Flows.screened(listed, screen, FlowRecord.SCREEN_SRC));
        assertTrue(of(Flows.run(detections, turnedAway), "vigil-net-malicious-ip-caller").isEmpty());

        // but only the word of the screen these detections hand out: another index's is ignored
        List<FlowRecord> otherScreen = List.of(Flows.screened(listed, sameListAgain.ipv4Screen(),
                FlowRecord.SCREEN_SRC));
        assertEquals(1, of(Flows.run(detections, otherScreen), "vigil-net-malicious-ip-caller").size());
    }

    @Test
    void aListedPeerWrittenWithLeadingZerosIsStillMatched(@TempDir Path dir) throws Exception {
        // every log field is attacker-controlled: 198.051.100.066 is 198.51.100.66 to anything comparing numbers
        Path list = Files.writeString(dir.resolve("listed.txt"), "198.51.100.66\n");
        ThreatIntel intel = ThreatIntel.load(List.of(list), p -> fail(p.message()));
        FlowDetections detections = Flows.detector(FlowDetectionSettings.defaults(), intel, NetworkPolicy.NONE);
        FlowRecord odd = Flows.out("198.051.100.066", 43210, 443, TCP, 8, 900, T0 + 100, ACCEPT);
        assertEquals(0xC6336442L, odd.dstIpv4());
        AddressScreen screen = detections.addressScreen();
        for (FlowRecord r : List.of(odd, Flows.screened(odd, screen, screen.mayMatch(odd.dstIpv4())
                ? FlowRecord.SCREEN_SRC | FlowRecord.SCREEN_DST : FlowRecord.SCREEN_SRC))) {
            List<Finding> found = of(Flows.run(detections, List.of(r)), "vigil-net-malicious-ip-caller");
            assertEquals(1, found.size());
        }
    }

    @Test
    void rejectedInboundTrafficFromAListedAddressIsNoFinding() {
        IpReputation intel = listing(Map.of("198.51.100.66", IntelCategory.MALICIOUS));
        List<FlowRecord> flows = List.of(Flows.in("198.51.100.66", 50000, 22, TCP, 1, 40, T0, REJECT));
        assertTrue(runWith(intel, flows).isEmpty());
        List<FlowRecord> accepted = List.of(Flows.in("198.51.100.66", 50000, 22, TCP, 1, 40, T0, ACCEPT));
        assertEquals(1, of(runWith(intel, accepted), "vigil-net-malicious-ip-caller").size());
    }

    @Test
    void listedHostsTalkingToOneInstanceAreOneFindingListingThem() throws Exception {
        Map<String, IntelCategory> listed = new java.util.HashMap<>();
        List<FlowRecord> flows = Flows.list();
        for (int i = 0; i < 5; i++) {
            listed.put(remote(i), IntelCategory.MALICIOUS);
            flows.add(Flows.in(remote(i), 40000 + i, 443, TCP, 2, 120, T0 + i * 60, ACCEPT));
        }
        List<Finding> found = of(runWith(listing(listed), flows), "vigil-net-malicious-ip-caller");
        assertEquals(1, found.size(), "one finding per instance, not per listed address");
        JsonNode summary = JSON.readTree(found.get(0).evidence().get(0).rawJson());
        assertEquals(5, summary.get("distinctHosts").asInt());
        assertEquals(remote(0), summary.get("hosts").get(0).asText());
        assertEquals(5, found.get(0).count());
    }

    @Test
    void aVersion2RecordsFindingNamesTheInstanceAndRegionTheInventoryGivesItsInterface() {
        IpReputation intel = listing(Map.of("198.51.100.66", IntelCategory.MALICIOUS));
        List<FlowRecord> flows = List.of(Flows.v2(Flows.out("198.51.100.66", 43210, 443, TCP, 8, 900, T0, ACCEPT)));
        List<Finding> bare = runWith(intel, flows);
        assertEquals(Flows.ENI, bare.get(0).resource(), "no inventory: the interface");
        assertEquals("", bare.get(0).region());
        NetworkPolicy attached = new NetworkPolicy() {
            @Override
            public Verdict inbound(String eni, String instance, int protocol, int port, String address) {
                return Verdict.UNKNOWN;
            }

            @Override
            public String instanceOf(String interfaceId) {
                return interfaceId.equals(Flows.ENI) ? "i-0fromtheinventory" : "";
            }

            @Override
            public String regionOf(String interfaceId) {
                return interfaceId.equals(Flows.ENI) ? "ap-southeast-2" : "";
            }
        };
        List<Finding> named = Flows.run(Flows.detector(FlowDetectionSettings.defaults(), intel, attached), flows);
        assertEquals(1, named.size());
        assertEquals("i-0fromtheinventory", named.get(0).resource());
        assertEquals("ap-southeast-2", named.get(0).region());
    }

    @Test
    void manyTorRelaysConnectingInIsARelay() {
        Map<String, IntelCategory> relays = new java.util.HashMap<>();
        List<FlowRecord> flows = Flows.list();
        for (int i = 0; i < 6; i++) {
            relays.put(remote(i), IntelCategory.TOR_RELAY);
            flows.add(Flows.in(remote(i), 40000 + i, 9001, TCP, 500, 300_000, T0 + i * 60, ACCEPT));
        }
        IpReputation intel = listing(relays);
        assertEquals(1, of(runWith(intel, flows), "vigil-net-tor-relay").size());
        assertTrue(of(runWith(intel, flows), "vigil-net-tor-client").isEmpty());
        assertTrue(of(runWith(intel, flows.subList(0, 2)), "vigil-net-tor-relay").isEmpty());
    }

    /** One long-lived stratum connection: a record every ten minutes for an hour, a few kB each. */
    private static List<FlowRecord> stratum(int port, long bytesEach) {
        List<FlowRecord> flows = Flows.list();
        for (int i = 0; i < 7; i++) {
            flows.add(Flows.out("192.0.2.33", 48123, port, TCP, 40, bytesEach, T0 + i * 600L, ACCEPT));
        }
        return flows;
    }

    @Test
    void aLongLivedLowVolumeConnectionToAStratumPortIsMining() throws Exception {
        List<Finding> found = of(run(stratum(3333, 6000)), "vigil-net-crypto-mining");
        assertEquals(1, found.size());
        JsonNode summary = JSON.readTree(found.get(0).evidence().get(0).rawJson());
        assertEquals(1, summary.get("localPorts").asInt());
    }

    @Test
    void shortOrHeavyOrManyConnectionsToStratumPortsAreNotMining() {
        assertTrue(of(run(stratum(3333, 6000).subList(0, 2)), "vigil-net-crypto-mining").isEmpty());
        assertTrue(of(run(stratum(3333, 50_000_000)), "vigil-net-crypto-mining").isEmpty());
        assertTrue(of(run(stratum(3334, 6000)), "vigil-net-crypto-mining").isEmpty());
        List<FlowRecord> many = Flows.list();
        for (int i = 0; i < 7; i++) {
            many.add(Flows.out("192.0.2.33", 48123 + i, 4444, TCP, 40, 6000, T0 + i * 600L, ACCEPT));
        }
        assertTrue(of(run(many), "vigil-net-crypto-mining").isEmpty());
    }

    @Test
    void aListedPoolAlsoSeenByThePortHeuristicIsOneFinding() {
        IpReputation intel = listing(Map.of("192.0.2.33", IntelCategory.MINING_POOL));
        List<Finding> found = of(runWith(intel, stratum(3333, 6000)), "vigil-net-crypto-mining");
        assertEquals(1, found.size());
    }

    private static List<FlowRecord> beacon(Random random, int every, double jitter, boolean newConnections) {
        List<FlowRecord> flows = Flows.list();
        long t = T0 + 3600;
        for (int i = 0; i < 40; i++) {
            t += every + Math.round((random.nextDouble() * 2 - 1) * jitter * every);
            int port = newConnections ? 40000 + i : 40000;
            long bytes = 620 + random.nextInt(40);
            flows.add(Flows.out("192.0.2.200", port, 443, TCP, 6, bytes, t, ACCEPT));
            flows.add(Flows.in("192.0.2.200", 443, port, TCP, 5, 400 + random.nextInt(40), t, ACCEPT));
        }
        return flows;
    }

    @Test
    void regularSmallConnectionsForHoursAreBeaconing() throws Exception {
        List<Finding> found = of(run(beacon(new Random(7), 300, 0.05, true)), "vigil-net-beaconing");
        assertEquals(1, found.size());
        assertEquals("Backdoor:EC2/C&CActivity.B", found.get(0).rule().types().get(0));
        JsonNode summary = JSON.readTree(found.get(0).evidence().get(0).rawJson());
        assertEquals(40, summary.get("connections").asInt());
        assertTrue(summary.get("intervalCv").asDouble() < 0.1);
    }

    @Test
    void irregularConnectionsOrOneLongLivedConnectionAreNoBeacon() {
        assertTrue(of(run(beacon(new Random(7), 300, 0.9, true)), "vigil-net-beaconing").isEmpty());
        assertTrue(of(run(beacon(new Random(7), 300, 0.05, false)), "vigil-net-beaconing").isEmpty());
        // Forty beacons a minute apart last 40 minutes: shorter than the two hours a beacon must span.
        assertTrue(of(run(beacon(new Random(7), 60, 0.05, true)), "vigil-net-beaconing").isEmpty());
    }

    @Test
    void acceptedTrafficOnAPortThePolicyDeniesIsUnauthorised() {
        NetworkPolicy onlyHttps = (eni, instance, proto, port, address) ->
                port == 443 ? NetworkPolicy.Verdict.ALLOWED : NetworkPolicy.Verdict.DENIED;
        FlowDetections d = Flows.detector(FlowDetectionSettings.defaults(), IpReputation.NONE, onlyHttps);
        List<FlowRecord> flows = List.of(
                Flows.in("198.51.100.5", 51000, 5432, TCP, 30, 5000, T0, ACCEPT),
                Flows.in("198.51.100.5", 51001, 443, TCP, 30, 5000, T0, ACCEPT),
                Flows.in("198.51.100.5", 51002, 6379, TCP, 1, 40, T0, REJECT),
                // The response to a connection the instance opened: not an inbound connection.
                Flows.in("198.51.100.5", 443, 52000, TCP, 30, 5000, T0, ACCEPT),
                // Replies to the instance's pings and NTP queries: the group's state admits them.
                Flows.in("198.51.100.5", -1, -1, FlowRecord.ICMP, 4, 336, T0, ACCEPT),
                Flows.in("198.51.100.5", 123, 123, FlowRecord.UDP, 1, 76, T0, ACCEPT));
        List<Finding> found = of(Flows.run(d, flows), "vigil-net-unauthorised-port-access");
        assertEquals(1, found.size());
        assertEquals("5432", found.get(0).keys().get("port"));
        assertTrue(of(run(flows), "vigil-net-unauthorised-port-access").isEmpty());
    }
}
