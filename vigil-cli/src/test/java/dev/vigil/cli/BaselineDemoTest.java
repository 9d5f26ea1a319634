package dev.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The behavioural baselines on the demo: the simulator's anomalous-behaviour scenario is found under the tactic
 * types it is labelled with, on its principal; no baseline finding rests only on benign records; and a second scan
 * of the same logs into the same workspace, starting from the baseline state the first one saved, gives the same
 * baseline findings.
 */
class BaselineDemoTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Path dir;
    static CliRunner.Result demo;
    static List<JsonNode> baselineFindings;
    static Map<String, String> scenarioOf;
    static List<JsonNode> anomalyLabels;

    @BeforeAll
    static void runDemo() throws IOException {
        dir = SharedDemo.dir();
        demo = SharedDemo.result();
        baselineFindings = baselineFindings(dir.resolve("findings.ocsf.jsonl"));
        scenarioOf = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("estate/labels.jsonl"))) {
            JsonNode l = JSON.readTree(line);
            scenarioOf.put(l.get("eventID").asText(), l.get("scenario").asText());
        }
        anomalyLabels = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("estate/network-labels.jsonl"))) {
            JsonNode l = JSON.readTree(line);
            if (l.get("type").asText().endsWith("/AnomalousBehavior")) {
                anomalyLabels.add(l);
            }
        }
    }

    private static List<JsonNode> baselineFindings(Path ocsf) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(ocsf)) {
            JsonNode f = JSON.readTree(line);
            if (f.at("/finding_info/analytic/uid").asText().startsWith("vigil-baseline-")) {
                out.add(f);
            }
        }
        return out;
    }

    private static String principal(JsonNode f) {
        return f.at("/unmapped/vigil/keys/principal").asText();
    }

    private static List<String> recordIds(JsonNode f) {
        List<String> ids = new ArrayList<>();
        for (JsonNode ev : f.at("/finding_info/related_events")) {
            String id = ev.get("uid").asText();
            if (!id.equals("summary")) {
                ids.add(id);
            }
        }
        return ids;
    }

    @Test
    void theDemoRanAndHasAnAnomalyScenario() {
        assertThat(demo.exitCode()).as(demo.err()).isEqualTo(0);
        assertThat(anomalyLabels).as("the simulator's anomalous-behaviour scenario at this size").isNotEmpty();
    }

    @Test
    void eachAnomalyLabelIsFoundWithItsTypeOnItsPrincipal() {
        for (JsonNode label : anomalyLabels) {
            String type = label.get("type").asText();
            String who = label.get("resource").asText();
            String scenario = label.get("scenario").asText();
            assertThat(baselineFindings).as("a baseline finding of type %s on %s", type, who).anySatisfy(f -> {
                assertThat(f.at("/finding_info/types").toString()).contains("\"" + type + "\"");
                assertThat(principal(f)).isEqualTo(who);
                assertThat(recordIds(f)).anyMatch(id -> scenario.equals(scenarioOf.get(id)));
            });
        }
    }

    @Test
    void noBaselineFindingRestsOnlyOnBenignRecords() {
        assertThat(baselineFindings).isNotEmpty().allSatisfy(f -> assertThat(recordIds(f))
                .as("%s on %s", f.at("/finding_info/types"), principal(f))
                .isNotEmpty().anyMatch(scenarioOf::containsKey));
    }

    @Test
    void aSecondScanOfTheSameLogsIntoTheSameWorkspaceGivesTheSameBaselineFindings() throws IOException {
        Path estate = dir.resolve("estate");
        Path again = Files.createTempDirectory("vigil-rescan");
        // the demo's workspace is shared with other tests: rescan into a copy of it
        Path workspace = again.resolve("workspace");
        Files.createDirectories(workspace);
        try (var files = Files.list(dir.resolve("workspace"))) {
            for (Path f : files.toList()) {
                if (Files.isRegularFile(f)) {
                    Files.copy(f, workspace.resolve(f.getFileName()));
                }
            }
        }
        CliRunner.Result scan = CliRunner.run("scan", estate.resolve("logs").toString(), "--out", again.toString(),
                "--workspace", workspace.toString(),
                "--intel", estate.resolve("intel/intel.yaml").toString(),
                "--aws-ip-ranges", estate.resolve("aws-ip-ranges.json").toString(),
                "--inventory", estate.resolve("config").toString(),
                "--learning-period", "8h", "--color", "never", "--no-progress");
        assertThat(scan.exitCode()).as(scan.err()).isIn(0, 4);
        assertThat(scan.out()).contains("0 new");
        assertThat(identities(baselineFindings(again.resolve("findings.ocsf.jsonl"))))
                .isEqualTo(identities(baselineFindings));
    }

    /** Per finding id, what a reader compares: types, severity and the records cited. */
    private static Map<String, String> identities(List<JsonNode> findings) {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode f : findings) {
            out.put(f.at("/finding_info/uid").asText(), f.at("/finding_info/types") + " " + f.get("severity").asText()
                    + " " + recordIds(f));
        }
        return out;
    }
}
