package dev.vigil.sim;

import dev.vigil.sim.PostureOrg.Host;

import java.util.SplittableRandom;

/**
 * Turns connections into the flow records a host's interface captures: an accepted connection is logged in both
 * directions (request and the stateful response), a rejected one only as the inbound attempt. Sizes and TCP flags
 * follow what a short complete TCP exchange looks like (SYN+FIN = 3 from the client, SYN-ACK+FIN = 19 back).
 */
final class Connections {

    /** Traffic paths (flow-log field traffic-path) for egress records. */
    static final int IN_VPC = 1;
    static final int GATEWAY_ENDPOINT = 7;
    static final int INTERNET_GATEWAY = 8;

    private Connections() {
    }

    /**
     * The egress path of the host's traffic to the internet: straight out through the internet gateway when it
     * has a public address, else to the NAT gateway inside the VPC.
     */
    static int toInternet(Host host) {
        return host.instance().publicIp() != null ? INTERNET_GATEWAY : IN_VPC;
    }

    /** A client port from the Linux ephemeral range. */
    static int ephemeral(SplittableRandom r) {
        return 32768 + r.nextInt(28232);
    }

    /** {@code end} somewhere in [from, to), never before {@code from}. */
    static long endIn(SplittableRandom r, long from, long to) {
        return from + r.nextLong(Math.max(1, to - from));
    }

    /**
     * The host opens a connection to {@code peer}; both records on the host's interface.
     *
     * @param service AWS service of the peer, or null
     */
    static void outbound(FlowSink sink, Host host, String peer, int dstPort, int protocol, long packets, long bytes,
                         long replyPackets, long replyBytes, long end, long duration, int path, String service,
                         SplittableRandom r) {
        outbound(sink, host, peer, ephemeral(r), dstPort, protocol, packets, bytes, replyPackets, replyBytes, end,
                duration, path, service);
    }

    /**
     * Like the above from a given client port: successive calls with the same port are one long-lived connection's
     * records, one per aggregation interval, as flow logs show a connection that stays open.
     */
    static void outbound(FlowSink sink, Host host, String peer, int srcPort, int dstPort, int protocol, long packets,
                         long bytes, long replyPackets, long replyBytes, long end, long duration, int path,
                         String service) {
        String self = host.privateIp();
        long start = end - duration;
        boolean tcp = protocol == Flow.TCP;
        sink.add(new Flow(host, true, self, peer, self, peer, srcPort, dstPort, protocol, packets, bytes,
                tcp ? 3 : 0, start, end, true, path, service));
        if (replyPackets > 0) {
            sink.add(new Flow(host, false, peer, self, peer, self, dstPort, srcPort, protocol, replyPackets, replyBytes,
                    tcp ? 19 : 0, start, end, true, 0, service));
        }
    }

    /** An outbound connection attempt that gets no answer: one SYN-only egress record. */
    static void probe(FlowSink sink, Host host, String peer, int dstPort, long end, SplittableRandom r) {
        String self = host.privateIp();
        long packets = 1 + r.nextInt(2);
        sink.add(new Flow(host, true, self, peer, self, peer, ephemeral(r), dstPort, Flow.TCP, packets, packets * 44,
                2, end - r.nextInt(3), end, true, toInternet(host), null));
    }

    /**
     * {@code peer} connects to the host. Accepted when the host's security groups admit it (or {@code forceAccept},
     * for the drift scenario), in which case the response is logged too; otherwise one REJECT record.
     */
    static void inbound(FlowSink sink, Host host, String peer, int dstPort, long packets, long bytes,
                        long replyPackets, long replyBytes, long end, long duration, boolean forceAccept,
                        SplittableRandom r) {
        String self = host.privateIp();
        int srcPort = ephemeral(r);
        long start = end - duration;
        boolean accept = forceAccept || host.admits("tcp", dstPort, peer);
        if (!accept) {
            sink.add(new Flow(host, false, peer, self, peer, self, srcPort, dstPort, Flow.TCP, Math.min(packets, 2),
                    Math.min(packets, 2) * 60, 2, start, end, false, 0, null));
            return;
        }
        sink.add(new Flow(host, false, peer, self, peer, self, srcPort, dstPort, Flow.TCP, packets, bytes, 3, start,
                end, true, 0, null));
        sink.add(new Flow(host, true, self, peer, self, peer, dstPort, srcPort, Flow.TCP, replyPackets, replyBytes, 19,
                start, end, true, peer.startsWith("10.") ? IN_VPC : INTERNET_GATEWAY, null));
    }
}
