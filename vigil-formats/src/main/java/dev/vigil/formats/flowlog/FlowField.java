package dev.vigil.formats.flowlog;

import java.util.HashMap;
import java.util.Map;

/**
 * The flow-log fields {@link dev.vigil.model.FlowRecord} names, with the value type a column of that field holds
 * and the flow-log version that introduced it. Fields not listed here (ECS metadata, reject-reason, future ones)
 * are kept as text in {@code FlowRecord.extra}.
 */
enum FlowField {
    VERSION("version", Kind.INT, 2, 255),
    ACCOUNT_ID("account-id", Kind.TEXT, 2, 0),
    INTERFACE_ID("interface-id", Kind.TEXT, 2, 0),
    SRCADDR("srcaddr", Kind.TEXT, 2, 0),
    DSTADDR("dstaddr", Kind.TEXT, 2, 0),
    SRCPORT("srcport", Kind.INT, 2, 65535),
    DSTPORT("dstport", Kind.INT, 2, 65535),
    PROTOCOL("protocol", Kind.INT, 2, 255),
    PACKETS("packets", Kind.LONG, 2, 0),
    BYTES("bytes", Kind.LONG, 2, 0),
    START("start", Kind.LONG, 2, 0),
    END("end", Kind.LONG, 2, 0),
    ACTION("action", Kind.ACTION, 2, 0),
    LOG_STATUS("log-status", Kind.STATUS, 2, 0),
    VPC_ID("vpc-id", Kind.TEXT, 3, 0),
    SUBNET_ID("subnet-id", Kind.TEXT, 3, 0),
    INSTANCE_ID("instance-id", Kind.TEXT, 3, 0),
    TCP_FLAGS("tcp-flags", Kind.INT, 3, 65535),
    TYPE("type", Kind.TEXT, 3, 0),
    PKT_SRCADDR("pkt-srcaddr", Kind.TEXT, 3, 0),
    PKT_DSTADDR("pkt-dstaddr", Kind.TEXT, 3, 0),
    REGION("region", Kind.TEXT, 4, 0),
    AZ_ID("az-id", Kind.TEXT, 4, 0),
    PKT_SRC_AWS_SERVICE("pkt-src-aws-service", Kind.TEXT, 5, 0),
    PKT_DST_AWS_SERVICE("pkt-dst-aws-service", Kind.TEXT, 5, 0),
    FLOW_DIRECTION("flow-direction", Kind.TEXT, 5, 0),
    TRAFFIC_PATH("traffic-path", Kind.INT, 5, 255);

    /** How a column's text becomes a value. */
    enum Kind { TEXT, INT, LONG, ACTION, STATUS }

    private static final FlowField[] ALL = values();
    private static final Map<String, FlowField> BY_NAME = new HashMap<>();

    static {
        for (FlowField f : ALL) {
            BY_NAME.put(f.fieldName, f);
        }
    }

    final String fieldName;
    final Kind kind;
    final int version;
    /** Largest value an {@link Kind#INT} column accepts; 0 for other kinds. */
    final int max;
    /**
     * Whether values repeat from line to line (ids, regions, names) and share the id cache; addresses take more
     * values and have a cache of their own.
     */
    final boolean repeats;

    FlowField(String fieldName, Kind kind, int version, int max) {
        this.fieldName = fieldName;
        this.kind = kind;
        this.version = version;
        this.max = max;
        this.repeats = kind == Kind.TEXT && !fieldName.endsWith("addr");
    }

    /** The field of that flow-log name, or null for a name this model keeps in {@code extra}. */
    static FlowField named(String name) {
        return BY_NAME.get(name);
    }

    static FlowField byOrdinal(int ordinal) {
        return ALL[ordinal];
    }
}
