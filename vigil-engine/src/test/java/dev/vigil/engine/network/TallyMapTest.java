package dev.vigil.engine.network;

import dev.vigil.model.FlowRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TallyMapTest {

    private static FlowRecord flow(long end, String file, long line, long bytes) {
        return new FlowRecord(2, "111122223333", "eni-1", "10.0.0.5", "198.51.100.7", 40000, 443, 6, 3, bytes,
                end - 5, end, FlowRecord.Action.ACCEPT, FlowRecord.LogStatus.OK, "", "", "", -1, "", "", "", "",
                "", "", "", "", -1, Map.of(), file + "#line ", line);
    }

    @Test
    void everyEntryKeepsItsOwnSumsThroughGrowth() {
        TallyMap m = new TallyMap(1_000_000, 3, false);
        int owner = m.owner("111122223333", "eu-west-1", "i-1");
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 20_000; i++) {
                int row = m.get(FlowCatalogue.Kind.PAIR.ordinal(), i % 11, owner, m.peer("", 0x0A000000L + i), i % 5);
                m.add(row, flow(1_000_000 + i, "f", i, i), 1_000_000_000L + i);
            }
        }
        assertEquals(20_000, m.size());
        for (int row = 0; row < m.size(); row++) {
            TallyKey k = m.key(row);
            int i = Integer.parseInt(k.peer().substring(k.peer().lastIndexOf('.') + 1))
                    + 256 * Integer.parseInt(k.peer().split("\\.")[2]);
            assertEquals(i % 11, k.window());
            assertEquals(i % 5, k.port());
            assertEquals(3, m.value(row, TallyMap.FLOWS));
            assertEquals(3L * i, m.value(row, TallyMap.BYTES));
            // the same flow three times is one evidence flow
            assertEquals(1, m.tally(row).evidence.flows().size());
        }
    }

    @Test
    void evidenceIsTheEarliestFlowsWhateverTheSplitAndOrder() {
        List<FlowRecord> flows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            flows.add(flow(2_000 + i % 7, i % 2 == 0 ? "b" : "a", 100 - i, 10));
        }
        String expected = null;
        for (int seed = 1; seed <= 6; seed++) {
            List<FlowRecord> shuffled = new ArrayList<>(flows);
            Random random = new Random(seed);
            Collections.shuffle(shuffled, random);
            List<TallyMap> parts = new ArrayList<>();
            for (int p = 0; p < 1 + seed % 3; p++) {
                parts.add(new TallyMap(1000, 5, false));
            }
            for (FlowRecord r : shuffled) {
                TallyMap m = parts.get(random.nextInt(parts.size()));
                int row = m.get(FlowCatalogue.Kind.STORM.ordinal(), 0, m.owner("a", "r", "i-1"), TallyMap.NO_PEER, -1);
                m.add(row, r, r.timeMillis());
            }
            TallyMap merged = new TallyMap(1000, 5, false);
            parts.forEach(merged::mergeFrom);
            assertEquals(1, merged.size());
            StringBuilder kept = new StringBuilder();
            for (EarliestFlows.Kept k : merged.tally(0).evidence.flows()) {
                kept.append(k.timeMillis()).append(' ').append(k.origin()).append(';');
                assertNull(k.flow(), "evidence-text false keeps no record");
            }
            if (expected == null) {
                expected = kept.toString();
            }
            assertEquals(expected, kept.toString());
            assertEquals(40, merged.value(0, TallyMap.FLOWS));
        }
        // time first, then file, then the line as a number: b's line 86 is kept, its line 100 is not
        assertEquals("2000000 a#line 65;2000000 a#line 79;2000000 a#line 93;2000000 b#line 72;2000000 b#line 86;",
                expected);
    }

    @Test
    void textPeersAreNumberedPerMapAndMergeByTheirText() {
        TallyMap one = new TallyMap(1000, 1, false);
        TallyMap two = new TallyMap(1000, 1, false);
        int kind = FlowCatalogue.Kind.SSH_IN.ordinal();
        two.get(kind, 1, two.owner("a", "r", "i-2"), two.peer("2001:db8::9", -1), 22); // numbers ::9 first in two
        one.get(kind, 1, one.owner("a", "r", "i-1"), one.peer("2001:db8::1", -1), 22);
        two.get(kind, 1, two.owner("a", "r", "i-1"), two.peer("2001:db8::1", -1), 22);
        one.mergeFrom(two);
        Map<String, Integer> peers = new TreeMap<>();
        for (int row = 0; row < one.size(); row++) {
            TallyKey k = one.key(row);
            peers.merge(k.resource() + " " + k.peer(), 1, Integer::sum);
        }
        assertEquals(Map.of("i-1 2001:db8::1", 1, "i-2 2001:db8::9", 1), peers);
    }

    @Test
    void overTheCapOwnersKeepTheirFirstSeenTime() {
        TallyMap m = new TallyMap(1000, 1, false);
        int owner = m.owner("a", "r", "i-1");
        m.seen(owner, 5_000);
        for (int i = 0; i < 5000; i++) {
            m.get(FlowCatalogue.Kind.PAIR.ordinal(), i, owner, i, 1);
        }
        assertTrue(m.size() <= 1000 && m.sampled());
        assertTrue(m.dropped() > 0);
        assertEquals(5_000, m.ownerFirst(owner));
    }

    @Test
    void inventedOwnersAndAddressesStayWithinTheCap() {
        TallyMap m = new TallyMap(1000, 1, false);
        int kind = FlowCatalogue.Kind.SSH_IN.ordinal();
        int kept = 0;
        for (int i = 0; i < 5000; i++) {
            int owner = m.owner("a", "r", "eni-" + i); // an interface per line, as a hostile file could
            long peer = m.peer("2001:db8::" + Integer.toHexString(i), -1);
            if (m.get(kind, 0, owner, peer, 22) >= 0) {
                kept++;
            }
        }
        assertEquals(1000, m.owners());
        assertTrue(m.size() <= 1000 && kept <= 1000, "kept " + kept);
        assertEquals(5000 - kept, m.dropped());
        assertEquals(TallyMap.NO_ROOM, m.peer("2001:db8::ffff:1", -1));
        assertEquals(0x0A000001L, m.peer("10.0.0.1", 0x0A000001L), "IPv4 peers need no numbering");
    }

    @Test
    void forgedByteCountsStopAtTheLargestTotalInsteadOfWrapping() {
        TallyMap one = new TallyMap(1000, 1, false);
        TallyMap two = new TallyMap(1000, 1, false);
        int kind = FlowCatalogue.Kind.PAIR.ordinal();
        long forged = 999_999_999_999_999_999L; // the most a flow-log number column may hold (18 digits)
        for (TallyMap m : List.of(one, two)) {
            int row = m.get(kind, 0, m.owner("a", "r", "i-1"), 0xC6336407L, 0);
            for (int i = 0; i < 6; i++) {
                m.add(row, flow(2_000 + i, "f", i, forged), 2_000_000L + i);
            }
            assertEquals(6 * forged, m.value(row, TallyMap.BYTES));
        }
        one.mergeFrom(two);
        assertEquals(Long.MAX_VALUE, one.value(0, TallyMap.BYTES), "12 forged counts overflow a long");
    }
}
