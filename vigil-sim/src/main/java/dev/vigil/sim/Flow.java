package dev.vigil.sim;

import dev.vigil.sim.PostureOrg.Host;

/**
 * One flow-log record as captured on a host's interface: a 5-tuple in one direction over one aggregation interval.
 * {@code NODATA} records have no tuple ({@link #noData}).
 *
 * @param host      the interface's host
 * @param egress    true when the host sent the packets ({@code flow-direction} egress)
 * @param src       {@code srcaddr}
 * @param dst       {@code dstaddr}
 * @param pktSrc    {@code pkt-srcaddr} (differs from {@code srcaddr} through a NAT gateway)
 * @param pktDst    {@code pkt-dstaddr}
 * @param protocol  IANA protocol number; -1 for NODATA
 * @param tcpFlags  OR of the TCP flags seen; 0 for other protocols
 * @param start     Unix seconds of the first packet
 * @param end       Unix seconds of the last packet; decides the 5-minute file
 * @param accept    ACCEPT or REJECT
 * @param trafficPath egress path (1 in VPC, 7 gateway endpoint, 8 internet gateway); 0 when not applicable
 * @param service   AWS service of the public peer (S3, DYNAMODB), or null
 */
record Flow(Host host, boolean egress, String src, String dst, String pktSrc, String pktDst, int srcPort, int dstPort,
            int protocol, long packets, long bytes, int tcpFlags, long start, long end, boolean accept,
            int trafficPath, String service) {

    static final int TCP = 6;
    static final int UDP = 17;

    static Flow noData(Host host, long start, long end) {
        return new Flow(host, false, null, null, null, null, -1, -1, -1, -1, -1, -1, start, end, false, 0, null);
    }

    boolean isNoData() {
        return protocol < 0;
    }
}
