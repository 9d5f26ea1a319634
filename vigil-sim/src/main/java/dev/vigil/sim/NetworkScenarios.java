package dev.vigil.sim;

import dev.vigil.sim.Fleet.Role;
import dev.vigil.sim.PostureOrg.Host;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static dev.vigil.sim.Connections.toInternet;

/**
 * Places the injected network scenarios: each on its own instance and at its own time, all in the second half of
 * the timeline (after 12:00Z on the demo's day) on instances that have been talking since the first window, so a
 * detector that learns for the first eight hours has a baseline for every one of them.
 */
final class NetworkScenarios {

    private static final long SALT = 0x6e6574736365L;

    private final List<Host> candidates;
    private final long start;
    private final long span;
    private final long seed;
    private final SplittableRandom random;
    /** Supporting traffic that is not itself a scenario (the exfiltration host's all-day baseline). */
    private final List<NetworkScenario> baselines = new ArrayList<>();
    private int next;

    private NetworkScenarios(List<Host> hosts, long startSec, long spanSec, long seed) {
        this.start = startSec;
        this.span = spanSec;
        this.seed = seed;
        this.random = new SplittableRandom(Ids.mix(seed, SALT));
        List<Host> pool = new ArrayList<>();
        for (Role role : new Role[] {Role.WORKER, Role.APP, Role.WEB}) {
            for (Host h : hosts) {
                if (h.instance().role() == role && !reserved(h)) {
                    pool.add(h);
                }
            }
        }
        this.candidates = pool;
    }

    /** Hosts with their own part elsewhere: the credential scenario's web server and the drift target. */
    static boolean reserved(Host h) {
        return credentialHost(h.instance()) || isDriftTarget(h);
    }

    /**
     * The prod home-region web server, whose instance-role credentials the CloudTrail scenario steals
     * ({@link InstanceCredentialScenario}); no network scenario runs on it.
     */
    static boolean credentialHost(Fleet.Instance i) {
        return i.account().role().equals("prod") && i.region().equals(Estate.HOME_REGION) && i.name().equals("web-1");
    }

    private static boolean isDriftTarget(Host h) {
        Fleet.Instance i = h.instance();
        return i.account().role().equals("staging") && i.name().equals("web-2");
    }

    static List<NetworkScenario> plan(List<Host> hosts, ThreatIntel intel, long startSec, long spanSec, long seed) {
        return new NetworkScenarios(hosts, startSec, spanSec, seed).plan(hosts, intel);
    }

    /** Whether the scenario gets a label: false for supporting traffic such as the exfiltration baseline. */
    static boolean labelled(NetworkScenario s) {
        return !s.type().isEmpty();
    }

    private Host nextHost() {
        return candidates.get(next++ % candidates.size());
    }

    private long at(double fraction) {
        return start + (long) (span * fraction) / 60 * 60;
    }

    private List<NetworkScenario> plan(List<Host> hosts, ThreatIntel intel) {
        List<NetworkScenario> out = new ArrayList<>();
        long minute = 60;

        Host scanner = nextHost();
        String scanned = Addresses.internet(random);
        long scanFrom = at(0.53);
        Ticks scanTicks = new Ticks(scanFrom, scanFrom + 8 * minute, 1024, 0, 0);
        out.add(new NetworkScenario("port-scan", "Recon:EC2/Portscan", scanner, scanned, 0, Flow.TCP, false, scanFrom,
                scanFrom + 8 * minute, "The instance probes ports 1-1024 of one outside host in eight minutes.",
                (lo, hi, r, sink) -> scanTicks.forEach(lo, hi, (k, t) ->
                        Connections.probe(sink, scanner, scanned, (int) k + 1, t, r))));

        Host sweeper = nextHost();
        String range = Addresses.internet(random);
        String net = range.substring(0, range.lastIndexOf('.') + 1);
        long sweepFrom = at(0.55);
        Ticks sweepTicks = new Ticks(sweepFrom, sweepFrom + 6 * minute, 254, 0, 0);
        out.add(new NetworkScenario("port-sweep", "Impact:EC2/PortSweep", sweeper, net + "0/24", 6379, Flow.TCP, false,
                sweepFrom, sweepFrom + 6 * minute, "The instance probes Redis (6379) on every address of one /24.",
                (lo, hi, r, sink) -> sweepTicks.forEach(lo, hi, (k, t) ->
                        Connections.probe(sink, sweeper, net + (k + 1), 6379, t, r))));

        Host sftp = hosts.stream().filter(h -> h.instance().role() == Role.SFTP).findFirst().orElse(nextHost());
        out.add(bruteForce("ssh-brute-force-inbound", "UnauthorizedAccess:EC2/SSHBruteForce", sftp, 22, true, 400,
                at(0.57)));
        out.add(bruteForce("ssh-brute-force-outbound", "UnauthorizedAccess:EC2/SSHBruteForce", nextHost(), 22, false,
                400, at(0.59)));
        Host windows = hosts.stream().filter(h -> h.instance().role() == Role.WINDOWS).findFirst().orElse(nextHost());
        out.add(bruteForce("rdp-brute-force-inbound", "UnauthorizedAccess:EC2/RDPBruteForce", windows, 3389, true, 300,
                at(0.61)));

        Host miner = nextHost();
        String pool = intel.miningPools().get(0);
        long mineFrom = at(0.56);
        long mineTo = start + span - 5 * minute;
        out.add(steady("crypto-mining", "CryptoCurrency:EC2/BitcoinTool.B", miner, pool, 3333, mineFrom, mineTo,
                minute, 0, "The instance keeps a stratum connection (3333) to a mining pool open until the end.",
                30, 50, 3_000, 3_000, 30, 50, 4_000, 4_000, 59,
                Connections.ephemeral(new SplittableRandom(Ids.mix(seed, 3333, mineFrom)))));

        Host beacon = nextHost();
        String c2 = intel.commandAndControl().get(0);
        long c2From = at(0.54);
        long c2To = c2From + Math.min(5 * 3600, (long) (span * 0.3));
        out.add(steady("c2-beaconing", "Backdoor:EC2/C&CActivity.B", beacon, c2, 443, c2From, c2To, minute, 3,
                "The instance calls one outside host every 60 s (+/- 3 s) with a few hundred bytes, for hours.",
                4, 3, 420, 300, 4, 3, 380, 300, 1, FRESH_PORT));

        Host exfil = nextHost();
        String sink = Addresses.internet(random);
        long spikeFrom = at(0.62);
        long spikeTo = spikeFrom + Math.min(3600, span / 10);
        Ticks baseline = Ticks.every(start, start + span, 300, 0, 0);
        Ticks spike = Ticks.every(spikeFrom, spikeTo, 60, 0, 0);
        out.add(new NetworkScenario("exfiltration-volume-spike", "Behavior:EC2/TrafficVolumeUnusual", exfil, sink, 443,
                Flow.TCP, false, spikeFrom, spikeTo, "All day the instance uploads about 2 MB per five minutes to one "
                + "outside host; in the spike it sends fifty times as much.", (lo, hi, r, s) ->
                spike.forEach(lo, hi, (k, t) -> Connections.outbound(s, exfil, sink, 443, Flow.TCP, 16_000,
                        20_000_000L + r.nextInt(2_000_000), 4_000, 240_000, t, 55, toInternet(exfil), null, r))));
        // the steady baseline runs all day; it supports the spike and is not itself labelled
        baselines.add(new NetworkScenario("exfiltration-volume-spike-baseline", "", exfil, sink, 443, Flow.TCP, false,
                start, start + span, "baseline", (lo, hi, r, s) -> baseline.forEach(lo, hi, (k, t) ->
                Connections.outbound(s, exfil, sink, 443, Flow.TCP, 1_600, 1_800_000L + r.nextInt(400_000), 400,
                        24_000, t, 40, toInternet(exfil), null, r))));

        Host tor = nextHost();
        List<String> relays = intel.torRelays().subList(0, 3);
        long torFrom = at(0.64);
        Ticks torTicks = new Ticks(torFrom, torFrom + 40 * minute, 27, 5, Ids.mix(seed, 9001));
        out.add(new NetworkScenario("tor-client", "UnauthorizedAccess:EC2/TorClient", tor, relays.get(0), 9001,
                Flow.TCP, false, torFrom, torFrom + 40 * minute, "The instance builds Tor circuits through three "
                + "relays (ORPort 9001 and 443).", (lo, hi, r, s) -> torTicks.forEach(lo, hi, (k, t) ->
                Connections.outbound(s, tor, relays.get((int) (k % 3)), k % 3 == 2 ? 443 : 9001, Flow.TCP,
                        40 + r.nextInt(40), 20_000 + r.nextInt(40_000), 40 + r.nextInt(60), 30_000 + r.nextInt(90_000),
                        t, 60, toInternet(tor), null, r))));

        out.add(contact("malicious-ip", "UnauthorizedAccess:EC2/MaliciousIPCaller.Custom", nextHost(),
                intel.malicious().get(0), 8080, at(0.66), 10, 6, "The instance fetches from an address on the "
                        + "partner blocklist."));

        Host flooder = nextHost();
        String victim = Addresses.internet(random);
        long dosFrom = at(0.68);
        Ticks dosTicks = Ticks.every(dosFrom, dosFrom + 10 * minute, 15, 0, 0);
        out.add(new NetworkScenario("dos-udp-flood", "Backdoor:EC2/DenialOfService.Udp", flooder, victim, 53, Flow.UDP,
                false, dosFrom, dosFrom + 10 * minute, "The instance floods one outside host with large UDP packets.",
                (lo, hi, r, s) -> dosTicks.forEach(lo, hi, (k, t) -> {
                    long packets = 20_000 + r.nextInt(40_000);
                    Connections.outbound(s, flooder, victim, 53, Flow.UDP, packets, packets * (1_200 + r.nextInt(250)),
                            0, 0, t, 14, toInternet(flooder), null, r);
                })));

        Host spammer = nextHost();
        long spamFrom = at(0.70);
        Ticks spamTicks = new Ticks(spamFrom, spamFrom + 30 * minute, 150, 0, 0);
        long spamSalt = Ids.mix(seed, 25);
        out.add(new NetworkScenario("spam", "Backdoor:EC2/Spambot", spammer, "many", 25, Flow.TCP, false, spamFrom,
                spamFrom + 30 * minute, "The instance delivers mail (port 25) to 150 different outside hosts.",
                (lo, hi, r, s) -> spamTicks.forEach(lo, hi, (k, t) -> Connections.outbound(s, spammer,
                        Addresses.internet(new SplittableRandom(Ids.mix(spamSalt, k))), 25, Flow.TCP,
                        12 + r.nextInt(10), 3_000 + r.nextInt(9_000), 10 + r.nextInt(6), 900 + r.nextInt(400), t,
                        3, toInternet(spammer), null, r))));

        Host drift = hosts.stream().filter(NetworkScenarios::isDriftTarget).findFirst().orElse(nextHost());
        String client = Addresses.internet(random);
        long driftFrom = at(0.72);
        Ticks driftTicks = new Ticks(driftFrom, driftFrom + 20 * minute, 30, 0, 0);
        out.add(new NetworkScenario("sg-drift-accepted-port", "Policy:EC2/AcceptedPortNotAllowed", drift, client, 8080,
                Flow.TCP, true, driftFrom, driftFrom + 20 * minute, "An outside client is ACCEPTed on 8080 although "
                + "the instance's security groups only open 80 and 443 (a rule added outside the recorded "
                + "configuration).", (lo, hi, r, s) -> driftTicks.forEach(lo, hi, (k, t) -> Connections.inbound(s,
                drift, client, 8080, 8 + r.nextInt(10), 900 + r.nextInt(3_000), 8 + r.nextInt(20),
                2_000 + r.nextInt(30_000), t, 2, true, r))));

        out.add(contact("unusual-port", "Behavior:EC2/NetworkPortUnusual", nextHost(), Addresses.internet(random), 6667,
                at(0.74), 30, 12, "The instance, which only ever used 443, talks IRC (6667) to an outside host."));

        Host blackholed = nextHost();
        String hole = intel.blackholes().get(0);
        long holeFrom = at(0.76);
        Ticks holeTicks = new Ticks(holeFrom, holeFrom + 10 * minute, 8, 0, 0);
        out.add(new NetworkScenario("blackhole-traffic", "Trojan:EC2/BlackholeTraffic", blackholed, hole, 80, Flow.TCP,
                false, holeFrom, holeFrom + 10 * minute, "The instance keeps trying a sinkholed address that never "
                + "answers.", (lo, hi, r, s) -> holeTicks.forEach(lo, hi, (k, t) ->
                Connections.probe(s, blackholed, hole, 80, t, r))));

        out.add(contact("drop-point", "Trojan:EC2/DropPoint", nextHost(), intel.dropPoints().get(0), 443, at(0.78), 15,
                5, "The instance uploads several megabytes to a known drop point."));
        Host probed = candidates.getLast().instance().role() == Role.WEB ? candidates.getLast() : nextHost();
        long probeFrom = at(0.80);
        Ticks probeTicks = new Ticks(probeFrom, probeFrom + 20 * minute, 24, 0, 0);
        out.add(new NetworkScenario("port-probe-unprotected-port", "Recon:EC2/PortProbeUnprotectedPort", probed,
                ThreatIntel.SCANNER_RANGE, 443, Flow.TCP, true, probeFrom, probeFrom + 20 * minute,
                "Addresses of a blocklisted scanner network probe the web server's open ports (80, 443) and get "
                        + "answers.", (lo, hi, r, s) -> probeTicks.forEach(lo, hi, (k, t) ->
                Connections.inbound(s, probed, ThreatIntel.scanner((int) k), k % 2 == 0 ? 443 : 80,
                        1 + r.nextInt(2), 44 + r.nextInt(40), 1 + r.nextInt(2), 44 + r.nextInt(40), t, 0, false, r))));
        out.addAll(baselines);
        return out;
    }

    private NetworkScenario bruteForce(String id, String type, Host host, int port, boolean inbound, int attempts,
                                       long from) {
        String peer = Addresses.internet(random);
        long to = from + 30 * 60;
        Ticks ticks = new Ticks(from, to, attempts, 2, Ids.mix(seed, port, inbound ? 1 : 0));
        String what = port == 22 ? "SSH" : "RDP";
        String summary = inbound ? "An outside address makes " + attempts + " short " + what + " logins to the "
                + "instance in 30 minutes." : "The instance makes " + attempts + " short " + what + " logins to one "
                + "outside host in 30 minutes.";
        return new NetworkScenario(id, type, host, peer, port, Flow.TCP, inbound, from, to, summary,
                (lo, hi, r, s) -> ticks.forEach(lo, hi, (k, t) -> {
                    long packets = 12 + r.nextInt(14);
                    long bytes = 2_000 + r.nextInt(2_500);
                    long reply = 10 + r.nextInt(12);
                    long replyBytes = 2_200 + r.nextInt(2_000);
                    if (inbound) {
                        Connections.inbound(s, host, peer, port, packets, bytes, reply, replyBytes, t, 2 + r.nextInt(4),
                                false, r);
                    } else {
                        Connections.outbound(s, host, peer, port, Flow.TCP, packets, bytes, reply, replyBytes, t,
                                2 + r.nextInt(4), toInternet(host), null, r);
                    }
                }));
    }

    /** {@link #steady}'s client port when every tick is a new connection from a fresh ephemeral port. */
    private static final int FRESH_PORT = -1;

    /**
     * Traffic to one peer at every tick: new connections ({@code srcPort} = {@link #FRESH_PORT}, a beacon) or the
     * records of one connection that stays open (a fixed {@code srcPort}, a stratum session).
     */
    private NetworkScenario steady(String id, String type, Host host, String peer, int port, long from, long to,
                                   long interval, int jitter, String summary, int packets, int packetsSpread,
                                   int bytes, int bytesSpread, int reply, int replySpread, int replyBytes,
                                   int replyBytesSpread, int duration, int srcPort) {
        Ticks ticks = Ticks.every(from, to, interval, jitter, Ids.mix(seed, port, interval));
        return new NetworkScenario(id, type, host, peer, port, Flow.TCP, false, from, to, summary,
                (lo, hi, r, s) -> ticks.forEach(lo, hi, (k, t) -> Connections.outbound(s, host, peer,
                        srcPort == FRESH_PORT ? Connections.ephemeral(r) : srcPort, port, Flow.TCP,
                        packets + r.nextInt(packetsSpread), bytes + r.nextInt(bytesSpread), reply + r.nextInt(replySpread),
                        replyBytes + r.nextInt(replyBytesSpread), t, duration, toInternet(host), null)));
    }

    /** A handful of ordinary-looking connections to one address: what makes them findings is the address or port. */
    private NetworkScenario contact(String id, String type, Host host, String peer, int port, long from, int minutes,
                                    int count, String summary) {
        long to = from + minutes * 60L;
        Ticks ticks = new Ticks(from, to, count, 0, 0);
        return new NetworkScenario(id, type, host, peer, port, Flow.TCP, false, from, to, summary,
                (lo, hi, r, s) -> ticks.forEach(lo, hi, (k, t) -> Connections.outbound(s, host, peer, port, Flow.TCP,
                        200 + r.nextInt(2_000), 20_000 + r.nextInt(5_000_000), 100 + r.nextInt(500),
                        9_000 + r.nextInt(90_000), t, 20 + r.nextInt(30), toInternet(host), null, r)));
    }
}
