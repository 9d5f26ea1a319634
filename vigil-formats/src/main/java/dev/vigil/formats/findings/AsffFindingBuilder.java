package dev.vigil.formats.findings;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.model.Finding;
import dev.vigil.model.FindingOrigin;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds one ASFF finding that BatchImportFindings accepts: every required attribute present and within ASFF's
 * limits (Title ≤ 256 and Description ≤ 1024 characters, cut with a marker; ProductFields ≤ 50 pairs, keys ≤ 128
 * and values ≤ 2048 characters; Resources 1–32), the finding at most 240 KB.
 */
final class AsffFindingBuilder {

    static final String SCHEMA_VERSION = "2018-10-08";
    static final int MAX_TITLE = 256;
    static final int MAX_DESCRIPTION = 1024;
    static final int MAX_ID = 512;
    static final int MAX_PRODUCT_FIELDS = 50;
    static final int MAX_PRODUCT_FIELD_KEY = 128;
    static final int MAX_PRODUCT_FIELD_VALUE = 2048;
    static final int MAX_FINDING_BYTES = 240 * 1024;
    static final String CUT_MARKER = "…[truncated]";

    private static final JsonFactory JSON = new JsonFactory();
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private AsffFindingBuilder() {
    }

    static boolean isAccount(String s) {
        return s != null && s.length() == 12 && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** Region names as AWS forms them: lower-case letters and digits in dash-separated parts, e.g. us-gov-west-1. */
    static boolean isRegion(String s) {
        if (s == null || s.length() < 6 || s.length() > 32) {
            return false;
        }
        String[] parts = s.split("-", -1);
        if (parts.length < 3) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || !p.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return parts[parts.length - 1].chars().allMatch(Character::isDigit);
    }

    /** The finding as one line of compact JSON, or a {@link BadFinding} saying why ASFF cannot carry it. */
    static String build(ExportableFinding e, AsffTarget target) throws BadFinding {
        Finding f = e.finding();
        if (!isAccount(f.account())) {
            throw new BadFinding("asff-no-account", "finding " + f.id() + " has no 12-digit AWS account ('"
                    + FindingFields.shorten(f.account()) + "'); ASFF requires AwsAccountId, so it was not exported");
        }
        String region = isRegion(f.region()) ? f.region() : target.region();
        List<String> types = AsffTypes.forExport(f.rule());
        String label = f.severity().name();
        String title = clip(f.rule().title().isBlank() ? f.rule().id() : f.rule().title(), MAX_TITLE);
        String description = clip(f.rule().description().isBlank() ? title : f.rule().description(), MAX_DESCRIPTION);
        String generator = clip(f.rule().id().isBlank() ? "vigil" : f.rule().id(), MAX_ID);
        Instant created = e.createdAt();
        Instant updated = e.updatedAt();

        StringWriter sw = new StringWriter(2048);
        try (JsonGenerator g = JSON.createGenerator(sw)) {
            g.writeStartObject();
            g.writeStringField("SchemaVersion", SCHEMA_VERSION);
            g.writeStringField("Id", f.id());
            g.writeStringField("ProductArn", target.productArn());
            g.writeStringField("ProductName", "Vigil");
            g.writeStringField("CompanyName", "Vigil");
            g.writeStringField("GeneratorId", generator);
            g.writeStringField("AwsAccountId", f.account());
            g.writeStringField("Region", region);
            writeStrings(g, "Types", types);
            g.writeStringField("CreatedAt", TIME.format(created));
            g.writeStringField("UpdatedAt", TIME.format(updated));
            g.writeStringField("FirstObservedAt", TIME.format(f.firstSeen()));
            g.writeStringField("LastObservedAt", TIME.format(f.lastSeen()));
            g.writeObjectFieldStart("Severity");
            g.writeStringField("Label", label);
            g.writeStringField("Original", label);
            g.writeEndObject();
            if (e.origin().confidence() != FindingOrigin.UNKNOWN_CONFIDENCE) {
                g.writeNumberField("Confidence", e.origin().confidence());
            }
            g.writeStringField("Title", title);
            g.writeStringField("Description", description);
            g.writeNumberField("Count", (int) Math.min(Integer.MAX_VALUE, Math.max(1, f.count())));
            g.writeObjectFieldStart("ProductFields");
            for (Map.Entry<String, String> pf : productFields(e).entrySet()) {
                g.writeStringField(pf.getKey(), pf.getValue());
            }
            g.writeEndObject();
            writeResources(g, f, target);
            g.writeObjectFieldStart("Workflow");
            g.writeStringField("Status", e.workflow().name());
            g.writeEndObject();
            g.writeStringField("RecordState", e.recordState().name());
            g.writeObjectFieldStart("FindingProviderFields");
            g.writeObjectFieldStart("Severity");
            g.writeStringField("Label", label);
            g.writeStringField("Original", label);
            g.writeEndObject();
            writeStrings(g, "Types", types);
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException("writing to a string cannot fail", ex);
        }
        String json = sw.toString();
        int bytes = json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes > MAX_FINDING_BYTES) {
            throw new BadFinding("asff-too-large", "finding " + f.id() + " is " + bytes
                    + " bytes as ASFF, over Security Hub's 240 KB per finding; it was not exported");
        }
        return json;
    }

    /** Vigil's facts about the finding, within ProductFields' limits; empty values are left out. */
    static Map<String, String> productFields(ExportableFinding e) {
        Finding f = e.finding();
        Map<String, String> pf = new LinkedHashMap<>();
        put(pf, "vigil/FindingId", f.id());
        put(pf, "vigil/RuleId", f.rule().id());
        put(pf, "vigil/RiskScore", Integer.toString(e.riskScore()));
        put(pf, "vigil/OriginProduct", e.origin().product());
        put(pf, "vigil/OriginFindingId", e.origin().productFindingId());
        put(pf, "vigil/OriginFormat", e.origin().format());
        put(pf, "vigil/Principal", f.principal());
        put(pf, "vigil/Attack", String.join(",", f.rule().attack()));
        for (Map.Entry<String, String> k : f.keys().entrySet()) {
            put(pf, "vigil/Keys/" + k.getKey(), k.getValue());
        }
        return pf;
    }

    private static void put(Map<String, String> pf, String key, String value) {
        if (value.isEmpty() || pf.size() >= MAX_PRODUCT_FIELDS) {
            return;
        }
        pf.putIfAbsent(fieldKey(key), clip(value, MAX_PRODUCT_FIELD_VALUE));
    }

    /** A key within 128 characters; a longer one is cut and given a hash of the whole, so distinct keys stay distinct. */
    static String fieldKey(String key) {
        if (key.length() <= MAX_PRODUCT_FIELD_KEY) {
            return key;
        }
        String hash = String.format("%08x", key.hashCode());
        int end = MAX_PRODUCT_FIELD_KEY - hash.length() - 1;
        if (Character.isHighSurrogate(key.charAt(end - 1))) {
            end--;
        }
        return key.substring(0, end) + "~" + hash;
    }

    /** The affected resource (or the account when none is known), and the acting principal when it is an ARN. */
    private static void writeResources(JsonGenerator g, Finding f, AsffTarget target) throws IOException {
        String region = isRegion(f.region()) ? f.region() : target.region();
        g.writeArrayFieldStart("Resources");
        String id = f.resource().isBlank() ? "AWS::::Account:" + f.account() : f.resource();
        writeResource(g, id, region, target, "Target");
        if (f.principal().startsWith("arn:") && !f.principal().equals(id)) {
            writeResource(g, f.principal(), region, target, "Actor");
        }
        g.writeEndArray();
    }

    private static void writeResource(JsonGenerator g, String id, String region, AsffTarget target, String role)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("Type", AwsResourceTypes.of(id));
        g.writeStringField("Id", clip(id, MAX_ID));
        g.writeStringField("Partition", AwsResourceTypes.partition(id, target.partition()));
        g.writeStringField("Region", region);
        g.writeStringField("ResourceRole", role);
        g.writeEndObject();
    }

    private static void writeStrings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    /** Cuts text to {@code max} characters, ending with a marker, without splitting a surrogate pair. */
    static String clip(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = max - CUT_MARKER.length();
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + CUT_MARKER;
    }
}
