package dev.vigil.sim;

import dev.vigil.sim.PostureOrg.Host;

import java.util.SplittableRandom;

/**
 * One injected network activity: what GuardDuty-style finding it should raise, on which host, with which peer, over
 * which time window, and how it produces its flow records.
 *
 * @param id        stable scenario id, e.g. {@code port-scan}
 * @param type      the finding type it should raise, e.g. {@code Recon:EC2/Portscan}
 * @param host      the instance whose interface logs it
 * @param peer      the outside address (or {@code a.b.c.0/24} when it targets a whole range, {@code many} when it
 *                  targets many unrelated hosts)
 * @param port      the port that matters (destination port of the traffic)
 * @param protocol  IANA protocol number
 * @param inbound   true when the peer opens the connections
 * @param from      first second of the activity (Unix seconds)
 * @param to        end of the activity, exclusive
 * @param summary   one sentence for the labels and docs
 * @param emitter   produces the records of any sub-window
 */
record NetworkScenario(String id, String type, Host host, String peer, int port, int protocol, boolean inbound,
                       long from, long to, String summary, Emitter emitter) {

    /** Produces the scenario's records whose {@code end} lies in [lo, hi) (already clipped to [from, to)). */
    interface Emitter {
        void emit(long lo, long hi, SplittableRandom r, FlowSink sink);
    }

    /** Emits this scenario's records for one window [window, window + seconds). */
    void window(long window, long seconds, SplittableRandom r, FlowSink sink) {
        long lo = Math.max(window, from);
        long hi = Math.min(window + seconds, to);
        if (lo < hi) {
            emitter.emit(lo, hi, r, sink);
        }
    }
}
