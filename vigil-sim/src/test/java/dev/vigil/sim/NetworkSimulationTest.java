package dev.vigil.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.sim.PostureOrg.Host;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulated flow logs read back per the flow-log spec (S3 key and file name, header line, field count, version,
 * {@code -} and NODATA rules, the 5-minute window of each record), agree with the security groups in the Config
 * export, and hold every labelled scenario; the indicator files list the scenario peers.
 */
class NetworkSimulationTest {

    private static final Pattern KEY = Pattern.compile("AWSLogs/(?<acct>\\d{12})/vpcflowlogs/(?<region>[a-z0-9-]+)/"
            + "(?<y>\\d{4})/(?<m>\\d{2})/(?<d>\\d{2})/\\k<acct>_vpcflowlogs_\\k<region>_(?<fl>fl-[0-9a-f]{17})_"
            + "(?<ts>\\d{8}T\\d{4}Z)_[0-9a-f]{8}\\.log\\.gz");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EstateSimulator.Options OPTIONS = EstateSimulator.Options.defaults().withEvents(20_000)
            .withFlowRecords(60_000);

    @TempDir
    static Path dir;
    static SimulationResult result;
    static List<Map<String, String>> flows = new ArrayList<>();
    static List<String> problems = new ArrayList<>();
    static Set<String> headers = new HashSet<>();
    static List<JsonNode> labels = new ArrayList<>();
    static Map<String, Host> hostsByEni = new HashMap<>();

    @BeforeAll
    static void generate() throws IOException {
        result = EstateSimulator.write(dir, OPTIONS, null);
        try (Stream<Path> walk = Files.walk(result.logsDir())) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".log.gz")).sorted().toList()) {
                read(result.logsDir().relativize(p).toString().replace('\\', '/'), p);
            }
        }
        for (String line : Files.readAllLines(result.networkLabelsFile())) {
            labels.add(JSON.readTree(line));
        }
        long start = OPTIONS.start().toEpochMilli();
        Estate estate = EstateFactory.build(OPTIONS.seed());
        Fleet fleet = FleetFactory.build(estate, OPTIONS.seed(), start);
        ScenarioPlanner.Plan plan = ScenarioPlanner.plan(estate, OPTIONS.seed(), start, OPTIONS.span().toMillis(),
                fleet, ThreatIntel.build(OPTIONS.seed()));
        PostureOrg org = PostureOrgFactory.build(estate, OPTIONS.seed(), start, start + OPTIONS.span().toMillis(),
                plan.records(), fleet);
        org.hosts().forEach(h -> hostsByEni.put(h.instance().eniId(), h));
    }

    private static void read(String key, Path file) throws IOException {
        Matcher m = KEY.matcher(key);
        if (!m.find()) {
            problems.add(key + ": key does not match the S3 layout");
            return;
        }
        long window = LocalDateTime.parse(m.group("ts"), STAMP).toEpochSecond(ZoneOffset.UTC);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.US_ASCII))) {
            String header = in.readLine();
            headers.add(header);
            String[] fields = header.split(" ");
            String line;
            int n = 1;
            while ((line = in.readLine()) != null) {
                n++;
                String[] values = line.split(" ");
                if (values.length != fields.length) {
                    problems.add(key + "#line " + n + ": " + values.length + " values for " + fields.length + " fields");
                    continue;
                }
                Map<String, String> rec = new HashMap<>();
                for (int i = 0; i < fields.length; i++) {
                    rec.put(fields[i], values[i]);
                }
                rec.put("file", key);
                long end = Long.parseLong(rec.get("end"));
                if (end < window || end >= window + 300 || Long.parseLong(rec.get("start")) > end) {
                    problems.add(key + "#line " + n + ": start/end outside the file's window");
                }
                if (!rec.get("account-id").equals(m.group("acct"))) {
                    problems.add(key + "#line " + n + ": account differs from the key");
                }
                boolean nodata = rec.get("log-status").equals("NODATA");
                if (!nodata && !rec.get("log-status").equals("OK")) {
                    problems.add(key + "#line " + n + ": log-status " + rec.get("log-status"));
                }
                if (nodata != rec.get("srcaddr").equals("-") || nodata != rec.get("action").equals("-")) {
                    problems.add(key + "#line " + n + ": NODATA lines and only they have no addresses and action");
                }
                if (!nodata) {
                    for (String number : List.of("srcport", "dstport", "protocol", "packets", "bytes")) {
                        Long.parseLong(rec.get(number));
                    }
                }
                flows.add(rec);
            }
        }
    }

    @Test
    void filesFollowTheSpecInBothFormats() {
        assertThat(problems).isEmpty();
        assertThat(result.flowRecords()).isEqualTo(flows.size()).isGreaterThan(60_000);
        assertThat(result.flowFiles()).isGreaterThan(500);
        assertThat(headers).containsExactlyInAnyOrder(FlowLogFormat.DEFAULT.header(), FlowLogFormat.CUSTOM_V5.header());
        assertThat(flows).allSatisfy(f -> assertThat(f.get("version"))
                .isEqualTo(f.containsKey("flow-direction") ? "5" : "2"));
        assertThat(flows).filteredOn(f -> f.get("log-status").equals("NODATA")).isNotEmpty();
        // the custom format's extra fields are filled in
        assertThat(flows).filteredOn(f -> "egress".equals(f.get("flow-direction")) && "S3".equals(f.get("pkt-dst-aws-service")))
                .isNotEmpty().allSatisfy(f -> assertThat(f.get("traffic-path")).isEqualTo("7"));
        assertThat(flows).filteredOn(f -> f.containsKey("instance-id") && !f.get("log-status").equals("NODATA"))
                .allSatisfy(f -> assertThat(f.get("instance-id")).matches("i-[0-9a-f]{17}|-"));
    }

    /** Every interface in the logs is in the Config export, with its security groups and addresses. */
    @Test
    void everyLoggedInterfaceIsInTheConfigExport() throws IOException {
        StringBuilder config = new StringBuilder();
        try (Stream<Path> walk = Files.walk(result.configDir())) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                try (var in = p.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(p))
                        : Files.newInputStream(p)) {
                    config.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        Set<String> enis = new HashSet<>();
        flows.forEach(f -> enis.add(f.get("interface-id")));
        String text = config.toString();
        Set<String> vpcs = new HashSet<>();
        hostsByEni.values().forEach(h -> vpcs.add(h.vpc().id()));
        assertThat(vpcs).allSatisfy(vpc -> assertThat(text.contains("\"vpcId\":\"" + vpc + "\"")).as(vpc).isTrue());
        assertThat(text.split("\"resourceType\":\"AWS::EC2::NetworkAcl\"", -1).length - 1)
                .as("a default network ACL per VPC").isGreaterThanOrEqualTo(vpcs.size());
        assertThat(enis).isNotEmpty().allSatisfy(eni -> {
            Host h = hostsByEni.get(eni);
            assertThat(h).as(eni).isNotNull();
            assertThat(text.contains("\"networkInterfaceId\":\"" + eni + "\"")).as(eni + " in Config").isTrue();
            assertThat(text.contains("\"privateIpAddress\":\"" + h.privateIp() + "\"")).as(h.privateIp()).isTrue();
            if (h.instance().publicIp() != null) {
                assertThat(text.contains("\"publicIp\":\"" + h.instance().publicIp() + "\"")).as(eni).isTrue();
            }
        });
    }

    /**
     * ACCEPT inbound only where a security group admits the source and port, or as the response to a connection
     * the host opened (same 5-tuple reversed in the same file) — except the labelled drift scenario; REJECT only
     * where no group admits it.
     */
    @Test
    void trafficIsConsistentWithTheSecurityGroups() {
        Set<String> egress = new HashSet<>();
        for (Map<String, String> f : flows) {
            Host h = hostsByEni.get(f.get("interface-id"));
            if (f.get("srcaddr").equals(h.privateIp())) {
                egress.add(f.get("file") + " " + f.get("srcaddr") + ":" + f.get("srcport") + ">" + f.get("dstaddr")
                        + ":" + f.get("dstport"));
            }
        }
        JsonNode drift = label("sg-drift-accepted-port");
        int driftAccepted = 0;
        int rejected = 0;
        for (Map<String, String> f : flows) {
            Host h = hostsByEni.get(f.get("interface-id"));
            if (f.get("log-status").equals("NODATA") || !f.get("dstaddr").equals(h.privateIp())) {
                continue;
            }
            int port = Integer.parseInt(f.get("dstport"));
            boolean admitted = h.admits("tcp", port, f.get("srcaddr"));
            if (f.get("action").equals("REJECT")) {
                rejected++;
                assertThat(admitted).as("rejected although admitted: %s", f).isFalse();
                continue;
            }
            boolean response = egress.contains(f.get("file") + " " + f.get("dstaddr") + ":" + f.get("dstport") + ">"
                    + f.get("srcaddr") + ":" + f.get("srcport"));
            boolean isDrift = f.get("interface-id").equals(drift.path("interface").asText())
                    && f.get("srcaddr").equals(drift.path("peer").asText()) && port == drift.path("port").asInt();
            if (isDrift) {
                driftAccepted++;
                assertThat(admitted).isFalse();
            } else {
                assertThat(admitted || response).as("accepted inbound the groups deny: %s", f).isTrue();
            }
        }
        assertThat(driftAccepted).isPositive();
        assertThat(rejected).as("internet scanners are rejected").isGreaterThan(100);
    }

    @Test
    void everyFlowLabelHasItsTrafficAfterNoonOnAnInstanceActiveSinceTheFirstHours() {
        List<JsonNode> flowLabels = labels.stream().filter(l -> l.path("kind").asText().equals("flow")).toList();
        assertThat(flowLabels).extracting(l -> l.path("scenario").asText()).containsExactlyInAnyOrder("port-scan",
                "port-sweep", "ssh-brute-force-inbound", "ssh-brute-force-outbound", "rdp-brute-force-inbound",
                "crypto-mining", "c2-beaconing", "exfiltration-volume-spike", "tor-client", "malicious-ip",
                "dos-udp-flood", "spam", "sg-drift-accepted-port", "unusual-port", "blackhole-traffic", "drop-point",
                "port-probe-unprotected-port");
        long noon = OPTIONS.start().getEpochSecond() + 12 * 3600;
        long early = OPTIONS.start().getEpochSecond() + 2 * 3600;
        Set<String> scenarioInterfaces = new HashSet<>();
        for (JsonNode l : flowLabels) {
            String eni = l.path("interface").asText();
            assertThat(scenarioInterfaces.add(eni)).as("each scenario on its own instance: " + l).isTrue();
            long from = Instant.parse(l.path("start").asText()).getEpochSecond();
            long to = Instant.parse(l.path("end").asText()).getEpochSecond();
            assertThat(from).isGreaterThanOrEqualTo(noon);
            String peer = l.path("peer").asText();
            List<Map<String, String>> matching = flows.stream().filter(f -> f.get("interface-id").equals(eni)
                    && !f.get("log-status").equals("NODATA") && Long.parseLong(f.get("end")) >= from
                    && Long.parseLong(f.get("end")) < to && (peer.equals("many") || peers(f).stream().anyMatch(
                    p -> peer.contains("/") ? Addresses.inCidr(p, peer) : p.equals(peer)))).toList();
            assertThat(matching).as(l.toString()).hasSizeGreaterThanOrEqualTo(5);
            if (l.path("port").asInt() > 0) {
                assertThat(matching).as(l.toString()).anyMatch(f -> f.get("dstport").equals(l.path("port").asText()));
            }
            assertThat(flows).as("active before 02:00: " + l).anyMatch(f -> f.get("interface-id").equals(eni)
                    && Long.parseLong(f.get("end")) < early);
        }
        JsonNode spam = label("spam");
        assertThat(flows.stream().filter(f -> f.get("interface-id").equals(spam.path("interface").asText())
                && f.get("dstport").equals("25")).map(f -> f.get("dstaddr")).distinct().count()).isGreaterThanOrEqualTo(100);
        JsonNode beacon = label("c2-beaconing");
        long beacons = flows.stream().filter(f -> f.get("interface-id").equals(beacon.path("interface").asText())
                && f.get("dstaddr").equals(beacon.path("peer").asText())).count();
        assertThat(beacons).as("about one beacon a minute for hours").isGreaterThan(200);
    }

    /** Stratum keeps one connection open: its records repeat one client port, unlike a beacon's new connections. */
    @Test
    void theMinerKeepsOneConnectionOpenAndTheBeaconOpensNewOnes() {
        assertThat(clientPorts(label("crypto-mining"))).hasSize(1);
        assertThat(clientPorts(label("c2-beaconing")).size()).isGreaterThan(200);
    }

    private static Set<String> clientPorts(JsonNode l) {
        Set<String> ports = new HashSet<>();
        long records = 0;
        for (Map<String, String> f : flows) {
            if (f.get("interface-id").equals(l.path("interface").asText())
                    && f.get("dstaddr").equals(l.path("peer").asText())) {
                ports.add(f.get("srcport"));
                records++;
            }
        }
        assertThat(records).as("records of %s", l.path("scenario").asText()).isGreaterThan(200);
        return ports;
    }

    @Test
    void theExfiltrationSpikeIsFiftyTimesTheBaseline() {
        JsonNode l = label("exfiltration-volume-spike");
        long from = Instant.parse(l.path("start").asText()).getEpochSecond();
        long to = Instant.parse(l.path("end").asText()).getEpochSecond();
        long before = 0;
        long during = 0;
        for (Map<String, String> f : flows) {
            if (f.get("interface-id").equals(l.path("interface").asText())
                    && f.get("dstaddr").equals(l.path("peer").asText())) {
                long end = Long.parseLong(f.get("end"));
                long bytes = Long.parseLong(f.get("bytes"));
                if (end < from && end >= from - (to - from)) {
                    before += bytes;
                } else if (end >= from && end < to) {
                    during += bytes;
                }
            }
        }
        assertThat(before).isPositive();
        assertThat(during).isGreaterThan(40 * before);
    }

    @Test
    void indicatorFilesListTheScenarioPeersAndIntelYamlNamesThemAll() throws IOException {
        Path intel = result.intelDir();
        String yaml = Files.readString(result.intelConfigFile());
        for (String file : List.of("malicious-ips.txt", "mining-pools.csv", "c2.stix.json", "drop-points.misp.json",
                "blackholes.txt", "tor-exit-addresses", "tor-relays.txt")) {
            assertThat(intel.resolve(file)).isRegularFile();
            assertThat(yaml).contains("file: " + file);
        }
        for (String category : List.of("malicious", "tor-exit", "tor-relay", "mining-pool", "command-and-control",
                "blackhole", "drop-point")) {
            assertThat(yaml).contains("category: " + category);
        }
        assertThat(Files.readString(intel.resolve("mining-pools.csv"))).contains(label("crypto-mining").path("peer").asText());
        assertThat(Files.readString(intel.resolve("c2.stix.json")))
                .contains("[ipv4-addr:value = '" + label("c2-beaconing").path("peer").asText() + "']");
        assertThat(Files.readString(intel.resolve("tor-relays.txt"))).contains(label("tor-client").path("peer").asText());
        assertThat(Files.readString(intel.resolve("malicious-ips.txt"))).contains(label("malicious-ip").path("peer").asText())
                .contains(label("port-probe-unprotected-port").path("peer").asText())
                .contains(label("malicious-ip-api-caller").path("peer").asText());
        assertThat(Files.readString(intel.resolve("blackholes.txt"))).contains(label("blackhole-traffic").path("peer").asText());
        assertThat(Files.readString(intel.resolve("drop-points.misp.json"))).contains(label("drop-point").path("peer").asText());
        assertThat(Files.readString(intel.resolve("tor-exit-addresses")))
                .contains("ExitAddress " + label("tor-api-caller").path("peer").asText() + " ");
        JsonNode stix = JSON.readTree(intel.resolve("c2.stix.json").toFile());
        assertThat(stix.path("type").asText()).isEqualTo("bundle");
        assertThat(JSON.readTree(intel.resolve("drop-points.misp.json").toFile()).at("/Event/Attribute")).isNotEmpty();
        JsonNode ranges = JSON.readTree(result.awsIpRangesFile().toFile());
        List<String> prefixes = new ArrayList<>();
        ranges.path("prefixes").forEach(p -> prefixes.add(p.path("ip_prefix").asText()));
        hostsByEni.values().stream().filter(h -> h.instance().publicIp() != null).forEach(h ->
                assertThat(prefixes).anyMatch(p -> Addresses.inCidr(h.instance().publicIp(), p)));
    }

    @Test
    void apiLabelsNameTheirTypesAndTheCredentialsAreFirstUsedFromTheInstance() {
        List<JsonNode> api = labels.stream().filter(l -> l.path("kind").asText().equals("api")).toList();
        assertThat(api).extracting(l -> l.path("type").asText()).contains("PenTest:IAMUser/KaliLinux",
                "PenTest:IAMUser/ParrotLinux", "PenTest:IAMUser/PentooLinux", "Recon:IAMUser/TorIPCaller",
                "Recon:IAMUser/MaliciousIPCaller.Custom",
                "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS",
                "Discovery:IAMUser/AnomalousBehavior", "Persistence:IAMUser/AnomalousBehavior");
        JsonNode cred = label("instance-credential-exfiltration");
        Host web = hostsByEni.values().stream().filter(h -> NetworkScenarios.credentialHost(h.instance())).findFirst()
                .orElseThrow();
        assertThat(cred.path("resource").asText()).endsWith("/" + web.instance().instanceId());
        assertThat(cred.path("peer").asText()).isNotEqualTo(web.instance().publicIp());
        long noon = OPTIONS.start().getEpochSecond() + 12 * 3600;
        assertThat(api).allSatisfy(l -> assertThat(Instant.parse(l.path("start").asText()).getEpochSecond())
                .isGreaterThanOrEqualTo(noon));
    }

    /**
     * The negative side: outside the labelled scenarios (their interface and time window), no host ever starts
     * using a port after the eight-hour learning period, and no benign flow touches an address of the indicator
     * range 198.18.0.0/15 — so a detector that only raises on the labels has no benign excuse to fire.
     */
    @Test
    void benignTrafficHasNoNewPortsAfterLearningAndNoIndicatorPeers() {
        long learned = OPTIONS.start().getEpochSecond() + 8 * 3600;
        List<JsonNode> flowLabels = labels.stream().filter(l -> l.path("kind").asText().equals("flow")).toList();
        Map<String, Long> firstSeen = new HashMap<>();
        List<String> late = new ArrayList<>();
        for (Map<String, String> f : flows) {
            if (f.get("log-status").equals("NODATA") || !f.get("action").equals("ACCEPT")) {
                continue;
            }
            Host h = hostsByEni.get(f.get("interface-id"));
            long end = Long.parseLong(f.get("end"));
            boolean inScenario = flowLabels.stream().anyMatch(l -> l.path("interface").asText().equals(
                    f.get("interface-id")) && end >= Instant.parse(l.path("start").asText()).getEpochSecond()
                    && end < Instant.parse(l.path("end").asText()).getEpochSecond());
            if (inScenario) {
                continue;
            }
            assertThat(peers(f)).as("benign flow with an indicator peer: %s", f)
                    .noneMatch(p -> Addresses.inCidr(p, "198.18.0.0/15"));
            boolean outbound = f.get("srcaddr").equals(h.privateIp());
            int service = Integer.parseInt(f.get("dstport")); // the service port of a request, either way
            if (service >= 32768) {
                continue; // the response direction: the service port is the source port
            }
            String key = f.get("interface-id") + (outbound ? " out " : " in ") + f.get("protocol") + "/" + service;
            Long seen = firstSeen.get(key);
            if (seen == null || end < seen) {
                firstSeen.put(key, end);
            }
        }
        firstSeen.forEach((key, time) -> {
            if (time >= learned) {
                late.add(key);
            }
        });
        assertThat(late).as("ports first used after the learning period outside any scenario").isEmpty();
        assertThat(firstSeen).isNotEmpty();
    }

    private static List<String> peers(Map<String, String> f) {
        return List.of(f.get("srcaddr"), f.get("dstaddr"));
    }

    private static JsonNode label(String scenario) {
        return labels.stream().filter(l -> l.path("scenario").asText().equals(scenario)).findFirst()
                .orElseThrow(() -> new AssertionError("no label for " + scenario));
    }
}
