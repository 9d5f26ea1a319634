package dev.vigil.formats.flowlog;

import dev.vigil.model.AddressScreen;
import dev.vigil.model.FlowRecord;
import dev.vigil.model.FlowRecord.Action;
import dev.vigil.model.FlowRecord.LogStatus;
import dev.vigil.model.Ipv4;

import java.util.HashMap;
import java.util.Map;

import static dev.vigil.model.FlowRecord.ABSENT;

/**
 * Collects one record's values by field, checks them, and builds the {@link FlowRecord}. One builder is reused
 * for every record of a file (it is not thread-safe).
 */
final class FlowRecordBuilder {

    private int version;
    private String accountId;
    private String interfaceId;
    private String srcAddr;
    private String dstAddr;
    private int srcPort;
    private int dstPort;
    private int protocol;
    private long packets;
    private long bytes;
    private long start;
    private long end;
    private Action action;
    private LogStatus logStatus;
    private String vpcId;
    private String subnetId;
    private String instanceId;
    private int tcpFlags;
    private String type;
    private String pktSrcAddr;
    private String pktDstAddr;
    private String region;
    private String azId;
    private String pktSrcAwsService;
    private String pktDstAwsService;
    private String flowDirection;
    private int trafficPath;
    private Map<String, String> extra;
    private long srcIpv4;
    private long dstIpv4;
    private int screenPassed;
    /** The screen the reader ran on the addresses (kept across records). */
    private AddressScreen screen;

    FlowRecordBuilder() {
        reset();
    }

    void reset() {
        version = ABSENT;
        accountId = interfaceId = srcAddr = dstAddr = "";
        srcPort = dstPort = protocol = ABSENT;
        packets = bytes = start = end = ABSENT;
        action = Action.NONE;
        logStatus = LogStatus.OK;
        vpcId = subnetId = instanceId = type = pktSrcAddr = pktDstAddr = region = azId = "";
        pktSrcAwsService = pktDstAwsService = flowDirection = "";
        tcpFlags = trafficPath = ABSENT;
        extra = null;
        srcIpv4 = dstIpv4 = Ipv4.NONE;
        screenPassed = 0;
    }

    void screen(AddressScreen s) {
        screen = s;
    }

    /**
     * Sets srcaddr or dstaddr with what the reader's {@link AddressCache} knew of it: its IPv4 number and whether the
     * screen let it through.
     */
    void address(FlowField f, String s, long number, boolean passed) {
        switch (f) {
            case SRCADDR -> {
                srcAddr = s;
                srcIpv4 = number;
                screenPassed = passed ? screenPassed | FlowRecord.SCREEN_SRC : screenPassed & ~FlowRecord.SCREEN_SRC;
            }
            case DSTADDR -> {
                dstAddr = s;
                dstIpv4 = number;
                screenPassed = passed ? screenPassed | FlowRecord.SCREEN_DST : screenPassed & ~FlowRecord.SCREEN_DST;
            }
            default -> text(f, s);
        }
    }

    /** Sets a number field ({@link FlowField.Kind#INT} or {@link FlowField.Kind#LONG}); {@code ABSENT} for '-'. */
    void number(FlowField f, long v) throws MalformedRecord {
        if (v != ABSENT && (v < 0 || f.kind == FlowField.Kind.INT && v > f.max)) {
            throw new MalformedRecord("bad-number", f.fieldName + " is " + v + ", outside 0–" + f.max);
        }
        switch (f) {
            case VERSION -> version = (int) v;
            case SRCPORT -> srcPort = (int) v;
            case DSTPORT -> dstPort = (int) v;
            case PROTOCOL -> protocol = (int) v;
            case PACKETS -> packets = v;
            case BYTES -> bytes = v;
            case START -> start = v;
            case END -> end = v;
            case TCP_FLAGS -> tcpFlags = (int) v;
            case TRAFFIC_PATH -> trafficPath = (int) v;
            default -> throw new IllegalArgumentException(f + " is not a number field");
        }
    }

    /** Sets a text field; "" for '-'. */
    void text(FlowField f, String s) {
        switch (f) {
            case ACCOUNT_ID -> accountId = s;
            case INTERFACE_ID -> interfaceId = s;
            case SRCADDR -> {
                srcAddr = s;
                srcIpv4 = Ipv4.parse(s);
                screenPassed |= FlowRecord.SCREEN_SRC; // not screened: whoever asks must look
            }
            case DSTADDR -> {
                dstAddr = s;
                dstIpv4 = Ipv4.parse(s);
                screenPassed |= FlowRecord.SCREEN_DST;
            }
            case VPC_ID -> vpcId = s;
            case SUBNET_ID -> subnetId = s;
            case INSTANCE_ID -> instanceId = s;
            case TYPE -> type = s;
            case PKT_SRCADDR -> pktSrcAddr = s;
            case PKT_DSTADDR -> pktDstAddr = s;
            case REGION -> region = s;
            case AZ_ID -> azId = s;
            case PKT_SRC_AWS_SERVICE -> pktSrcAwsService = s;
            case PKT_DST_AWS_SERVICE -> pktDstAwsService = s;
            case FLOW_DIRECTION -> flowDirection = s;
            default -> throw new IllegalArgumentException(f + " is not a text field");
        }
    }

    void action(Action a) {
        action = a;
    }

    void logStatus(LogStatus s) {
        logStatus = s;
    }

    /** Keeps the value of a field this model does not name. */
    void extra(String name, String value) {
        if (extra == null) {
            extra = new HashMap<>(4);
        }
        extra.put(name, value);
    }

    /** Fills account and region from outside the record (Hive partitions) where the record has none. */
    void fillFromPartition(String account, String partitionRegion) {
        if (accountId.isEmpty() && account != null) {
            accountId = account;
        }
        if (region.isEmpty() && partitionRegion != null) {
            region = partitionRegion;
        }
    }

    /** The record, read at {@code originPrefix + originNumber} (the number kept apart: see FlowRecord). */
    FlowRecord build(String originPrefix, long originNumber) {
        return new FlowRecord(version, accountId, interfaceId, srcAddr, dstAddr, srcPort, dstPort, protocol,
                packets, bytes, start, end, action, logStatus, vpcId, subnetId, instanceId, tcpFlags, type,
                pktSrcAddr, pktDstAddr, region, azId, pktSrcAwsService, pktDstAwsService, flowDirection, trafficPath,
                extra, originPrefix, originNumber, srcIpv4, dstIpv4, screen, screenPassed);
    }

    /** The action written as text; {@code -} (and SQL null) is {@link Action#NONE}. */
    static Action action(String s) throws MalformedRecord {
        return switch (s == null ? "-" : s) {
            case "ACCEPT" -> Action.ACCEPT;
            case "REJECT" -> Action.REJECT;
            case "-" -> Action.NONE;
            default -> throw new MalformedRecord("unknown-action", "action is '" + Printable.clip(s)
                    + "'; flow logs write ACCEPT, REJECT or -");
        };
    }

    /** The log status written as text; {@code -} (and SQL null) count as OK, the model's default. */
    static LogStatus logStatus(String s) throws MalformedRecord {
        return switch (s == null ? "-" : s) {
            case "OK", "-" -> LogStatus.OK;
            case "NODATA" -> LogStatus.NODATA;
            case "SKIPDATA" -> LogStatus.SKIPDATA;
            default -> throw new MalformedRecord("unknown-log-status", "log-status is '" + Printable.clip(s)
                    + "'; flow logs write OK, NODATA or SKIPDATA");
        };
    }
}
