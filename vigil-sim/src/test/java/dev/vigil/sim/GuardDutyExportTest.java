package dev.vigil.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's GuardDuty export: S3 layout, GuardDuty's finding shape, and the same actors and times as the trail. */
class GuardDutyExportTest {

    private static final long SEED = 42;
    private static final long START = Instant.parse("2026-10-01T00:00:00Z").toEpochMilli();

    @TempDir
    static Path dir;
    static ScenarioPlanner.Plan plan;
    static List<Path> files;
    static List<JsonNode> findings = new ArrayList<>();

    @BeforeAll
    static void write() throws IOException {
        plan = ScenarioPlanner.plan(EstateFactory.build(SEED), SEED, START, 24 * 3_600_000L);
        files = GuardDutyExport.write(dir, SEED, plan.records());
        ObjectMapper mapper = new ObjectMapper();
        for (Path f : files) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(f)),
                    StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    findings.add(mapper.readTree(line));
                }
            }
        }
    }

    @Test
    void filesFollowGuardDutysS3PublishingLayout() {
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            String rel = dir.relativize(f).toString().replace('\\', '/');
            assertThat(rel).matches("guardduty/AWSLogs/\\d{12}/GuardDuty/[a-z]{2}-[a-z]+-\\d/\\d{4}/\\d{2}/\\d{2}/"
                    + "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.jsonl\\.gz");
        }
    }

    @Test
    void everyScenarioTypeIsRaisedOnceWithTheRequiredFields() {
        assertThat(findings).extracting(n -> n.path("type").asText())
                .containsExactlyInAnyOrderElementsOf(GuardDutyExport.types());
        for (JsonNode f : findings) {
            assertThat(f.path("schemaVersion").asText()).isEqualTo("2.0");
            assertThat(f.path("accountId").asText()).matches("\\d{12}");
            assertThat(f.path("id").asText()).matches("[0-9a-f]{32}");
            assertThat(f.path("arn").asText()).startsWith("arn:aws:guardduty:" + f.path("region").asText() + ":"
                    + f.path("accountId").asText() + ":detector/").endsWith("/finding/" + f.path("id").asText());
            assertThat(f.path("severity").asDouble()).isBetween(1.0, 8.9);
            assertThat(f.path("service").path("archived").asBoolean(true)).isFalse();
            assertThat(Instant.parse(f.path("createdAt").asText()))
                    .isBeforeOrEqualTo(Instant.parse(f.path("updatedAt").asText()));
            assertThat(f.path("resource").path("accessKeyDetails").path("userType").asText()).isNotEmpty();
        }
    }

    @Test
    void findingsCarryTheTrailsActorsTimesAndCounts() {
        List<LabelledRecord> exfil = plan.records().stream()
                .filter(r -> r.scenario().equals(LeakedAccessKeyScenario.ID) && r.step().equals("exfiltration")).toList();
        JsonNode f = findings.stream().filter(n -> n.path("type").asText().equals("Exfiltration:S3/AnomalousBehavior"))
                .findFirst().orElseThrow();
        Identity.IamUser intruder = (Identity.IamUser) exfil.getFirst().record().identity();
        assertThat(f.path("resource").path("accessKeyDetails").path("accessKeyId").asText())
                .isEqualTo(intruder.accessKeyId());
        assertThat(f.path("resource").path("accessKeyDetails").path("userName").asText()).isEqualTo(intruder.userName());
        assertThat(f.path("service").path("count").asInt()).isEqualTo(exfil.size());
        assertThat(Instant.parse(f.path("service").path("eventFirstSeen").asText()).toEpochMilli())
                .isEqualTo(exfil.getFirst().record().timeMillis() / 1000 * 1000); // CloudTrail's precision
        assertThat(Instant.parse(f.path("service").path("eventLastSeen").asText()).toEpochMilli())
                .isEqualTo(exfil.getLast().record().timeMillis() / 1000 * 1000);
        assertThat(f.path("resource").path("s3BucketDetails").get(0).path("name").asText()).isNotEmpty();
        assertThat(f.path("service").path("action").path("awsApiCallAction").path("api").asText()).isEqualTo("GetObject");
    }

    @Test
    void sameSeedSameBytes(@TempDir Path other) throws IOException {
        List<Path> again = GuardDutyExport.write(other, SEED, plan.records());
        assertThat(again).hasSameSizeAs(files);
        for (int i = 0; i < files.size(); i++) {
            assertThat(dir.relativize(files.get(i))).isEqualTo(other.relativize(again.get(i)));
            assertThat(Files.readAllBytes(again.get(i))).isEqualTo(Files.readAllBytes(files.get(i)));
        }
    }
}
