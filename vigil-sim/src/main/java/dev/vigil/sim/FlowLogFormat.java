package dev.vigil.sim;

import dev.vigil.sim.PostureOrg.Vpc;

import java.util.List;

/**
 * The record layout of a flow log: the default version-2 format, or the version-5 custom format one VPC uses so that
 * readers meet both shapes. Renders {@link Flow}s as the space-separated lines S3 files hold, {@code -} for what does
 * not apply.
 *
 * @param fields  field names in order, as the header line lists them
 * @param version the {@code version} column: the highest version among the fields
 */
record FlowLogFormat(List<String> fields, int version) {

    static final FlowLogFormat DEFAULT = new FlowLogFormat(List.of("version", "account-id", "interface-id", "srcaddr",
            "dstaddr", "srcport", "dstport", "protocol", "packets", "bytes", "start", "end", "action", "log-status"), 2);

    /** Version-5 custom format: VPC, subnet and instance, TCP flags, packet addresses, region, direction, path. */
    static final FlowLogFormat CUSTOM_V5 = new FlowLogFormat(List.of("version", "account-id", "vpc-id", "subnet-id",
            "instance-id", "interface-id", "type", "srcaddr", "dstaddr", "srcport", "dstport", "pkt-srcaddr",
            "pkt-dstaddr", "protocol", "packets", "bytes", "start", "end", "action", "tcp-flags", "log-status",
            "region", "az-id", "pkt-src-aws-service", "pkt-dst-aws-service", "flow-direction", "traffic-path"), 5);

    FlowLogFormat {
        fields = List.copyOf(fields);
    }

    /** The prod account's home-region VPC logs in the custom format; every other VPC in the default one. */
    static FlowLogFormat of(Vpc vpc) {
        return vpc.account().role().equals("prod") && vpc.region().equals(Estate.HOME_REGION) ? CUSTOM_V5 : DEFAULT;
    }

    /** The {@code LogFormat} the flow log was created with: {@code ${field} ${field} …}. */
    String logFormat() {
        StringBuilder sb = new StringBuilder();
        for (String f : fields) {
            sb.append(sb.isEmpty() ? "" : " ").append("${").append(f).append('}');
        }
        return sb.toString();
    }

    String header() {
        return String.join(" ", fields);
    }

    /** Appends one record line (without the newline). */
    void render(Flow f, StringBuilder out) {
        boolean nodata = f.isNoData();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(' ');
            }
            PostureOrg.Host h = f.host();
            Fleet.Instance inst = h.instance();
            switch (fields.get(i)) {
                case "version" -> out.append(version);
                case "account-id" -> out.append(inst.account().id());
                case "interface-id" -> out.append(inst.eniId());
                case "vpc-id" -> out.append(h.vpc().id());
                case "subnet-id" -> out.append(InstanceItems.subnetId(h.vpc(), inst.subnet()));
                case "instance-id" -> out.append(inst.instanceId() == null ? "-" : inst.instanceId());
                case "type" -> out.append(nodata ? "-" : "IPv4");
                case "srcaddr" -> text(out, f.src());
                case "dstaddr" -> text(out, f.dst());
                case "pkt-srcaddr" -> text(out, f.pktSrc());
                case "pkt-dstaddr" -> text(out, f.pktDst());
                case "srcport" -> number(out, f.srcPort());
                case "dstport" -> number(out, f.dstPort());
                case "protocol" -> number(out, f.protocol());
                case "packets" -> number(out, f.packets());
                case "bytes" -> number(out, f.bytes());
                case "start" -> out.append(f.start());
                case "end" -> out.append(f.end());
                case "action" -> out.append(nodata ? "-" : f.accept() ? "ACCEPT" : "REJECT");
                case "tcp-flags" -> number(out, nodata || f.protocol() != Flow.TCP ? -1 : f.tcpFlags());
                case "log-status" -> out.append(nodata ? "NODATA" : "OK");
                case "region" -> out.append(inst.region());
                case "az-id" -> out.append(azId(inst.zone()));
                case "pkt-src-aws-service" -> text(out, f.egress() ? null : f.service());
                case "pkt-dst-aws-service" -> text(out, f.egress() ? f.service() : null);
                case "flow-direction" -> out.append(nodata ? "-" : f.egress() ? "egress" : "ingress");
                case "traffic-path" -> number(out, nodata || !f.egress() || f.trafficPath() == 0 ? -1 : f.trafficPath());
                default -> throw new IllegalStateException("no rendering for flow-log field " + fields.get(i));
            }
        }
    }

    private static void text(StringBuilder out, String s) {
        out.append(s == null ? "-" : s);
    }

    private static void number(StringBuilder out, long n) {
        if (n < 0) {
            out.append('-');
        } else {
            out.append(n);
        }
    }

    /** Zone id as AWS names them for the simulated regions' zones: {@code use1-az1}, {@code euw1-az2}… */
    static String azId(String zone) {
        String region = zone.substring(0, zone.length() - 1);
        String[] parts = region.split("-");
        StringBuilder sb = new StringBuilder();
        sb.append(parts[0]);
        for (int i = 1; i < parts.length - 1; i++) {
            sb.append(parts[i].charAt(0));
        }
        sb.append(parts[parts.length - 1]).append("-az").append(zone.charAt(zone.length() - 1) - 'a' + 1);
        return sb.toString();
    }
}
