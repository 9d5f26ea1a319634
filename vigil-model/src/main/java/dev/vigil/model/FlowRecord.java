package dev.vigil.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One VPC Flow Logs record: one 5-tuple flow seen by one network interface in one aggregation interval.
 *
 * <p>Every version's fields are here (v2 default order, v3–v5 additions by name); fields a record's format did not
 * carry, and fields whose value was {@code -}, are {@link #ABSENT} for numbers and {@code ""} for text. Fields this
 * model does not name (ECS metadata, reject-reason, future fields) are kept as text in {@link #extra}, by the
 * flow-log field name. Every text value came from a log: escape it wherever it is shown.
 *
 * <p>As an {@link Event}, a flow record answers {@link #field(String)} with the flow-log field names
 * ({@code srcaddr}, {@code dstport}, {@code log-status}, {@code pkt-srcaddr}…), so Sigma rules with
 * {@code logsource: {product: aws, service: vpcflowlogs}} can match on it.
 *
 * @param version        the record's version column, or {@link #ABSENT}
 * @param accountId      owner of the interface ({@code unknown} possible), or ""
 * @param interfaceId    {@code eni-…}, or ""
 * @param srcAddr        source address (IPv4 or IPv6 text), or ""
 * @param dstAddr        destination address, or ""
 * @param srcPort        source port, or {@link #ABSENT}
 * @param dstPort        destination port, or {@link #ABSENT}
 * @param protocol       IANA protocol number (6 TCP, 17 UDP, 1 ICMP), or {@link #ABSENT}
 * @param packets        packets in the interval, or {@link #ABSENT}
 * @param bytes          bytes in the interval, or {@link #ABSENT}
 * @param start          first packet, Unix seconds, or {@link #ABSENT}
 * @param end            last packet, Unix seconds, or {@link #ABSENT}
 * @param action         ACCEPT, REJECT, or {@link Action#NONE} ({@code -})
 * @param logStatus      OK, NODATA, SKIPDATA
 * @param vpcId          v3 {@code vpc-id}, or ""
 * @param subnetId       v3 {@code subnet-id}, or ""
 * @param instanceId     v3 {@code instance-id}, or ""
 * @param tcpFlags       v3 {@code tcp-flags} bitmask (FIN 1, SYN 2, RST 4, ACK 16), or {@link #ABSENT}
 * @param type           v3 {@code type}: IPv4, IPv6, EFA, or ""
 * @param pktSrcAddr     v3 {@code pkt-srcaddr}, or ""
 * @param pktDstAddr     v3 {@code pkt-dstaddr}, or ""
 * @param region         v4 {@code region}, or ""
 * @param azId           v4 {@code az-id}, or ""
 * @param pktSrcAwsService v5 {@code pkt-src-aws-service}, or ""
 * @param pktDstAwsService v5 {@code pkt-dst-aws-service}, or ""
 * @param flowDirection  v5 {@code flow-direction}: ingress, egress, or ""
 * @param trafficPath    v5 {@code traffic-path} (1–8), or {@link #ABSENT}
 * @param extra          other fields by flow-log name (never null; usually empty)
 * @param originPrefix   where it was read, up to the number: {@code FILE#line } (or {@code FILE#row } for Parquet);
 *                       the whole origin when {@code originNumber} is negative
 * @param originNumber   the line, event or row number, or -1; kept apart from the prefix so that reading a record
 *                       builds no text for its origin (the prefix is one string per file) — see {@link #origin()}
 * @param srcIpv4        {@code srcAddr} as an unsigned 32-bit number when it is IPv4 text ({@link Ipv4#parse}),
 *                       else {@link Ipv4#NONE}: readers parse each distinct address once, not every record
 * @param dstIpv4        the same for {@code dstAddr}
 * @param screen         the {@link AddressScreen} the reader ran on the two addresses, or null
 * @param screenPassed   which IPv4 addresses that screen let through: {@link #SCREEN_SRC}, {@link #SCREEN_DST}
 */
public record FlowRecord(int version, String accountId, String interfaceId,
                         String srcAddr, String dstAddr, int srcPort, int dstPort, int protocol,
                         long packets, long bytes, long start, long end, Action action, LogStatus logStatus,
                         String vpcId, String subnetId, String instanceId, int tcpFlags, String type,
                         String pktSrcAddr, String pktDstAddr, String region, String azId,
                         String pktSrcAwsService, String pktDstAwsService, String flowDirection, int trafficPath,
                         Map<String, String> extra, String originPrefix, long originNumber,
                         long srcIpv4, long dstIpv4, AddressScreen screen, int screenPassed) implements Event {

    /** The value of a number the record did not carry or wrote as {@code -}. */
    public static final int ABSENT = -1;

    public static final int TCP = 6;
    public static final int UDP = 17;
    public static final int ICMP = 1;
    public static final int ICMPV6 = 58;

    public enum Action { ACCEPT, REJECT, NONE }

    public enum LogStatus { OK, NODATA, SKIPDATA }

    /** {@link #screenPassed} bit: the screen let the source address through. */
    public static final int SCREEN_SRC = 1;
    /** {@link #screenPassed} bit: the screen let the destination address through. */
    public static final int SCREEN_DST = 2;

    public FlowRecord {
        accountId = Objects.requireNonNullElse(accountId, "");
        interfaceId = Objects.requireNonNullElse(interfaceId, "");
        srcAddr = Objects.requireNonNullElse(srcAddr, "");
        dstAddr = Objects.requireNonNullElse(dstAddr, "");
        action = Objects.requireNonNullElse(action, Action.NONE);
        logStatus = Objects.requireNonNullElse(logStatus, LogStatus.OK);
        vpcId = Objects.requireNonNullElse(vpcId, "");
        subnetId = Objects.requireNonNullElse(subnetId, "");
        instanceId = Objects.requireNonNullElse(instanceId, "");
        type = Objects.requireNonNullElse(type, "");
        pktSrcAddr = Objects.requireNonNullElse(pktSrcAddr, "");
        pktDstAddr = Objects.requireNonNullElse(pktDstAddr, "");
        region = Objects.requireNonNullElse(region, "");
        azId = Objects.requireNonNullElse(azId, "");
        pktSrcAwsService = Objects.requireNonNullElse(pktSrcAwsService, "");
        pktDstAwsService = Objects.requireNonNullElse(pktDstAwsService, "");
        flowDirection = Objects.requireNonNullElse(flowDirection, "");
        extra = extra == null || extra.isEmpty() ? Map.of() : Map.copyOf(extra);
        originPrefix = Objects.requireNonNullElse(originPrefix, "");
        if (screen == null) {
            screenPassed = 0;
        }
    }

    /**
     * A record read without a screen: the address numbers are parsed here from the text, as a reader would.
     */
    public FlowRecord(int version, String accountId, String interfaceId,
                      String srcAddr, String dstAddr, int srcPort, int dstPort, int protocol,
                      long packets, long bytes, long start, long end, Action action, LogStatus logStatus,
                      String vpcId, String subnetId, String instanceId, int tcpFlags, String type,
                      String pktSrcAddr, String pktDstAddr, String region, String azId,
                      String pktSrcAwsService, String pktDstAwsService, String flowDirection, int trafficPath,
                      Map<String, String> extra, String originPrefix, long originNumber) {
        this(version, accountId, interfaceId, srcAddr, dstAddr, srcPort, dstPort, protocol, packets, bytes, start,
                end, action, logStatus, vpcId, subnetId, instanceId, tcpFlags, type, pktSrcAddr, pktDstAddr, region,
                azId, pktSrcAwsService, pktDstAwsService, flowDirection, trafficPath, extra, originPrefix,
                originNumber, srcAddr == null ? Ipv4.NONE : Ipv4.parse(srcAddr),
                dstAddr == null ? Ipv4.NONE : Ipv4.parse(dstAddr), null, 0);
    }

    /**
     * True when the reader ran {@code screen} on the source address ({@code source}) or the destination address
     * and the screen said it cannot match; false when it let the address through, when the reader ran no screen or
     * another one, and for addresses that are not IPv4. A consumer that gets false asks its expensive question.
     */
    public boolean screenedOut(AddressScreen screen, boolean source) {
        return screen != null && this.screen == screen && (source ? srcIpv4 : dstIpv4) >= 0
                && (screenPassed & (source ? SCREEN_SRC : SCREEN_DST)) == 0;
    }

    /**
     * A record whose origin is given whole ({@code FILE#line N}). A trailing number is split off as a reader keeps it,
     * so that the same record built either way is equal.
     */
    public FlowRecord(int version, String accountId, String interfaceId,
                      String srcAddr, String dstAddr, int srcPort, int dstPort, int protocol,
                      long packets, long bytes, long start, long end, Action action, LogStatus logStatus,
                      String vpcId, String subnetId, String instanceId, int tcpFlags, String type,
                      String pktSrcAddr, String pktDstAddr, String region, String azId,
                      String pktSrcAwsService, String pktDstAwsService, String flowDirection, int trafficPath,
                      Map<String, String> extra, String origin) {
        this(version, accountId, interfaceId, srcAddr, dstAddr, srcPort, dstPort, protocol, packets, bytes, start,
                end, action, logStatus, vpcId, subnetId, instanceId, tcpFlags, type, pktSrcAddr, pktDstAddr, region,
                azId, pktSrcAwsService, pktDstAwsService, flowDirection, trafficPath, extra,
                origin == null ? null : origin.substring(0, numberStart(origin)), originNumber(origin));
    }

    /**
     * Where the trailing number of a whole origin starts: after a space, at most 18 digits, no leading zero (so that
     * writing the number back gives the same text); the origin's length when it has none.
     */
    private static int numberStart(String origin) {
        int end = origin.length();
        int at = end;
        while (at > 0 && end - at < 18 && Character.isDigit(origin.charAt(at - 1)) && origin.charAt(at - 1) < 0x80) {
            at--;
        }
        boolean number = at < end && at > 0 && origin.charAt(at - 1) == ' '
                && (origin.charAt(at) != '0' || at == end - 1);
        return number ? at : end;
    }

    private static long originNumber(String origin) {
        if (origin == null) {
            return -1;
        }
        int at = numberStart(origin);
        return at == origin.length() ? -1 : Long.parseLong(origin, at, origin.length(), 10);
    }

    /** An origin's text from its parts, as {@link #origin()} builds it. */
    public static String origin(String prefix, long number) {
        return number < 0 ? prefix : prefix + number;
    }

    /** Where the record was read: {@code FILE#line N}, {@code FILE#event N} or {@code FILE#row N}; built on demand. */
    public String origin() {
        return origin(originPrefix, originNumber);
    }

    /** True for a record that describes traffic (log-status OK), false for NODATA and SKIPDATA. */
    public boolean isTraffic() {
        return logStatus == LogStatus.OK;
    }

    /** The original source address: {@code pkt-srcaddr} when the record has it, else {@code srcaddr}. */
    public String packetSource() {
        return pktSrcAddr.isEmpty() ? srcAddr : pktSrcAddr;
    }

    /** The original destination address: {@code pkt-dstaddr} when the record has it, else {@code dstaddr}. */
    public String packetDestination() {
        return pktDstAddr.isEmpty() ? dstAddr : pktDstAddr;
    }

    @Override
    public String logSource() {
        return "aws:vpcflowlogs";
    }

    /** Flow records have no id of their own; findings tell them apart by {@link #origin()}. */
    @Override
    public String id() {
        return "";
    }

    /** The {@code end} of the interval (the time S3 delivery files records by), or {@code start}, in ms. */
    @Override
    public long timeMillis() {
        long t = end != ABSENT ? end : start;
        return t == ABSENT ? Long.MIN_VALUE : t * 1000;
    }

    @Override
    public Object field(String path) {
        return switch (path) {
            case "version" -> number(version);
            case "account-id" -> text(accountId);
            case "interface-id" -> text(interfaceId);
            case "srcaddr" -> text(srcAddr);
            case "dstaddr" -> text(dstAddr);
            case "srcport" -> number(srcPort);
            case "dstport" -> number(dstPort);
            case "protocol" -> number(protocol);
            case "packets" -> number(packets);
            case "bytes" -> number(bytes);
            case "start" -> number(start);
            case "end" -> number(end);
            case "action" -> action == Action.NONE ? null : action.name();
            case "log-status" -> logStatus.name();
            case "vpc-id" -> text(vpcId);
            case "subnet-id" -> text(subnetId);
            case "instance-id" -> text(instanceId);
            case "tcp-flags" -> number(tcpFlags);
            case "type" -> text(type);
            case "pkt-srcaddr" -> text(pktSrcAddr);
            case "pkt-dstaddr" -> text(pktDstAddr);
            case "region" -> text(region);
            case "az-id" -> text(azId);
            case "pkt-src-aws-service" -> text(pktSrcAwsService);
            case "pkt-dst-aws-service" -> text(pktDstAwsService);
            case "flow-direction" -> text(flowDirection);
            case "traffic-path" -> number(trafficPath);
            default -> extra.get(path);
        };
    }

    /** The record as a JSON object of its present fields, by flow-log field name, for evidence. */
    @Override
    public String rawJson() {
        StringBuilder b = new StringBuilder(256).append('{');
        for (String name : FIELD_NAMES) {
            append(b, name, field(name));
        }
        extra.keySet().stream().sorted().forEach(k -> append(b, k, extra.get(k)));
        return b.append('}').toString();
    }

    /** The field names this model holds, in the order of the fields table of the VPC User Guide. */
    public static final List<String> FIELD_NAMES = List.of("version", "account-id", "interface-id", "srcaddr",
            "dstaddr", "srcport", "dstport", "protocol", "packets", "bytes", "start", "end", "action", "log-status",
            "vpc-id", "subnet-id", "instance-id", "tcp-flags", "type", "pkt-srcaddr", "pkt-dstaddr", "region",
            "az-id", "pkt-src-aws-service", "pkt-dst-aws-service", "flow-direction", "traffic-path");

    private static void append(StringBuilder b, String name, Object value) {
        if (value == null) {
            return;
        }
        if (b.length() > 1) {
            b.append(',');
        }
        quote(b, name).append(':');
        if (value instanceof Long n) {
            b.append(n.longValue());
        } else {
            quote(b, value.toString());
        }
    }

    private static StringBuilder quote(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"');
    }

    private static Object text(String s) {
        return s.isEmpty() ? null : s;
    }

    private static Object number(long n) {
        return n == ABSENT ? null : Long.valueOf(n);
    }
}
