package dev.vigil.engine.network;

import dev.vigil.engine.intel.IntelCategory;
import dev.vigil.engine.intel.IpReputation;
import dev.vigil.model.Finding;
import dev.vigil.model.FlowRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static dev.vigil.engine.network.Flows.T0;
import static dev.vigil.engine.network.Flows.remote;
import static dev.vigil.model.FlowRecord.Action.ACCEPT;
import static dev.vigil.model.FlowRecord.Action.REJECT;
import static dev.vigil.model.FlowRecord.TCP;
import static dev.vigil.model.FlowRecord.UDP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SplitIndependenceTest {

    /** A day of generated traffic with most scenarios in it, plus random background. */
    private static List<FlowRecord> day(Random random) {
        List<FlowRecord> flows = Flows.list();
        for (int i = 0; i < 3000; i++) {
            long t = T0 + random.nextInt(86_400);
            flows.add(Flows.out(remote(random.nextInt(200)), 32768 + random.nextInt(28000), 443, TCP,
                    5 + random.nextInt(200), 500 + random.nextInt(200_000), t, ACCEPT));
            flows.add(Flows.in(remote(random.nextInt(500)), 1024 + random.nextInt(60000), 1 + random.nextInt(2000),
                    TCP, 1, 40, t, REJECT));
        }
        for (int i = 0; i < 60; i++) {
            flows.add(Flows.out("198.51.100.20", 40000 + i, 1000 + i, TCP, 1, 44, T0 + 43_200 + i, REJECT));
            flows.add(Flows.out(remote(300 + i), 50000 + i, 445, TCP, 1, 44, T0 + 44_000 + i, REJECT));
            flows.add(Flows.in("198.51.100.77", 51000 + i, 22, TCP, 12, 2400, T0 + 50_000 + i * 5, ACCEPT));
            flows.add(Flows.out("198.51.100.200", 30000 + i, 9999, UDP, 5000, 2_000_000, T0 + 60_000 + i, ACCEPT));
            flows.add(Flows.out("192.0.2.200", 40000 + i, 443, TCP, 6, 640 + (i % 5), T0 + 3600 + i * 300L, ACCEPT));
            flows.add(Flows.out("192.0.2.66", 47000 + i, 8443, TCP, 10_000, 8_000_000, T0 + 72_000 + i * 30, ACCEPT));
        }
        for (int i = 0; i < 1100; i++) {
            flows.add(Flows.in(remote(i % 400), 20000 + i, 3000 + i % 50, TCP, 1, 40, T0 + 80_000 + i % 300, REJECT));
        }
        for (int i = 0; i < 8; i++) {
            flows.add(Flows.out("192.0.2.33", 48123, 3333, TCP, 40, 6000, T0 + 20_000 + i * 600L, ACCEPT));
            flows.add(Flows.out("198.51.100.66", 43000 + i, 443, TCP, 8, 900, T0 + 30_000 + i, ACCEPT));
        }
        return flows;
    }

    private static FlowDetections detector() throws Exception {
        return detector("learning-period: PT8H\n");
    }

    private static FlowDetections detector(String yaml) throws Exception {
        IpReputation intel = IntelAndCommandAndControlTest.listing(
                Map.of("198.51.100.66", IntelCategory.COMMAND_AND_CONTROL));
        NetworkPolicy policy = (eni, instance, proto, port, address) ->
                port == 22 ? NetworkPolicy.Verdict.ALLOWED : NetworkPolicy.Verdict.DENIED;
        return new FlowDetections(FlowDetectionSettings.parse("t", yaml), intel, policy);
    }

    @Test
    void theSameFlowsSplitAcrossStatesInAnyOrderGiveTheSameFindings() throws Exception {
        List<FlowRecord> flows = day(new Random(42));
        FlowDetections d = detector();
        List<Finding> whole = Flows.run(d, flows);
        List<String> rules = Flows.ruleIds(whole);
        for (String expected : List.of("vigil-net-portscan", "vigil-net-port-sweep",
                "vigil-net-ssh-brute-force-inbound", "vigil-net-dos-udp", "vigil-net-beaconing",
                "vigil-net-traffic-volume-unusual", "vigil-net-network-port-unusual", "vigil-net-crypto-mining",
                "vigil-net-command-and-control", "vigil-net-rejected-storm")) {
            assertTrue(rules.contains(expected), () -> expected + " missing from " + rules);
        }
        for (int seed = 1; seed <= 4; seed++) {
            Random random = new Random(seed);
            List<FlowRecord> shuffled = new ArrayList<>(flows);
            Collections.shuffle(shuffled, random);
            int parts = 2 + seed;
            List<FlowDetections.State> states = new ArrayList<>();
            for (int p = 0; p < parts; p++) {
                states.add(d.newState());
            }
            for (FlowRecord r : shuffled) {
                d.accept(states.get(random.nextInt(parts)), r);
            }
            Collections.shuffle(states, random);
            assertEquals(whole, d.finish(states), "seed " + seed);
        }
    }

    @Test
    void overTheKeyCapFindingsAreFewerButStillIndependentOfTheSplit() throws Exception {
        List<FlowRecord> flows = day(new Random(42));
        FlowDetections capped = detector("learning-period: PT8H\nlimits:\n  max-keys: 1000\n");
        FlowDetections.State whole = capped.newState();
        flows.forEach(r -> capped.accept(whole, r));
        assertTrue(whole.droppedEntries() > 0);
        List<Finding> expected = capped.finish(List.of(whole));
        assertTrue(expected.size() < Flows.run(detector(), flows).size());
        Random random = new Random(9);
        List<FlowRecord> shuffled = new ArrayList<>(flows);
        Collections.shuffle(shuffled, random);
        List<FlowDetections.State> states = List.of(capped.newState(), capped.newState(), capped.newState());
        shuffled.forEach(r -> capped.accept(states.get(random.nextInt(3)), r));
        assertEquals(expected, capped.finish(states));
    }

    @Test
    void findingIdsDoNotDependOnWhenTheActivityHappened() throws Exception {
        List<FlowRecord> monday = Flows.list();
        List<FlowRecord> tuesday = Flows.list();
        for (int i = 0; i < 30; i++) {
            monday.add(Flows.in("198.51.100.77", 51000 + i, 22, TCP, 12, 2400, T0 + i, ACCEPT));
            tuesday.add(Flows.in("198.51.100.77", 51000 + i, 22, TCP, 12, 2400, T0 + 86_400 + i, ACCEPT));
        }
        assertEquals(Flows.run(monday).get(0).id(), Flows.run(tuesday).get(0).id());
    }

    @Test
    void overTheKeyCapTheKeptSampleDependsOnlyOnTheKeys() {
        List<TallyKey> keys = new ArrayList<>();
        for (int i = 0; i < 4900; i++) {
            // 700 resources (owners), each in one window with 7 ports: 4,900 keys over a cap of 1,000, owners within it
            keys.add(new TallyKey(0, i % 7, "a", "r", "i-" + (i % 700), "", i / 700));
        }
        Map<TallyKey, Boolean> first = kept(keys, 1, new Random(1));
        for (int seed = 2; seed < 5; seed++) {
            assertEquals(first, kept(keys, 3, new Random(seed)));
        }
        long survivors = first.values().stream().filter(b -> b).count();
        assertTrue(survivors <= 1000 && survivors >= 250, "kept " + survivors);
    }

    private static Map<TallyKey, Boolean> kept(List<TallyKey> keys, int parts, Random random) {
        List<TallyKey> shuffled = new ArrayList<>(keys);
        Collections.shuffle(shuffled, random);
        List<TallyMap> maps = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            maps.add(new TallyMap(1000, 1, false));
        }
        for (TallyKey k : shuffled) {
            TallyMap m = maps.get(random.nextInt(parts));
            int row = m.get(k.kind(), k.window(), m.owner(k.account(), k.region(), k.resource()),
                    TallyMap.NO_PEER, k.port());
            if (row >= 0) {
                m.seen(m.ownerOf(row), 1000);
            }
        }
        TallyMap merged = new TallyMap(1000, 1, false);
        maps.forEach(merged::mergeFrom);
        Map<TallyKey, Boolean> out = new HashMap<>();
        keys.forEach(k -> out.put(k, false));
        for (int row = 0; row < merged.size(); row++) {
            out.put(merged.key(row), true);
        }
        return out;
    }
}
