package dev.vigil.engine.network;

import dev.vigil.engine.intel.IpReputation;
import dev.vigil.model.Finding;
import dev.vigil.model.FlowRecord;
import org.junit.jupiter.api.Test;

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

/** A day of generated ordinary traffic, both directions of every connection: nothing should be found in it. */
class BenignTrafficTest {

    private static List<FlowRecord> ordinaryDay(Random random) {
        List<FlowRecord> flows = Flows.list();
        for (int i = 0; i < 4000; i++) {
            long t = T0 + random.nextInt(86_400);
            int client = 32768 + random.nextInt(28000);
            String api = remote(random.nextInt(40));
            long up = 800 + random.nextInt(30_000);
            long down = 2000 + random.nextInt(400_000);
            // The instance calls HTTPS APIs; the responses come back in.
            flows.add(Flows.out(api, client, 443, TCP, 10 + random.nextInt(300), up, t, ACCEPT));
            flows.add(Flows.in(api, 443, client, TCP, 10 + random.nextInt(300), down, t, ACCEPT));
            // Visitors use the instance's web server.
            String visitor = remote(100 + random.nextInt(2000));
            int port = 49152 + random.nextInt(16000);
            flows.add(Flows.in(visitor, port, 443, TCP, 12 + random.nextInt(40), 1500 + random.nextInt(9000), t,
                    ACCEPT));
            flows.add(Flows.out(visitor, 443, port, TCP, 12 + random.nextInt(40), 9000 + random.nextInt(90_000), t,
                    ACCEPT));
            // DNS to the VPC resolver, which is private and never a peer.
            flows.add(Flows.out("10.0.0.2", client, 53, UDP, 1, 70, t, ACCEPT));
            if (i % 10 == 0) {
                // Background internet scanning that the security group turns away.
                flows.add(Flows.in(remote(3000 + random.nextInt(5000)), 40000 + random.nextInt(20000),
                        random.nextInt(65536), TCP, 1, 40, t, REJECT));
            }
        }
        return flows;
    }

    @Test
    void anOrdinaryDayRaisesNothing() throws Exception {
        FlowDetections d = new FlowDetections(FlowDetectionSettings.parse("t", "learning-period: PT8H\n"),
                IpReputation.NONE, (eni, instance, proto, port, address) ->
                port == 443 ? NetworkPolicy.Verdict.ALLOWED : NetworkPolicy.Verdict.DENIED);
        FlowDetections.State s = d.newState();
        ordinaryDay(new Random(3)).forEach(r -> d.accept(s, r));
        List<Finding> found = d.finish(List.of(s));
        assertTrue(found.isEmpty(), () -> "false positives: " + Flows.ruleIds(found));
        assertEquals(0, s.unusableFlows());
        assertEquals(0, s.droppedEntries());
    }

    @Test
    void recordsWithoutAddressesOrTimeAreCountedAsUnusable() {
        FlowDetections d = new FlowDetections(FlowDetectionSettings.defaults(), IpReputation.NONE, NetworkPolicy.NONE);
        FlowDetections.State s = d.newState();
        d.accept(s, Flows.record("-", Flows.LOCAL, 1, 2, TCP, 1, 40, T0, ACCEPT, ""));
        d.accept(s, Flows.record("garbage", "10.0.0.9", 1, 2, TCP, 1, 40, T0, ACCEPT, "ingress"));
        d.accept(s, new FlowRecord(2, "1", "eni-1", "10.0.0.1", "8.8.8.8", 1, 2, 6, 1, 40, -1, -1,
                FlowRecord.Action.ACCEPT, FlowRecord.LogStatus.OK, "", "", "", -1, "", "", "", "", "", "", "", "",
                -1, Map.of(), "x#line 1"));
        assertEquals(3, s.unusableFlows());
        assertTrue(d.finish(List.of(s)).isEmpty());
    }
}
