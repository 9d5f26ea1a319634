package dev.vigil.formats.ocsf;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.model.Evidence;
import dev.vigil.model.Finding;
import dev.vigil.model.FindingOrigin;
import dev.vigil.model.RecordState;
import dev.vigil.model.Workflow;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Instant;
import java.util.Map;

/**
 * Writes findings as OCSF 1.1.0 Detection Findings (class 2004), one JSON object per line.
 *
 * <p>A finding imported from another product keeps that product as {@code metadata.product.name} and the product's
 * own id as {@code finding_info.uid}, so importing the output again gives the same Vigil finding id. Its workflow
 * status is OCSF's {@code status_id} (NEW 1 New, NOTIFIED 2 In Progress, SUPPRESSED 3 Suppressed, RESOLVED 4
 * Resolved); an archived record state, which OCSF 1.1 cannot say, is {@code unmapped.RecordState} as in AWS's
 * Security Hub mapping.
 *
 * <p>Traceability is in the standard fields: the rule in {@code finding_info.analytic.uid}, each triggering
 * CloudTrail record's {@code eventID} in {@code finding_info.related_events[].uid}. Vigil-specific facts (the
 * finding's key facts, the evidence origins) go under {@code unmapped}, as OCSF prescribes.
 */
public final class OcsfFindingWriter implements AutoCloseable {

    public static final String OCSF_VERSION = "1.1.0";
    private static final JsonFactory JSON = new JsonFactory();

    private final JsonGenerator gen;
    private final String productVersion;

    public OcsfFindingWriter(OutputStream out, String productVersion) throws IOException {
        this.gen = JSON.createGenerator(out, JsonEncoding.UTF8);
        this.gen.setRootValueSeparator(null);
        this.productVersion = productVersion;
    }

    private OcsfFindingWriter(Writer out, String productVersion) throws IOException {
        this.gen = JSON.createGenerator(out);
        this.gen.setRootValueSeparator(null);
        this.productVersion = productVersion;
    }

    /** One finding as a single OCSF JSON line (no trailing newline). */
    public static String toJson(Finding f, String productVersion) {
        return toJson(f, FindingOrigin.vigil(f), Workflow.NEW, RecordState.ACTIVE, productVersion);
    }

    /** One finding with its origin and state as a single OCSF JSON line (no trailing newline). */
    public static String toJson(Finding f, FindingOrigin origin, Workflow workflow, RecordState state,
                                String productVersion) {
        StringWriter sw = new StringWriter();
        try (OcsfFindingWriter w = new OcsfFindingWriter(sw, productVersion)) {
            w.writeObject(f, origin, workflow, state);
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        return sw.toString();
    }

    /** Writes one finding followed by a newline. */
    public void write(Finding f) throws IOException {
        write(f, FindingOrigin.vigil(f), Workflow.NEW, RecordState.ACTIVE);
    }

    /** Writes one finding, as its origin reported it and in the given workflow and record state, and a newline. */
    public void write(Finding f, FindingOrigin origin, Workflow workflow, RecordState state) throws IOException {
        writeObject(f, origin, workflow, state);
        gen.writeRaw('\n');
    }

    /** OCSF status_id and caption for a Security Hub workflow status. */
    private static int statusId(Workflow w) {
        return switch (w) {
            case NEW -> 1;
            case NOTIFIED -> 2;
            case SUPPRESSED -> 3;
            case RESOLVED -> 4;
        };
    }

    private static String statusCaption(Workflow w) {
        return switch (w) {
            case NEW -> "New";
            case NOTIFIED -> "In Progress";
            case SUPPRESSED -> "Suppressed";
            case RESOLVED -> "Resolved";
        };
    }

    /** The vendor OCSF requires next to the product name; AWS for AWS's services. */
    private static String vendorOf(FindingOrigin origin) {
        if (origin.isVigil()) {
            return "Vigil";
        }
        return switch (origin.product()) {
            case "GuardDuty", "Security Hub", "Inspector", "Macie", "Config", "IAM Access Analyzer",
                 "Firewall Manager", "Health", "Systems Manager Patch Manager" -> "AWS";
            default -> origin.product();
        };
    }

    private void writeObject(Finding f, FindingOrigin origin, Workflow workflow, RecordState state)
            throws IOException {
        JsonGenerator g = gen;
        g.writeStartObject();
        g.writeNumberField("activity_id", 1);
        g.writeStringField("activity_name", "Create");
        g.writeNumberField("category_uid", 2);
        g.writeStringField("category_name", "Findings");
        g.writeNumberField("class_uid", 2004);
        g.writeStringField("class_name", "Detection Finding");
        g.writeNumberField("type_uid", 200401);
        g.writeStringField("type_name", "Detection Finding: Create");
        g.writeNumberField("severity_id", f.severity().ocsfId());
        g.writeStringField("severity", f.severity().caption());
        g.writeNumberField("status_id", statusId(workflow));
        g.writeStringField("status", statusCaption(workflow));
        g.writeNumberField("time", f.lastSeen().toEpochMilli());
        g.writeStringField("time_dt", f.lastSeen().toString());
        g.writeNumberField("start_time", f.firstSeen().toEpochMilli());
        g.writeStringField("start_time_dt", f.firstSeen().toString());
        g.writeNumberField("end_time", f.lastSeen().toEpochMilli());
        g.writeStringField("end_time_dt", f.lastSeen().toString());
        g.writeNumberField("count", f.count());
        g.writeStringField("message", f.rule().title());
        if (origin.confidence() != FindingOrigin.UNKNOWN_CONFIDENCE) {
            g.writeNumberField("confidence_score", origin.confidence());
        }

        g.writeObjectFieldStart("metadata");
        g.writeStringField("version", OCSF_VERSION);
        g.writeStringField("uid", f.id());
        g.writeArrayFieldStart("profiles");
        g.writeString("cloud");
        g.writeString("datetime");
        g.writeEndArray();
        g.writeObjectFieldStart("product");
        g.writeStringField("name", origin.isVigil() ? "Vigil" : origin.product());
        g.writeStringField("vendor_name", vendorOf(origin));
        if (origin.isVigil()) {
            g.writeStringField("version", productVersion);
        }
        g.writeEndObject();
        g.writeEndObject();

        g.writeObjectFieldStart("finding_info");
        g.writeStringField("uid", origin.isVigil() ? f.id() : origin.productFindingId());
        g.writeStringField("title", f.rule().title());
        g.writeStringField("desc", f.rule().description());
        g.writeArrayFieldStart("types");
        for (String t : f.rule().types()) {
            g.writeString(t);
        }
        g.writeEndArray();
        g.writeObjectFieldStart("analytic");
        g.writeStringField("uid", f.rule().id());
        g.writeStringField("name", f.rule().title());
        g.writeNumberField("type_id", 1);
        g.writeStringField("type", "Rule");
        g.writeEndObject();
        g.writeArrayFieldStart("attacks");
        for (String technique : f.rule().attack()) {
            g.writeStartObject();
            g.writeObjectFieldStart("technique");
            g.writeStringField("uid", technique);
            g.writeEndObject();
            g.writeStringField("version", "v16");
            g.writeEndObject();
        }
        g.writeEndArray();
        writeTime(g, "first_seen_time", f.firstSeen());
        writeTime(g, "last_seen_time", f.lastSeen());
        g.writeArrayFieldStart("related_events");
        for (Evidence e : f.evidence()) {
            if (e.isSummary()) {
                continue; // facts, not an event: under unmapped.vigil.summary
            }
            g.writeStartObject();
            if (e.eventId().isEmpty()) {
                // flow-log records have no id of their own; their place in the file names them
                g.writeStringField("uid", e.origin());
                g.writeStringField("product_uid", "aws:vpcflowlogs");
            } else {
                g.writeStringField("uid", e.eventId());
                g.writeStringField("product_uid", "aws:cloudtrail");
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();

        g.writeObjectFieldStart("cloud");
        g.writeStringField("provider", "AWS");
        if (!f.region().isEmpty()) {
            g.writeStringField("region", f.region());
        }
        if (!f.account().isEmpty()) {
            g.writeObjectFieldStart("account");
            g.writeStringField("uid", f.account());
            g.writeNumberField("type_id", 10);
            g.writeStringField("type", "AWS Account");
            g.writeEndObject();
        }
        g.writeEndObject();

        if (!f.resource().isEmpty()) {
            g.writeArrayFieldStart("resources");
            g.writeStartObject();
            g.writeStringField("uid", f.resource());
            if (!f.region().isEmpty()) {
                g.writeStringField("region", f.region());
            }
            g.writeEndObject();
            g.writeEndArray();
        }
        if (!f.principal().isEmpty()) {
            g.writeArrayFieldStart("evidences");
            g.writeStartObject();
            g.writeObjectFieldStart("actor");
            g.writeObjectFieldStart("user");
            g.writeStringField("uid", f.principal());
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
        }

        g.writeObjectFieldStart("unmapped");
        if (state == RecordState.ARCHIVED) {
            g.writeStringField("RecordState", state.name());
        }
        g.writeObjectFieldStart("vigil");
        g.writeObjectFieldStart("keys");
        for (Map.Entry<String, String> e : f.keys().entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeStringField("principal", f.principal());
        g.writeNumberField("evidence_kept", f.evidence().size());
        g.writeArrayFieldStart("evidence_origins");
        Evidence summary = null;
        for (Evidence e : f.evidence()) {
            if (e.isSummary()) {
                summary = e;
            } else {
                g.writeString(e.origin());
            }
        }
        g.writeEndArray();
        if (summary != null) {
            writeSummary(g, summary.rawJson());
        }
        g.writeEndObject();
        g.writeEndObject();

        g.writeEndObject();
    }

    /**
     * The facts a detection over many records decided on, as the object it wrote; text that is not a JSON object
     * (never expected) is kept as a string rather than breaking the line.
     */
    private static void writeSummary(JsonGenerator g, String json) throws IOException {
        com.fasterxml.jackson.databind.JsonNode node;
        try {
            node = SUMMARY_READER.readTree(json);
        } catch (IOException | RuntimeException e) {
            node = null;
        }
        if (node != null && node.isObject()) {
            g.writeFieldName("summary");
            SUMMARY_READER.writeTree(g, node);
        } else {
            g.writeStringField("summary", json);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper SUMMARY_READER =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private static void writeTime(JsonGenerator g, String name, Instant t) throws IOException {
        g.writeNumberField(name, t.toEpochMilli());
        g.writeStringField(name + "_dt", t.toString());
    }

    @Override
    public void close() throws IOException {
        gen.close();
    }
}
