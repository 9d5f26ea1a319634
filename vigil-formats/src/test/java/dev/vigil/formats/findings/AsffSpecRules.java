package dev.vigil.formats.findings;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of /work/shared/specs/06-asff-and-ocsf.md Part A (and AWS's documented limits) written down
 * independently of the writer, so a test can check every exported finding against them.
 */
final class AsffSpecRules {

    private static final List<String> REQUIRED = List.of("SchemaVersion", "Id", "ProductArn", "GeneratorId",
            "AwsAccountId", "Types", "CreatedAt", "UpdatedAt", "Severity", "Title", "Description", "Resources");
    private static final Set<String> LABELS = Set.of("INFORMATIONAL", "LOW", "MEDIUM", "HIGH", "CRITICAL");
    private static final Set<String> NAMESPACES = Set.of("Software and Configuration Checks", "TTPs", "Effects",
            "Unusual Behaviors", "Sensitive Data Identifications");

    private AsffSpecRules() {
    }

    /** Violations of the rules; empty when the finding is valid. */
    static List<String> violations(JsonNode f) {
        List<String> v = new ArrayList<>();
        for (String r : REQUIRED) {
            if (!f.has(r) || f.get(r).isNull()) {
                v.add("missing " + r);
            }
        }
        if (!v.isEmpty()) {
            return v;
        }
        check(v, "2018-10-08".equals(f.get("SchemaVersion").asText()), "SchemaVersion");
        check(v, f.get("AwsAccountId").asText().matches("\\d{12}"), "AwsAccountId 12 digits");
        check(v, f.get("ProductArn").asText().matches(
                "arn:aws(-cn|-us-gov)?:securityhub:[a-z0-9-]+:(\\d{12}):product/\\2/default"), "ProductArn custom");
        check(v, !f.get("Id").asText().isEmpty() && f.get("Id").asText().length() <= 512, "Id length");
        check(v, !f.get("GeneratorId").asText().isEmpty() && f.get("GeneratorId").asText().length() <= 512,
                "GeneratorId length");
        check(v, f.get("Types").isArray() && !f.get("Types").isEmpty() && f.get("Types").size() <= 50, "Types count");
        for (JsonNode t : f.get("Types")) {
            String[] parts = t.asText().split("/", -1);
            check(v, parts.length <= 3 && NAMESPACES.contains(parts[0]), "Type taxonomy: " + t.asText());
        }
        for (String time : List.of("CreatedAt", "UpdatedAt", "FirstObservedAt", "LastObservedAt")) {
            if (f.has(time)) {
                check(v, isIso(f.get(time).asText()), time + " ISO-8601");
            }
        }
        check(v, f.get("UpdatedAt").asText().compareTo(f.get("CreatedAt").asText()) >= 0, "UpdatedAt >= CreatedAt");
        check(v, LABELS.contains(f.path("Severity").path("Label").asText()), "Severity.Label");
        check(v, f.get("Title").isTextual() && !f.get("Title").asText().isEmpty()
                && f.get("Title").asText().length() <= 256, "Title 1..256");
        check(v, f.get("Description").isTextual() && !f.get("Description").asText().isEmpty()
                && f.get("Description").asText().length() <= 1024, "Description 1..1024");
        JsonNode res = f.get("Resources");
        check(v, res.isArray() && res.size() >= 1 && res.size() <= 32, "Resources 1..32");
        for (JsonNode r : res) {
            check(v, r.path("Type").isTextual() && !r.path("Type").asText().isEmpty(), "Resource Type");
            check(v, r.path("Id").isTextual() && !r.path("Id").asText().isEmpty(), "Resource Id");
            if (r.has("Partition")) {
                check(v, Set.of("aws", "aws-cn", "aws-us-gov").contains(r.get("Partition").asText()), "Partition");
            }
        }
        if (f.has("Workflow")) {
            check(v, Set.of("NEW", "NOTIFIED", "RESOLVED", "SUPPRESSED")
                    .contains(f.path("Workflow").path("Status").asText()), "Workflow.Status");
        }
        if (f.has("RecordState")) {
            check(v, Set.of("ACTIVE", "ARCHIVED").contains(f.get("RecordState").asText()), "RecordState");
        }
        if (f.has("Count")) {
            check(v, f.get("Count").canConvertToInt() && f.get("Count").asInt() >= 0, "Count integer");
        }
        if (f.has("Confidence")) {
            check(v, f.get("Confidence").isInt() && f.get("Confidence").asInt() >= 0
                    && f.get("Confidence").asInt() <= 100, "Confidence 0..100");
        }
        if (f.has("ProductFields")) {
            JsonNode pf = f.get("ProductFields");
            check(v, pf.isObject() && pf.size() <= 50, "ProductFields <= 50");
            Iterator<Map.Entry<String, JsonNode>> it = pf.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                check(v, !e.getKey().isEmpty() && e.getKey().length() <= 128, "ProductFields key length");
                check(v, e.getValue().isTextual() && !e.getValue().asText().isEmpty()
                        && e.getValue().asText().length() <= 2048, "ProductFields value " + e.getKey());
            }
        }
        return v;
    }

    private static boolean isIso(String s) {
        try {
            OffsetDateTime.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static void check(List<String> v, boolean ok, String rule) {
        if (!ok) {
            v.add(rule);
        }
    }
}
