package dev.vigil.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.model.DetectionInfo;
import dev.vigil.model.Evidence;
import dev.vigil.model.Finding;
import dev.vigil.model.Problem;
import dev.vigil.model.ScanSummary;
import dev.vigil.model.Severity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Realistic test input: findings whose evidence is real CloudTrail from the Stratus Red Team detonation logs
 * in shared/data (path from the {@code vigil.shared} system property the build sets), and scan summaries.
 */
final class Fixtures {

    static final Instant GENERATED = Instant.parse("2024-08-01T09:30:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    static Path stratusDir() {
        String shared = System.getProperty("vigil.shared");
        if (shared == null) {
            throw new IllegalStateException("system property vigil.shared is not set: run the tests through Maven, "
                    + "or pass -Dvigil.shared=/path/to/shared");
        }
        Path dir = Path.of(shared, "data", "stratus-detonations");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(dir + " does not exist: vigil.shared must point at the shared/ folder");
        }
        return dir;
    }

    /** Every record of one Stratus technique as evidence, oldest first, with the origin a reader would give. */
    static List<Evidence> stratusEvidence(String technique) {
        Path file = stratusDir().resolve(technique + ".json");
        try {
            JsonNode records = JSON.readTree(file.toFile());
            List<Evidence> out = new ArrayList<>();
            for (int i = 0; i < records.size(); i++) {
                JsonNode r = records.get(i);
                out.add(new Evidence(r.path("eventID").asText(), Instant.parse(r.path("eventTime").asText()),
                        "stratus-detonations/" + technique + ".json#record " + (i + 1),
                        JSON.writeValueAsString(r)));
            }
            out.sort(Comparator.comparing(Evidence::time));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** A finding raised on every record of a Stratus technique; account, region and principal from the first. */
    static FindingBuilder fromTechnique(String technique, String ruleId, String title, Severity severity,
                                        String... attack) {
        List<Evidence> evidence = stratusEvidence(technique);
        FindingBuilder b = finding(ruleId, title, severity).attack(attack).evidence(evidence);
        try {
            JsonNode first = JSON.readTree(evidence.get(0).rawJson());
            b.account(first.path("recipientAccountId").asText())
                    .region(first.path("awsRegion").asText())
                    .principal(first.path("userIdentity").path("arn").asText())
                    .key("userIdentity.arn", first.path("userIdentity").path("arn").asText())
                    .key("recipientAccountId", first.path("recipientAccountId").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b;
    }

    static FindingBuilder finding(String ruleId, String title, Severity severity) {
        return new FindingBuilder(ruleId, title, severity);
    }

    /** Seven findings of every severity, from real detonation logs. */
    static List<Finding> realistic() {
        return List.of(
                fromTechnique("aws.defense-evasion.cloudtrail-stop", "vigil-ct-stop", "CloudTrail logging stopped",
                        Severity.HIGH, "T1562.008").resource("stratus-red-team-ct-stop-trail").build(),
                fromTechnique("aws.defense-evasion.cloudtrail-delete", "vigil-ct-delete", "CloudTrail trail deleted",
                        Severity.CRITICAL, "T1562.008").build(),
                fromTechnique("aws.persistence.iam-create-admin-user", "vigil-iam-admin-user",
                        "IAM user created and given administrator access", Severity.HIGH, "T1136.003", "T1098")
                        .build(),
                fromTechnique("aws.credential-access.secretsmanager-retrieve-secrets", "vigil-sm-bulk-read",
                        "Many Secrets Manager secrets read by one principal", Severity.MEDIUM, "T1555.006")
                        .count(1_234).build(),
                fromTechnique("aws.discovery.ec2-download-user-data", "vigil-ec2-userdata",
                        "EC2 user data read for many instances", Severity.LOW, "T1580").build(),
                fromTechnique("aws.initial-access.console-login-without-mfa", "vigil-console-no-mfa",
                        "Console login without MFA", Severity.MEDIUM, "T1078.004").build(),
                fromTechnique("aws.impact.bedrock-invoke-model", "vigil-bedrock-invoke",
                        "Bedrock model invoked", Severity.INFORMATIONAL).build());
    }

    static ScanSummary completeSummary() {
        return new ScanSummary(Instant.parse("2024-08-01T09:29:55Z"), Duration.ofMillis(4_250),
                List.of("s3-export/AWSLogs/"), 35, Map.of("cloudtrail", 33L, "cloudtrail-digest", 2L), 310,
                560_244, 0, 0, Map.of(), List.of(), 512L * 1024 * 1024);
    }

    static ScanSummary partialSummary() {
        return new ScanSummary(Instant.parse("2024-08-01T09:29:55Z"), Duration.ofSeconds(75),
                List.of("s3-export/AWSLogs/"), 37, Map.of("cloudtrail", 33L, "unknown", 4L), 298, 1_560_244,
                2, 12, Map.of("invalid-json", 9L, "truncated-gzip", 2L, "missing-eventTime", 3L),
                List.of(new Problem("AWSLogs/111122223333/CloudTrail/us-east-1/2024/07/31/a.json.gz#byte 4096",
                                "truncated-gzip", "The gzip stream ends early; re-download the object."),
                        new Problem("AWSLogs/111122223333/CloudTrail/us-east-1/2024/07/31/b.json.gz#record 12",
                                "invalid-json", "Record 12 is not valid JSON: unexpected end of input.")),
                -1);
    }

    /** Builds findings the way the engine does: id from rule and key facts, times from the evidence. */
    static final class FindingBuilder {
        private final String ruleId;
        private final String title;
        private final Severity severity;
        private String description = "What happened, why it matters, and what to check next.";
        private List<String> attack = List.of();
        private List<String> types = List.of("TTPs/Defense Evasion");
        private final Map<String, String> keys = new LinkedHashMap<>();
        private String account = "";
        private String region = "";
        private String principal = "";
        private String resource = "";
        private Long count;
        private String id;
        private Instant firstSeen;
        private Instant lastSeen;
        private List<Evidence> evidence = List.of();

        FindingBuilder(String ruleId, String title, Severity severity) {
            this.ruleId = ruleId;
            this.title = title;
            this.severity = severity;
        }

        FindingBuilder description(String v) { description = v; return this; }
        FindingBuilder attack(String... v) { attack = List.of(v); return this; }
        FindingBuilder types(String... v) { types = List.of(v); return this; }
        FindingBuilder key(String name, String value) { keys.put(name, value); return this; }
        FindingBuilder account(String v) { account = v; return this; }
        FindingBuilder region(String v) { region = v; return this; }
        FindingBuilder principal(String v) { principal = v; return this; }
        FindingBuilder resource(String v) { resource = v; return this; }
        FindingBuilder count(long v) { count = v; return this; }
        FindingBuilder id(String v) { id = v; return this; }
        FindingBuilder seen(Instant first, Instant last) { firstSeen = first; lastSeen = last; return this; }
        FindingBuilder evidence(List<Evidence> v) { evidence = List.copyOf(v); return this; }

        Finding build() {
            Instant first = firstSeen;
            Instant last = lastSeen;
            if (first == null) {
                first = evidence.stream().map(Evidence::time).min(Comparator.naturalOrder()).orElse(GENERATED);
                last = evidence.stream().map(Evidence::time).max(Comparator.naturalOrder()).orElse(GENERATED);
            }
            DetectionInfo rule = new DetectionInfo(ruleId, title, description, severity, attack, types);
            return new Finding(id != null ? id : Finding.idFor(ruleId, keys), rule, keys, account, region, principal,
                    resource, first, last, count != null ? count : evidence.size(), evidence);
        }
    }
}
