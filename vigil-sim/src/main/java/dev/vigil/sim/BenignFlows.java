package dev.vigil.sim;

import dev.vigil.sim.Fleet.Role;
import dev.vigil.sim.PostureOrg.Host;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static dev.vigil.sim.Connections.GATEWAY_ENDPOINT;
import static dev.vigil.sim.Connections.INTERNET_GATEWAY;
import static dev.vigil.sim.Connections.IN_VPC;

/**
 * The estate's everyday traffic, window by window: internet clients on the web servers' 443 and 80, web servers
 * calling the application tier, application servers and workers using S3 and DynamoDB through gateway endpoints,
 * workers reaching a fixed set of outside services through the NAT gateway (logged on both interfaces), office SSH to
 * the bastion, partners on the SFTP server, contractors on the Windows jump host, and internet scanners probing every
 * public address on ports its security groups close (REJECT). Every kind of traffic runs all day from the first
 * window, with a mild day/night swing, so nothing benign first appears after a learning period. The volume is scaled
 * to the requested number of records.
 */
final class BenignFlows {

    /** Ports scanners knock on; a host's open ports are left out for it, so every probe is rejected. */
    private static final int[] SCANNED = {22, 23, 25, 80, 135, 443, 445, 1433, 2375, 3306, 3389, 5432, 5900, 6379,
            8080, 8443, 9200, 11211, 27017};
    /** One hour in which worker-3 of every VPC is idle: its interface then logs NODATA. */
    private static final int IDLE_HOUR = 3;

    private final List<Host> hosts;
    private final Map<String, Host> appOf = new HashMap<>();
    private final Map<String, Host> natOf = new HashMap<>();
    private final Map<String, List<String>> outside = new HashMap<>();
    private final List<String> office;
    private final List<String> regions;
    private final double scale;

    /**
     * @param hosts           the flow-logged hosts
     * @param recordsPerWindow benign records wanted per 5-minute window, on average
     */
    BenignFlows(List<Host> hosts, List<String> office, List<String> regions, long seed, double recordsPerWindow) {
        this.hosts = List.copyOf(hosts);
        this.office = List.copyOf(office);
        this.regions = List.copyOf(regions);
        SplittableRandom r = new SplittableRandom(Ids.mix(seed, 0x6f757473L));
        for (Host h : hosts) {
            String vpc = h.vpc().id();
            if (h.instance().role() == Role.APP) {
                appOf.put(vpc, h);
            } else if (h.instance().role() == Role.NAT) {
                natOf.put(vpc, h);
            }
            outside.computeIfAbsent(vpc, k -> {
                List<String> peers = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    peers.add(Addresses.internet(r));
                }
                return peers;
            });
            outside.computeIfAbsent(h.instance().resourceId(), k -> {
                List<String> peers = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    peers.add(Addresses.internet(r));
                }
                return peers; // the partners or contractors of a host that has any
            });
        }
        double unit = 0;
        for (Host h : hosts) {
            unit += recordsPerConnectionMix(h);
        }
        this.scale = unit == 0 ? 0 : recordsPerWindow / unit;
    }

    /** Records per window one unit of scale gives a host (connections per window times records per connection). */
    private double recordsPerConnectionMix(Host h) {
        return switch (h.instance().role()) {
            case WEB -> 10 * 2 + 2 * 2 + 4 * 4 + 3;   // clients, redirects, calls to app (both ends), scanners
            case APP -> 3 * 2 + 2 * 2;               // S3, DynamoDB (web calls are counted on the web side)
            case WORKER -> 3 * 2 + 2 * 4;            // S3; outside via NAT (worker and NAT interfaces)
            case BASTION, SFTP, WINDOWS -> 1 * 2 + 3;
            case NAT -> 0;
        };
    }

    /** Emits the benign records whose {@code end} falls in [window, to). */
    void window(long window, long to, SplittableRandom r, FlowSink sink) {
        int hour = (int) Math.floorMod(window / 3600, 24);
        double swing = (1 + 0.3 * Math.sin(2 * Math.PI * (hour - 9) / 24.0)) * (to - window) / 300.0;
        for (Host h : hosts) {
            Role role = h.instance().role();
            if (role == Role.NAT) {
                continue;
            }
            if (role == Role.WORKER && h.instance().name().equals("worker-3") && hour == IDLE_HOUR) {
                sink.add(Flow.noData(h, window, to - 1));
                continue;
            }
            int region = regions.indexOf(h.instance().region());
            double s = scale * swing;
            switch (role) {
                case WEB -> {
                    repeat(r, 10 * s, () -> Connections.inbound(sink, h, Addresses.internet(r), 443, 8 + r.nextInt(20),
                            900 + r.nextInt(15_000), 10 + r.nextInt(60), 4_000 + r.nextInt(400_000),
                            Connections.endIn(r, window, to), r.nextInt(20), false, r));
                    repeat(r, 2 * s, () -> Connections.inbound(sink, h, Addresses.internet(r), 80, 3 + r.nextInt(3),
                            300 + r.nextInt(300), 3 + r.nextInt(3), 400 + r.nextInt(200),
                            Connections.endIn(r, window, to), r.nextInt(3), false, r));
                    Host app = appOf.get(h.vpc().id());
                    repeat(r, 4 * s, () -> {
                        long end = Connections.endIn(r, window, to);
                        long dur = r.nextInt(5);
                        int packets = 6 + r.nextInt(20);
                        int bytes = 800 + r.nextInt(8_000);
                        int replyPackets = 6 + r.nextInt(30);
                        int replyBytes = 2_000 + r.nextInt(60_000);
                        Connections.outbound(sink, h, app.privateIp(), 443, Flow.TCP, packets, bytes, replyPackets,
                                replyBytes, end, dur, IN_VPC, null, r);
                        Connections.inbound(sink, app, h.privateIp(), 443, packets, bytes, replyPackets, replyBytes,
                                end, dur, false, r);
                    });
                    scanners(h, window, to, 3 * s, r, sink);
                }
                case APP -> awsServices(h, region, window, to, s, r, sink);
                case WORKER -> {
                    repeat(r, 3 * s, () -> Connections.outbound(sink, h, AwsIpRanges.s3Address(region, r.nextInt(40)),
                            443, Flow.TCP, 20 + r.nextInt(200), 4_000 + r.nextInt(900_000), 20 + r.nextInt(300),
                            8_000 + r.nextInt(2_000_000), Connections.endIn(r, window, to), r.nextInt(40),
                            GATEWAY_ENDPOINT, "S3", r));
                    Host nat = natOf.get(h.vpc().id());
                    List<String> peers = outside.get(h.vpc().id());
                    repeat(r, 2 * s, () -> {
                        String peer = peers.get(r.nextInt(peers.size()));
                        long end = Connections.endIn(r, window, to);
                        long dur = r.nextInt(15);
                        int packets = 8 + r.nextInt(40);
                        int bytes = 1_000 + r.nextInt(20_000);
                        int replyPackets = 10 + r.nextInt(200);
                        int replyBytes = 5_000 + r.nextInt(800_000);
                        Connections.outbound(sink, h, peer, 443, Flow.TCP, packets, bytes, replyPackets, replyBytes,
                                end, dur, IN_VPC, null, r);
                        // on the NAT gateway's interface: the translated connection to the outside
                        Connections.outbound(sink, nat, peer, 443, Flow.TCP, packets, bytes, replyPackets, replyBytes,
                                end, dur, INTERNET_GATEWAY, null, r);
                    });
                }
                case BASTION, SFTP, WINDOWS -> {
                    int port = role == Role.BASTION ? 22 : role == Role.SFTP ? 22 : 3389;
                    List<String> clients = role == Role.BASTION ? office : outside.get(h.instance().resourceId());
                    repeat(r, 1 * s, () -> Connections.inbound(sink, h, clients.get(r.nextInt(clients.size())), port,
                            40 + r.nextInt(400), 6_000 + r.nextInt(300_000), 40 + r.nextInt(600),
                            8_000 + r.nextInt(2_000_000), Connections.endIn(r, window, to), 30 + r.nextInt(30),
                            false, r));
                    scanners(h, window, to, 3 * s, r, sink);
                }
                default -> throw new IllegalStateException("unhandled role " + role);
            }
        }
    }

    private void awsServices(Host h, int region, long window, long to, double s, SplittableRandom r, FlowSink sink) {
        repeat(r, 3 * s, () -> Connections.outbound(sink, h, AwsIpRanges.s3Address(region, r.nextInt(40)), 443,
                Flow.TCP, 10 + r.nextInt(80), 2_000 + r.nextInt(200_000), 10 + r.nextInt(120),
                4_000 + r.nextInt(600_000), Connections.endIn(r, window, to), r.nextInt(20), GATEWAY_ENDPOINT, "S3", r));
        repeat(r, 2 * s, () -> Connections.outbound(sink, h, AwsIpRanges.dynamoDbAddress(region, r.nextInt(20)), 443,
                Flow.TCP, 6 + r.nextInt(20), 900 + r.nextInt(6_000), 6 + r.nextInt(20), 1_200 + r.nextInt(30_000),
                Connections.endIn(r, window, to), r.nextInt(5), GATEWAY_ENDPOINT, "DYNAMODB", r));
    }

    /** Internet background noise: random addresses knocking on ports the host's groups keep closed. */
    private static void scanners(Host h, long window, long to, double mean, SplittableRandom r, FlowSink sink) {
        repeat(r, mean, () -> {
            String scanner = Addresses.internet(r);
            int port;
            do {
                port = SCANNED[r.nextInt(SCANNED.length)];
            } while (h.admits("tcp", port, scanner));
            Connections.inbound(sink, h, scanner, port, 1, 60, 0, 0, Connections.endIn(r, window, to), 0, false, r);
        });
    }

    /** Runs {@code action} about {@code mean} times: the integer part always, the fraction by chance. */
    private static void repeat(SplittableRandom r, double mean, Runnable action) {
        long n = (long) mean;
        if (r.nextDouble() < mean - n) {
            n++;
        }
        for (long i = 0; i < n; i++) {
            action.run();
        }
    }
}
