package dev.vigil.formats.findings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.model.Problem;
import dev.vigil.model.RecordState;
import dev.vigil.model.Workflow;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AsffBatchWriterTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final AsffTarget TARGET = AsffTarget.of("eu-west-1", "999988887777");

    final List<Problem> problems = new ArrayList<>();

    List<JsonNode> export(List<ExportableFinding> findings) throws Exception {
        StringWriter sw = new StringWriter();
        try (AsffBatchWriter w = new AsffBatchWriter(sw, TARGET, problems::add)) {
            for (ExportableFinding f : findings) {
                w.write(f);
            }
        }
        List<JsonNode> batches = new ArrayList<>();
        for (String line : sw.toString().split("\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(AsffBatchWriter.MAX_BATCH_BYTES);
            JsonNode b = JSON.readTree(line);
            assertThat(b.fieldNames()).toIterable().containsExactly("Findings");
            assertThat(b.get("Findings").size()).isBetween(1, AsffBatchWriter.MAX_FINDINGS);
            batches.add(b);
        }
        return batches;
    }

    static List<JsonNode> all(List<JsonNode> batches) {
        List<JsonNode> out = new ArrayList<>();
        batches.forEach(b -> b.get("Findings").forEach(out::add));
        return out;
    }

    @Test
    void batchesHoldAtMostOneHundredValidFindings() throws Exception {
        List<ExportableFinding> in = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            in.add(ExportFixtures.vigil("-" + i, "123456789012"));
        }
        List<JsonNode> batches = export(in);

        assertThat(batches).extracting(b -> b.get("Findings").size()).containsExactly(100, 100, 50);
        List<JsonNode> findings = all(batches);
        assertThat(findings).hasSize(250);
        for (JsonNode f : findings) {
            assertThat(AsffSpecRules.violations(f)).as(f.toString()).isEmpty();
        }
        JsonNode f = findings.get(0);
        assertThat(f.get("ProductArn").asText())
                .isEqualTo("arn:aws:securityhub:eu-west-1:999988887777:product/999988887777/default");
        assertThat(f.get("Id").asText()).isEqualTo(in.get(0).finding().id());
        assertThat(f.get("Region").asText()).isEqualTo("us-east-1");
        assertThat(f.get("Types").get(0).asText()).isEqualTo("TTPs/Defense Evasion/CloudTrailStopped");
        assertThat(f.get("CreatedAt").asText()).isEqualTo("2024-05-01T10:00:00.000Z");
        assertThat(f.get("UpdatedAt").asText()).isEqualTo("2024-05-01T11:30:00.250Z");
        assertThat(f.get("Severity").get("Label").asText()).isEqualTo("HIGH");
        assertThat(f.get("Count").asInt()).isEqualTo(3);
        assertThat(f.get("Workflow").get("Status").asText()).isEqualTo("NEW");
        assertThat(f.get("RecordState").asText()).isEqualTo("ACTIVE");
        assertThat(f.get("ProductFields").get("vigil/RiskScore").asText()).isEqualTo("72");
        assertThat(f.get("ProductFields").get("vigil/OriginProduct").asText()).isEqualTo("Vigil");
        assertThat(f.get("Resources").get(0).get("Type").asText()).isEqualTo("AwsCloudTrailTrail");
        assertThat(f.get("Resources").get(1).get("Type").asText()).isEqualTo("AwsIamUser");
        assertThat(f.get("Resources").get(1).get("ResourceRole").asText()).isEqualTo("Actor");
    }

    @Test
    void importedFindingsKeepTheirOriginAndGetTaxonomyTypes() throws Exception {
        JsonNode f = all(export(List.of(ExportFixtures.importedGuardDuty(Workflow.SUPPRESSED, RecordState.ARCHIVED))))
                .get(0);

        assertThat(AsffSpecRules.violations(f)).isEmpty();
        assertThat(f.get("Types").get(0).asText())
                .isEqualTo("TTPs/Privilege Escalation/PrivilegeEscalation:IAMUser-AdministrativePermissions");
        assertThat(f.get("ProductFields").get("vigil/OriginProduct").asText()).isEqualTo("GuardDuty");
        assertThat(f.get("ProductFields").get("vigil/OriginFindingId").asText())
                .isEqualTo("eeb88ab56556eb7771b266670dddee5a");
        assertThat(f.get("Workflow").get("Status").asText()).isEqualTo("SUPPRESSED");
        assertThat(f.get("RecordState").asText()).isEqualTo("ARCHIVED");
        assertThat(f.get("Confidence").asInt()).isEqualTo(80);
        // an empty description is not valid ASFF: the title stands in
        assertThat(f.get("Description").asText()).isEqualTo(f.get("Title").asText());
        assertThat(f.get("Resources").get(0).get("Type").asText()).isEqualTo("AwsIamRole");
    }

    @Test
    void findingsWithoutAValidAccountAreReportedNotExported() throws Exception {
        ExportableFinding ok = ExportFixtures.vigil("a", "123456789012");
        ExportableFinding none = ExportFixtures.withText(ok, "t", "d", "", "", "");
        ExportableFinding junk = ExportFixtures.withText(ok, "t", "d", "", "", "12345678901X");
        List<JsonNode> findings = all(export(List.of(none, ok, junk)));

        assertThat(findings).hasSize(1);
        assertThat(problems).hasSize(2).allSatisfy(p -> {
            assertThat(p.reason()).isEqualTo("asff-no-account");
            assertThat(p.location()).isEqualTo("finding " + ok.finding().id());
            assertThat(p.message()).contains("12-digit");
        });
    }

    @Test
    void longTextIsCutWithAMarkerAndNoResourceMeansTheAccount() throws Exception {
        ExportableFinding e = ExportFixtures.withText(ExportFixtures.vigil("x", "123456789012"),
                "T".repeat(300), "D".repeat(5000), "", "", "123456789012");
        JsonNode f = all(export(List.of(e))).get(0);

        assertThat(AsffSpecRules.violations(f)).isEmpty();
        assertThat(f.get("Title").asText()).hasSize(256).endsWith(AsffFindingBuilder.CUT_MARKER);
        assertThat(f.get("Description").asText()).hasSize(1024).endsWith(AsffFindingBuilder.CUT_MARKER);
        assertThat(f.get("Resources")).hasSize(1);
        assertThat(f.get("Resources").get(0).get("Type").asText()).isEqualTo("AwsAccount");
        assertThat(f.get("Resources").get(0).get("Id").asText()).isEqualTo("AWS::::Account:123456789012");
    }

    @Test
    void productFieldsStayWithinLimitsAndLargeFindingsSplitBatchesBySize() throws Exception {
        ExportableFinding base = ExportFixtures.vigil("big", "123456789012");
        Map<String, String> keys = new LinkedHashMap<>();
        for (int i = 0; i < 80; i++) {
            keys.put("k".repeat(150) + i, "v".repeat(3000));
        }
        var f0 = base.finding();
        var big = new dev.vigil.model.Finding(f0.id(), f0.rule(), keys, f0.account(), f0.region(), f0.principal(),
                f0.resource(), f0.firstSeen(), f0.lastSeen(), f0.count(), f0.evidence());
        List<ExportableFinding> in = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            in.add(new ExportableFinding(big, base.origin(), base.workflow(), base.recordState(), base.createdAt(),
                    base.updatedAt(), 1));
        }
        List<JsonNode> batches = export(in);

        assertThat(batches.size()).isGreaterThan(1); // 60 findings of ~100 KB cannot fit one 5 MB request
        List<JsonNode> findings = all(batches);
        assertThat(findings).hasSize(60);
        for (JsonNode f : findings) {
            assertThat(AsffSpecRules.violations(f)).isEmpty();
            assertThat(f.get("ProductFields").size()).isEqualTo(50);
        }
    }

    @Test
    void theTargetIsValidated() {
        assertThatThrownBy(() -> AsffTarget.of("eu-west-1", "12345")).hasMessageContaining("12-digit");
        assertThatThrownBy(() -> AsffTarget.of("Mars", "123456789012")).hasMessageContaining("region");
        assertThatThrownBy(() -> ExportFormat.ASFF.open(new java.io.ByteArrayOutputStream(), null, "1", p -> { }))
                .hasMessageContaining("account and region");
    }

    @Test
    void typeTaxonomy() {
        assertThat(AsffTypes.valid("TTPs/Defense Evasion/CloudTrailStopped")).isTrue();
        assertThat(AsffTypes.valid("Effects")).isTrue();
        assertThat(AsffTypes.valid("Recon:IAMUser/MaliciousIPCaller")).isFalse();
        assertThat(AsffTypes.valid("TTPs/a/b/c")).isFalse();
        assertThat(AsffTypes.fromGuardDutyType("Recon:IAMUser/MaliciousIPCaller"))
                .isEqualTo("TTPs/Discovery/Recon:IAMUser-MaliciousIPCaller");
        assertThat(AsffTypes.fromGuardDutyType("Impact:EC2/PortSweep")).isEqualTo("Effects");
        assertThat(AsffTypes.fromGuardDutyType("edr.cred.dump")).isNull();
    }
}
