package dev.vigil.formats.findings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.model.RecordState;
import dev.vigil.model.Workflow;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SarifFindingWriterTest {

    JsonNode export(ExportableFinding... findings) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FindingExportWriter w = ExportFormat.SARIF.open(out, null, "0.1.0", p -> { })) {
            for (ExportableFinding f : findings) {
                w.write(f);
            }
        }
        return new ObjectMapper().readTree(out.toByteArray());
    }

    @Test
    void oneRunWithRulesAndResultsThatPointAtThem() throws Exception {
        ExportableFinding a = ExportFixtures.vigil("a", "123456789012");
        ExportableFinding b = ExportFixtures.vigil("b", "123456789012");
        ExportableFinding gd = ExportFixtures.importedGuardDuty(Workflow.NEW, RecordState.ACTIVE);
        JsonNode sarif = export(a, gd, b);

        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.get("$schema").asText()).contains("sarif-2.1.0");
        assertThat(sarif.get("runs")).hasSize(1);
        JsonNode run = sarif.get("runs").get(0);
        JsonNode driver = run.get("tool").get("driver");
        assertThat(driver.get("name").asText()).isEqualTo("Vigil");
        JsonNode rules = driver.get("rules");
        assertThat(rules).hasSize(2);
        Set<String> ids = new HashSet<>();
        for (JsonNode r : rules) {
            assertThat(ids.add(r.get("id").asText())).isTrue();
            assertThat(r.get("name").asText()).isNotEmpty();
            assertThat(r.get("shortDescription").get("text").asText()).isNotEmpty();
            assertThat(r.get("help").get("text").asText()).isNotEmpty();
            assertThat(r.get("defaultConfiguration").get("level").asText()).isIn("error", "warning", "note");
        }
        assertThat(rules.get(0).get("properties").get("security-severity").asText()).isEqualTo("8.0");

        JsonNode results = run.get("results");
        assertThat(results).hasSize(3);
        for (JsonNode r : results) {
            JsonNode rule = rules.get(r.get("ruleIndex").asInt());
            assertThat(rule.get("id").asText()).isEqualTo(r.get("ruleId").asText());
            assertThat(r.get("level").asText()).isEqualTo("error");
            assertThat(r.get("message").get("text").asText()).isNotEmpty();
            assertThat(r.get("partialFingerprints").get(SarifFindingWriter.FINGERPRINT).asText()).hasSize(32);
            JsonNode logical = r.get("locations").get(0).get("logicalLocations");
            assertThat(logical.get(0).get("kind").asText()).isEqualTo("resource");
            assertThat(logical.get(1).get("fullyQualifiedName").asText()).isEqualTo("aws/123456789012/us-east-1");
        }
        assertThat(results.get(0).get("partialFingerprints").get(SarifFindingWriter.FINGERPRINT).asText())
                .isEqualTo(a.finding().id());
        // Vigil's own finding cites its CloudTrail file (record positions are not lines); the import its line
        JsonNode vigilPhysical = results.get(0).get("locations").get(0).get("physicalLocation");
        assertThat(vigilPhysical.get("artifactLocation").get("uri").asText()).isEqualTo("logs/trail%201.json.gz");
        assertThat(vigilPhysical.has("region")).isFalse();
        JsonNode gdPhysical = results.get(1).get("locations").get(0).get("physicalLocation");
        assertThat(gdPhysical.get("artifactLocation").get("uri").asText()).isEqualTo("exports/gd.jsonl.gz");
        assertThat(gdPhysical.get("region").get("startLine").asInt()).isEqualTo(7);
    }

    @Test
    void suppressedAndResolvedFindingsAreMarkedForCi() throws Exception {
        JsonNode results = export(ExportFixtures.importedGuardDuty(Workflow.SUPPRESSED, RecordState.ACTIVE),
                ExportFixtures.importedGuardDuty(Workflow.RESOLVED, RecordState.ARCHIVED))
                .get("runs").get(0).get("results");

        assertThat(results.get(0).get("suppressions").get(0).get("kind").asText()).isEqualTo("external");
        assertThat(results.get(0).get("suppressions").get(0).get("status").asText()).isEqualTo("accepted");
        assertThat(results.get(1).get("kind").asText()).isEqualTo("pass");
        assertThat(results.get(1).get("level").asText()).isEqualTo("none");
    }

    @Test
    void noFindingsIsStillAValidLog() throws Exception {
        JsonNode run = export().get("runs").get(0);
        assertThat(run.get("results")).isEmpty();
        assertThat(run.get("tool").get("driver").get("rules")).isEmpty();
    }

    @Test
    void locationsWithoutAFileHaveNoPhysicalLocation() {
        assertThat(SarifFindingWriter.FileLine.of("")).isNull();
        assertThat(SarifFindingWriter.FileLine.of("a b.jsonl#line 3 finding 2"))
                .isEqualTo(new SarifFindingWriter.FileLine("a%20b.jsonl", 3));
    }
}
