package dev.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's network and API threat scenarios, end to end: every scenario labelled in {@code network-labels.jsonl}
 * is found with its GuardDuty type on its resource, and every flow-log, threat-intel and pen-test finding is
 * explained by a label — by its own type, or as one of the consequences docs/simulator-network.md lists under
 * "Findings beyond the labels". Anything else is a false positive an analyst would have to chase.
 */
class NetworkDemoTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The baselines' labels and findings are BaselineDemoTest's. */
    private static final String ANOMALY = "AnomalousBehavior";
    /** Scan and volume windows are aligned to the epoch, so a finding's window may round the scenario's out. */
    private static final Duration WINDOW_SLACK = Duration.ofHours(1);

    /**
     * Detections a scenario also trips besides its own type, each a true statement about the scenario's traffic
     * (docs/simulator-network.md, "Findings beyond the labels"): the instance starts using a remote port it never
     * used, a flood is also a volume spike, the probing scanners are on the blocklist.
     */
    private static final Map<String, Set<String>> CONSEQUENCES = Map.of(
            "crypto-mining", Set.of("vigil-net-network-port-unusual"),
            "ssh-brute-force-outbound", Set.of("vigil-net-network-port-unusual"),
            "tor-client", Set.of("vigil-net-network-port-unusual"),
            "malicious-ip", Set.of("vigil-net-network-port-unusual"),
            "dos-udp-flood", Set.of("vigil-net-network-port-unusual", "vigil-net-traffic-volume-unusual"),
            "spam", Set.of("vigil-net-network-port-unusual"),
            "port-probe-unprotected-port", Set.of("vigil-net-malicious-ip-caller"));

    /** CloudTrail scenarios whose attacker uses a pen-test distribution (labels.jsonl labels their records). */
    private static final Set<String> PEN_TEST_USERS = Set.of("pentest-user-agents", "leaked-access-key");

    static Path dir;
    static CliRunner.Result result;
    static Duration took;
    static List<JsonNode> findings;
    static List<JsonNode> labels;
    static Map<String, String> scenarioOfEvent;

    @BeforeAll
    static void runDemo() throws IOException {
        Instant begin = Instant.now(); // only reported, never asserted: the machine is shared
        dir = SharedDemo.dir();
        result = SharedDemo.result();
        took = Duration.between(begin, Instant.now());
        findings = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("findings.ocsf.jsonl"))) {
            findings.add(JSON.readTree(line));
        }
        labels = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("estate/network-labels.jsonl"))) {
            labels.add(JSON.readTree(line));
        }
        scenarioOfEvent = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("estate/labels.jsonl"))) {
            JsonNode l = JSON.readTree(line);
            scenarioOfEvent.put(l.get("eventID").asText(), l.get("scenario").asText());
        }
    }

    private static String rule(JsonNode f) {
        return f.at("/finding_info/analytic/uid").asText();
    }

    private static boolean hasType(JsonNode f, String type) {
        for (JsonNode t : f.at("/finding_info/types")) {
            if (t.asText().equals(type)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The label's subject is the finding's: its instance and region (flows — v2 logs name neither, so this also
     * checks that the inventory's attachment is used), its principal (API).
     */
    private static boolean sameSubject(JsonNode label, JsonNode f) {
        if (!f.at("/cloud/account/uid").asText(label.get("account").asText()).equals(label.get("account").asText())) {
            return false;
        }
        String resource = label.get("resource").asText();
        if (label.get("kind").asText().equals("api")) {
            return f.at("/unmapped/vigil/principal").asText().equals(resource);
        }
        if (!f.at("/cloud/region").asText().equals(label.get("region").asText())) {
            return false;
        }
        for (JsonNode r : f.at("/resources")) {
            if (r.path("uid").asText().equals(resource)) {
                return true;
            }
        }
        return false;
    }

    /** The finding's first and last flow or call fall in the scenario's window (give or take window rounding). */
    private static boolean duringScenario(JsonNode label, JsonNode f) {
        Instant start = Instant.parse(label.get("start").asText()).minus(WINDOW_SLACK);
        Instant end = Instant.parse(label.get("end").asText()).plus(WINDOW_SLACK);
        Instant first = Instant.parse(f.at("/finding_info/first_seen_time_dt").asText());
        Instant last = Instant.parse(f.at("/finding_info/last_seen_time_dt").asText());
        return !first.isBefore(start) && !last.isAfter(end);
    }

    private static boolean isThreatFinding(JsonNode f) {
        String rule = rule(f);
        return rule.startsWith("vigil-net-") || rule.startsWith("vigil-intel-") || rule.startsWith("vigil-pentest-");
    }

    @Test
    void runsCleanly() {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
        System.out.println("NetworkDemoTest: the demo took " + took.toMillis() + " ms");
    }

    @Test
    void everyNetworkAndApiScenarioIsFoundWithItsTypeOnItsResource() {
        List<JsonNode> expected = labels.stream().filter(l -> !l.get("type").asText().contains(ANOMALY)).toList();
        assertThat(expected).as("the demo injects the network and API scenarios").hasSizeGreaterThanOrEqualTo(20);
        for (JsonNode label : expected) {
            String type = label.get("type").asText();
            assertThat(findings).as("%s: a %s finding on %s", label.get("scenario").asText(), type,
                            label.get("resource").asText())
                    .anySatisfy(f -> {
                        assertThat(hasType(f, type)).isTrue();
                        assertThat(sameSubject(label, f)).isTrue();
                        assertThat(duringScenario(label, f)).isTrue();
                    });
        }
    }

    /** No false positives: each flow-log, intel and pen-test finding is a scenario's, or a listed consequence. */
    @Test
    void everyThreatFindingIsExplainedByAScenario() {
        List<String> unexplained = new ArrayList<>();
        for (JsonNode f : findings) {
            if (!isThreatFinding(f) || explained(f)) {
                continue;
            }
            unexplained.add(rule(f) + " on " + f.at("/resources/0/uid").asText(f.at("/unmapped/vigil/principal")
                    .asText()) + ": " + f.at("/unmapped/vigil/summary"));
        }
        assertThat(unexplained).as("findings no scenario explains").isEmpty();
    }

    private static boolean explained(JsonNode f) {
        if (rule(f).startsWith("vigil-pentest-")) {
            return restsOnPenTestScenarios(f);
        }
        for (JsonNode label : labels) {
            if (!sameSubject(label, f) || !duringScenario(label, f)) {
                continue;
            }
            if (hasType(f, label.get("type").asText())
                    || CONSEQUENCES.getOrDefault(label.get("scenario").asText(), Set.of()).contains(rule(f))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A pen-test user-agent finding is a single-record rule: every record it cites must be a scenario's whose actor
     * uses a pen-test distribution — the labelled pen-test scenario, or the leaked key's attacker working from Kali.
     */
    private static boolean restsOnPenTestScenarios(JsonNode f) {
        JsonNode events = f.at("/finding_info/related_events");
        if (events.isEmpty()) {
            return false;
        }
        for (JsonNode ev : events) {
            if (!PEN_TEST_USERS.contains(scenarioOfEvent.get(ev.get("uid").asText()))) {
                return false;
            }
        }
        return true;
    }

    @Test
    void theProbingScannersAreOneListedAddressFindingNamingThemAll() {
        JsonNode probe = labels.stream()
                .filter(l -> l.get("scenario").asText().equals("port-probe-unprotected-port")).findFirst()
                .orElseThrow();
        List<JsonNode> listed = findings.stream()
                .filter(f -> rule(f).equals("vigil-net-malicious-ip-caller") && sameSubject(probe, f)).toList();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).at("/unmapped/vigil/summary/distinctHosts").asInt()).isGreaterThan(1);
    }
}
