package dev.vigil.posture.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.model.Finding;
import dev.vigil.model.Severity;
import dev.vigil.posture.check.CheckMetadata;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.framework.Framework;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes posture results as OCSF Compliance Findings (class 2003, OCSF 1.3.0: the first version with
 * {@code resources[]} on this class), one JSON object per line, to {@code DIR/findings.ocsf.jsonl}.
 *
 * <p>Every FAIL is written, as a finding with {@code status_id} 1 (New) and {@code compliance.status_id} 3 (Fail).
 * With {@link Options#includePassed()} every PASS is written too, with {@code status_id} 4 (Resolved),
 * {@code compliance.status_id} 1 (Pass) and Informational severity, so a consumer that saw the failure can close
 * it — the way Security Hub resolves a control finding that passes. ERROR, MANUAL and NOT_APPLICABLE are never
 * written: not knowing is not a finding.
 *
 * <p>{@code finding_info.uid} is stable across runs: the same id the finding store gives the failure
 * ({@link Finding#idFor} of the check id with the account, region and resource), so re-running updates rather than
 * duplicates. {@code finding_info.analytic.uid} and {@code compliance.control} carry the check id;
 * {@code compliance.requirements} the framework requirements mapping it as {@code FRAMEWORK-ID/REQUIREMENT-ID};
 * {@code compliance.standards} those frameworks' display names. All strings go through Jackson's encoder, so
 * attacker-chosen names cannot break the line structure.
 */
public final class ComplianceFindingWriter {

    public static final String FILE_NAME = "findings.ocsf.jsonl";
    public static final String OCSF_VERSION = "1.3.0";
    /** The standard named when no framework maps the check (OCSF 1.1 requires at least one). */
    static final String CATALOGUE_STANDARD = "Vigil posture checks";

    private static final JsonFactory JSON = new JsonFactory();

    /**
     * @param includePassed  also write PASS results as resolved findings
     * @param productVersion Vigil's version, for {@code metadata.product.version}
     */
    public record Options(boolean includePassed, String productVersion) {
        public Options {
            Objects.requireNonNull(productVersion, "productVersion");
        }
    }

    private final List<Framework> frameworks;
    private final Map<String, CheckMetadata> catalogue = new HashMap<>();
    private final Instant now;
    private final Options options;

    /**
     * @param frameworks the frameworks whose requirements are named in {@code compliance}
     * @param catalogue  metadata of the checks run (titles, severities, remediation)
     * @param now        the evaluation time ({@code Estate.now}), written as {@code time}
     */
    public ComplianceFindingWriter(Collection<Framework> frameworks, Collection<CheckMetadata> catalogue, Instant now,
                                   Options options) {
        this.frameworks = List.copyOf(frameworks);
        catalogue.forEach(m -> this.catalogue.put(m.id(), m));
        this.now = Objects.requireNonNull(now, "now");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Writes {@code DIR/findings.ocsf.jsonl} (creating DIR, replacing the file).
     *
     * @return the number of findings written
     */
    public int writeTo(Path dir, List<CheckResult> results) throws IOException {
        Files.createDirectories(dir);
        try (Writer w = Files.newBufferedWriter(dir.resolve(FILE_NAME), StandardCharsets.UTF_8)) {
            return write(results, w);
        }
    }

    /** Writes one line per FAIL (and PASS, when asked) in input order; returns how many. */
    public int write(List<CheckResult> results, Writer out) throws IOException {
        int n = 0;
        for (CheckResult r : results) {
            if (r.status() == CheckStatus.FAIL || (options.includePassed() && r.status() == CheckStatus.PASS)) {
                out.write(toJson(r));
                out.write('\n');
                n++;
            }
        }
        out.flush();
        return n;
    }

    /** The stable finding id of a result: the finding store's id for the same failure. */
    public static String findingUid(CheckResult r) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("account", r.account());
        keys.put("region", r.region());
        keys.put("resource", r.resource());
        return Finding.idFor(r.checkId(), keys);
    }

    /** One result as a single OCSF JSON line (no newline). */
    String toJson(CheckResult r) {
        StringWriter sw = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(sw)) {
            finding(g, r);
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        return sw.toString();
    }

    private void finding(JsonGenerator g, CheckResult r) throws IOException {
        CheckMetadata meta = catalogue.get(r.checkId());
        boolean pass = r.status() == CheckStatus.PASS;
        Severity severity = pass ? Severity.INFORMATIONAL : meta == null ? Severity.MEDIUM : meta.severity();
        String title = meta == null ? r.checkId() : meta.title();
        String uid = findingUid(r);

        g.writeStartObject();
        g.writeNumberField("activity_id", 1);
        g.writeStringField("activity_name", "Create");
        g.writeNumberField("category_uid", 2);
        g.writeStringField("category_name", "Findings");
        g.writeNumberField("class_uid", 2003);
        g.writeStringField("class_name", "Compliance Finding");
        g.writeNumberField("type_uid", 200301);
        g.writeStringField("type_name", "Compliance Finding: Create");
        g.writeNumberField("severity_id", severity.ocsfId());
        g.writeStringField("severity", severity.caption());
        g.writeNumberField("status_id", pass ? 4 : 1);
        g.writeStringField("status", pass ? "Resolved" : "New");
        g.writeNumberField("time", now.toEpochMilli());
        g.writeStringField("time_dt", now.toString());
        g.writeStringField("message", r.reason());

        g.writeObjectFieldStart("metadata");
        g.writeStringField("version", OCSF_VERSION);
        g.writeStringField("uid", uid);
        g.writeArrayFieldStart("profiles");
        g.writeString("cloud");
        g.writeString("datetime");
        g.writeEndArray();
        g.writeObjectFieldStart("product");
        g.writeStringField("name", "Vigil");
        g.writeStringField("vendor_name", "Vigil");
        g.writeStringField("version", options.productVersion());
        g.writeObjectFieldStart("feature");
        g.writeStringField("name", "posture");
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();

        g.writeObjectFieldStart("finding_info");
        g.writeStringField("uid", uid);
        g.writeStringField("title", title);
        if (meta != null) {
            g.writeStringField("desc", meta.rationale());
        }
        g.writeArrayFieldStart("types");
        g.writeString("Software and Configuration Checks/Industry and Regulatory Standards"
                + (meta == null ? "" : "/" + meta.section()));
        g.writeEndArray();
        g.writeObjectFieldStart("analytic");
        g.writeStringField("uid", r.checkId());
        g.writeStringField("name", title);
        g.writeNumberField("type_id", 1);
        g.writeStringField("type", "Rule");
        g.writeEndObject();
        g.writeEndObject();

        compliance(g, r, pass);
        if (meta != null) {
            g.writeObjectFieldStart("remediation");
            g.writeStringField("desc", meta.remediation().summary());
            g.writeEndObject();
        }

        g.writeArrayFieldStart("resources");
        g.writeStartObject();
        g.writeStringField("uid", r.resource());
        if (!r.resourceType().isEmpty()) {
            g.writeStringField("type", r.resourceType());
        }
        if (!r.region().isEmpty()) {
            g.writeStringField("region", r.region());
        }
        String partition = partition(r.resource());
        if (!partition.isEmpty()) {
            g.writeStringField("cloud_partition", partition);
        }
        if (!r.account().isEmpty()) {
            g.writeObjectFieldStart("owner");
            g.writeObjectFieldStart("account");
            g.writeStringField("uid", r.account());
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeEndArray();

        g.writeObjectFieldStart("cloud");
        g.writeStringField("provider", "AWS");
        if (!r.region().isEmpty()) {
            g.writeStringField("region", r.region());
        }
        if (!r.account().isEmpty()) {
            g.writeObjectFieldStart("account");
            g.writeStringField("uid", r.account());
            g.writeNumberField("type_id", 10);
            g.writeStringField("type", "AWS Account");
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private void compliance(JsonGenerator g, CheckResult r, boolean pass) throws IOException {
        List<String> standards = new ArrayList<>();
        List<String> requirements = new ArrayList<>();
        for (Framework f : frameworks) {
            List<String> ids = f.requirementsOf(r.checkId());
            if (!ids.isEmpty()) {
                standards.add(f.displayName());
                ids.forEach(id -> requirements.add(f.id() + "/" + id));
            }
        }
        if (standards.isEmpty()) {
            standards.add(CATALOGUE_STANDARD);
        }
        g.writeObjectFieldStart("compliance");
        g.writeStringField("control", r.checkId());
        g.writeArrayFieldStart("standards");
        for (String s : standards) {
            g.writeString(s);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("requirements");
        for (String s : requirements) {
            g.writeString(s);
        }
        g.writeEndArray();
        g.writeNumberField("status_id", pass ? 1 : 3);
        g.writeStringField("status", pass ? "Pass" : "Fail");
        g.writeStringField("status_code", r.status().name());
        g.writeStringField("status_detail", r.reason());
        g.writeEndObject();
    }

    /** The ARN's partition ({@code aws}, {@code aws-cn}, {@code aws-us-gov}), or empty for a non-ARN resource. */
    static String partition(String resource) {
        if (!resource.startsWith("arn:")) {
            return "";
        }
        int end = resource.indexOf(':', 4);
        String p = end > 4 ? resource.substring(4, end) : "";
        return p.matches("aws(-[a-z]+)*") ? p : "";
    }
}
