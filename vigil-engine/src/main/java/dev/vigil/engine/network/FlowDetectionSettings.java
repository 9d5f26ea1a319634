package dev.vigil.engine.network;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Thresholds and windows of the flow-log detections. {@link #defaults()} are the documented defaults
 * (docs/network-detections.md); {@link #load(Path)} reads a YAML file that overrides some of them, for example:
 *
 * <pre>
 * scan-window: PT10M
 * learning-period: P7D
 * portscan:
 *   min-ports: 25
 * brute-force:
 *   min-attempts: 20
 * </pre>
 *
 * Every YAML key is the record component's name in kebab case under its section; {@link #KEYS} lists them all.
 *
 * @param scanWindow              tumbling window of scans, brute force, probes, floods, spam, storms
 * @param volumeWindow            tumbling window of traffic volume and Tor relay counts
 * @param learningPeriod          how long after an instance is first seen before "unusual" detections judge it
 * @param evidenceFlows           flows kept per finding as evidence, after the summary (at most 49)
 * @param evidenceText            keep each evidence flow's record (true), or only its time and origin so that the
 *                                caller reads the text back from the file (false: far less memory on big inputs)
 * @param maxKeys                 entries (one per window and key of a detection) a partial state holds; above it,
 *                                a deterministic hash-sample of entries is kept and the rest dropped and counted
 * @param maxDistinct             distinct ports or hosts remembered per entry (counts stay exact up to it)
 * @param probeMaxPackets         a request flow with at most this many packets (or rejected) is a probe
 * @param portscanMinPorts        distinct remote ports probed by one instance in a scan window
 * @param portSweepMinHosts       distinct hosts probed on one port by one instance in a scan window
 * @param sshPorts                ports treated as SSH
 * @param rdpPorts                ports treated as RDP
 * @param bruteForceMinAttempts   short connections between one pair on an SSH/RDP port in a scan window
 * @param bruteForceMaxPackets    a connection attempt with more packets than this is a session, not an attempt
 * @param portProbeMinHosts       distinct internet hosts probing one open port in a scan window
 * @param dosMinPackets           packets from one instance to one host of one flood kind in a scan window
 * @param dosTcpMaxAvgPacketBytes TCP floods only: average packet size at most this (big packets are transfers)
 * @param dosTcpServicePorts      destination ports that mean "UDP sent to TCP services" (UdpOnTcpPorts)
 * @param spambotPorts            SMTP ports
 * @param spambotMinHosts         distinct mail servers one instance connects to in a scan window
 * @param volumeMinBytes          outbound bytes to one host in a volume window below which nothing is unusual
 * @param volumeFactor            how many times the learning-period maximum a window must exceed
 * @param miningPorts             well-known stratum ports
 * @param miningMinDuration       a stratum-port connection must last at least this long
 * @param miningMaxBytesPerSecond ... and carry at most this many bytes per second on average
 * @param miningMinFlows          ... over at least this many flow records
 * @param miningMaxLocalPorts     ... from at most this many local ports (a miner keeps one connection)
 * @param beaconMinConnections    distinct connection start times to one host
 * @param beaconMinSpan           time between the first and last of them
 * @param beaconMinInterval       mean gap at least this (shorter is chatter, not a beacon)
 * @param beaconMaxIntervalCv     coefficient of variation of the gaps at most this
 * @param beaconMaxBytesCv        coefficient of variation of bytes per flow at most this
 * @param beaconMaxFlowBytes      only flows this small count towards a beacon
 * @param beaconMaxSamples        earliest connection start times kept per pair
 * @param torRelayMinRelays       distinct Tor relays connecting to one instance in a volume window
 * @param unauthorisedMinFlows    accepted flows on a denied port before a finding
 * @param rejectedStormMinFlows   rejected flows of one interface in a scan window
 */
public record FlowDetectionSettings(
        Duration scanWindow, Duration volumeWindow, Duration learningPeriod,
        int evidenceFlows, boolean evidenceText, int maxKeys, int maxDistinct, int probeMaxPackets,
        int portscanMinPorts, int portSweepMinHosts,
        Set<Integer> sshPorts, Set<Integer> rdpPorts, int bruteForceMinAttempts, int bruteForceMaxPackets,
        int portProbeMinHosts,
        long dosMinPackets, int dosTcpMaxAvgPacketBytes, Set<Integer> dosTcpServicePorts,
        Set<Integer> spambotPorts, int spambotMinHosts,
        long volumeMinBytes, double volumeFactor,
        Set<Integer> miningPorts, Duration miningMinDuration, long miningMaxBytesPerSecond, int miningMinFlows,
        int miningMaxLocalPorts,
        int beaconMinConnections, Duration beaconMinSpan, Duration beaconMinInterval, double beaconMaxIntervalCv,
        double beaconMaxBytesCv, long beaconMaxFlowBytes, int beaconMaxSamples,
        int torRelayMinRelays, int unauthorisedMinFlows, int rejectedStormMinFlows) {

    /** Largest flow counted towards a beacon: keeps the sum of squared bytes far from overflowing. */
    static final long MAX_BEACON_FLOW_BYTES = 1L << 24;

    /** Evidence entries per finding are capped by the model; one goes to the summary. */
    public static final int MAX_EVIDENCE_FLOWS = 49;

    public FlowDetectionSettings {
        positive(scanWindow, "scan-window");
        positive(volumeWindow, "volume-window");
        if (volumeWindow.toSeconds() % scanWindow.toSeconds() != 0) {
            throw new IllegalArgumentException("volume-window (" + volumeWindow + ") must be a whole multiple of "
                    + "scan-window (" + scanWindow + "): volumes are summed from scan windows");
        }
        if (learningPeriod.isNegative()) {
            throw new IllegalArgumentException("learning-period must not be negative");
        }
        if (evidenceFlows < 0 || evidenceFlows > MAX_EVIDENCE_FLOWS) {
            throw new IllegalArgumentException("evidence-flows must be 0-" + MAX_EVIDENCE_FLOWS);
        }
        if (maxKeys < 1000 || maxDistinct < 16) {
            throw new IllegalArgumentException("limits.max-keys must be at least 1000 and limits.max-distinct 16");
        }
        if (Math.max(portscanMinPorts, Math.max(portSweepMinHosts, spambotMinHosts)) > maxDistinct
                || Math.max(portProbeMinHosts, torRelayMinRelays) > maxDistinct) {
            throw new IllegalArgumentException("a distinct-count threshold exceeds limits.max-distinct ("
                    + maxDistinct + "); raise max-distinct or lower the threshold");
        }
        sshPorts = Set.copyOf(sshPorts);
        rdpPorts = Set.copyOf(rdpPorts);
        dosTcpServicePorts = Set.copyOf(dosTcpServicePorts);
        spambotPorts = Set.copyOf(spambotPorts);
        miningPorts = Set.copyOf(miningPorts);
        positive(miningMinDuration, "mining.min-duration");
        positive(beaconMinSpan, "beacon.min-span");
        if (beaconMaxFlowBytes > MAX_BEACON_FLOW_BYTES) {
            throw new IllegalArgumentException("beacon.max-flow-bytes must be at most " + MAX_BEACON_FLOW_BYTES);
        }
        if (beaconMaxSamples < beaconMinConnections || beaconMinConnections < 3) {
            throw new IllegalArgumentException("beacon.min-connections must be at least 3 and at most "
                    + "beacon.max-samples");
        }
    }

    private static void positive(Duration d, String key) {
        if (d.isNegative() || d.toSeconds() < 1) {
            throw new IllegalArgumentException(key + " must be at least one second");
        }
    }

    /** These settings with another learning period (the CLI's {@code --learning-period} overrides the file's). */
    public FlowDetectionSettings withLearningPeriod(Duration period) {
        Map<String, Object> v = values();
        v.put("learning-period", period);
        return SettingsYaml.build(v);
    }

    /**
     * These settings keeping only each evidence flow's time and origin ({@code evidence-text: false}), for a caller
     * that reads the cited lines back from their files afterwards, as {@code vigil scan} does.
     */
    public FlowDetectionSettings withoutEvidenceText() {
        Map<String, Object> v = values();
        v.put("evidence-text", false);
        return SettingsYaml.build(v);
    }

    /** The settings as the loader's key-to-value map. */
    private Map<String, Object> values() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("scan-window", scanWindow);
        v.put("volume-window", volumeWindow);
        v.put("learning-period", learningPeriod);
        v.put("evidence-flows", evidenceFlows);
        v.put("evidence-text", evidenceText);
        v.put("limits.max-keys", maxKeys);
        v.put("limits.max-distinct", maxDistinct);
        v.put("probe-max-packets", probeMaxPackets);
        v.put("portscan.min-ports", portscanMinPorts);
        v.put("port-sweep.min-hosts", portSweepMinHosts);
        v.put("brute-force.ssh-ports", sshPorts);
        v.put("brute-force.rdp-ports", rdpPorts);
        v.put("brute-force.min-attempts", bruteForceMinAttempts);
        v.put("brute-force.max-packets", bruteForceMaxPackets);
        v.put("port-probe.min-hosts", portProbeMinHosts);
        v.put("dos.min-packets", dosMinPackets);
        v.put("dos.tcp-max-avg-packet-bytes", dosTcpMaxAvgPacketBytes);
        v.put("dos.tcp-service-ports", dosTcpServicePorts);
        v.put("spambot.ports", spambotPorts);
        v.put("spambot.min-hosts", spambotMinHosts);
        v.put("volume.min-bytes", volumeMinBytes);
        v.put("volume.factor", volumeFactor);
        v.put("mining.ports", miningPorts);
        v.put("mining.min-duration", miningMinDuration);
        v.put("mining.max-bytes-per-second", miningMaxBytesPerSecond);
        v.put("mining.min-flows", miningMinFlows);
        v.put("mining.max-local-ports", miningMaxLocalPorts);
        v.put("beacon.min-connections", beaconMinConnections);
        v.put("beacon.min-span", beaconMinSpan);
        v.put("beacon.min-interval", beaconMinInterval);
        v.put("beacon.max-interval-cv", beaconMaxIntervalCv);
        v.put("beacon.max-bytes-cv", beaconMaxBytesCv);
        v.put("beacon.max-flow-bytes", beaconMaxFlowBytes);
        v.put("beacon.max-samples", beaconMaxSamples);
        v.put("tor-relay.min-relays", torRelayMinRelays);
        v.put("unauthorised-port-access.min-flows", unauthorisedMinFlows);
        v.put("rejected-storm.min-flows", rejectedStormMinFlows);
        return v;
    }

    /** The defaults, as documented. */
    public static FlowDetectionSettings defaults() {
        return SettingsYaml.build(defaultValues());
    }

    /**
     * Reads a settings file: keys it names replace the defaults.
     *
     * @throws FlowSettingsException naming {@code FILE#line N} for unreadable YAML, unknown keys and bad values
     */
    public static FlowDetectionSettings load(Path yaml) throws FlowSettingsException {
        String text;
        try {
            text = SettingsYaml.read(yaml);
        } catch (IOException e) {
            throw new FlowSettingsException(yaml.toString(), "cannot read the file (" + e.getMessage() + ")");
        }
        return parse(yaml.toString(), text);
    }

    /** Reads settings from YAML text; {@code name} is used in error locations. */
    public static FlowDetectionSettings parse(String name, String text) throws FlowSettingsException {
        Map<String, Object> values = defaultValues();
        SettingsYaml.apply(name, text, values);
        try {
            return SettingsYaml.build(values);
        } catch (IllegalArgumentException e) {
            throw new FlowSettingsException(name, e.getMessage());
        }
    }

    /** The YAML keys (dotted: section.key) with their default values, in documentation order. */
    public static final Map<String, Object> KEYS = java.util.Collections.unmodifiableMap(defaultValues());

    private static Map<String, Object> defaultValues() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("scan-window", Duration.ofMinutes(10));
        v.put("volume-window", Duration.ofHours(1));
        v.put("learning-period", Duration.ofDays(7));
        v.put("evidence-flows", 49);
        v.put("evidence-text", true);
        v.put("limits.max-keys", 1_000_000);
        v.put("limits.max-distinct", 1024);
        v.put("probe-max-packets", 3);
        v.put("portscan.min-ports", 25);
        v.put("port-sweep.min-hosts", 25);
        v.put("brute-force.ssh-ports", Set.of(22));
        v.put("brute-force.rdp-ports", Set.of(3389));
        v.put("brute-force.min-attempts", 20);
        v.put("brute-force.max-packets", 40);
        v.put("port-probe.min-hosts", 3);
        v.put("dos.min-packets", 100_000L);
        v.put("dos.tcp-max-avg-packet-bytes", 120);
        v.put("dos.tcp-service-ports", Set.of(22, 25, 80, 443, 3389, 8080, 8443));
        v.put("spambot.ports", Set.of(25, 465, 587));
        v.put("spambot.min-hosts", 20);
        v.put("volume.min-bytes", 100L * 1024 * 1024);
        v.put("volume.factor", 10.0);
        v.put("mining.ports", Set.of(3333, 4444, 5555, 7777, 9999, 14433, 14444, 45560, 45700));
        v.put("mining.min-duration", Duration.ofMinutes(30));
        v.put("mining.max-bytes-per-second", 2_000L);
        v.put("mining.min-flows", 3);
        v.put("mining.max-local-ports", 3);
        v.put("beacon.min-connections", 8);
        v.put("beacon.min-span", Duration.ofHours(2));
        v.put("beacon.min-interval", Duration.ofSeconds(30));
        v.put("beacon.max-interval-cv", 0.2);
        v.put("beacon.max-bytes-cv", 0.3);
        v.put("beacon.max-flow-bytes", 65_536L);
        v.put("beacon.max-samples", 256);
        v.put("tor-relay.min-relays", 5);
        v.put("unauthorised-port-access.min-flows", 1);
        v.put("rejected-storm.min-flows", 1000);
        return v;
    }
}
