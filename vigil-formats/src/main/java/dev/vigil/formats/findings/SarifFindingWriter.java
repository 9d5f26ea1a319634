package dev.vigil.formats.findings;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.model.DetectionInfo;
import dev.vigil.model.Finding;
import dev.vigil.model.Severity;
import dev.vigil.model.Workflow;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes findings as one SARIF 2.1.0 run for CI systems (GitHub code scanning, GitLab, Azure DevOps).
 *
 * <p>Each finding is a result whose {@code ruleId} is the detection (or imported finding type), whose level follows
 * severity (critical/high → error, medium → warning, low/informational → note), and whose
 * {@code partialFingerprints."vigilFindingId/v1"} is the stable finding id, so CI de-duplicates across runs. AWS
 * resources and accounts are logical locations; a physical location is given only when the finding came from a
 * file Vigil read. Suppressed findings carry an external, accepted suppression; resolved ones are results of kind
 * {@code pass}.
 *
 * <p>Results are streamed; the rules seen are collected and written in {@code tool.driver.rules} after the results
 * (member order does not matter in JSON), each result pointing at its rule by {@code ruleIndex}.
 */
public final class SarifFindingWriter implements FindingExportWriter {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String FINGERPRINT = "vigilFindingId/v1";
    private static final JsonFactory JSON = new JsonFactory();

    private final JsonGenerator g;
    private final String productVersion;
    private final Map<String, RuleEntry> rules = new LinkedHashMap<>();
    private long written;

    private record RuleEntry(int index, DetectionInfo rule) {
    }

    public SarifFindingWriter(OutputStream out, String productVersion) throws IOException {
        this.g = JSON.createGenerator(out, JsonEncoding.UTF8);
        this.productVersion = productVersion;
        g.writeStartObject();
        g.writeStringField("$schema", SCHEMA);
        g.writeStringField("version", "2.1.0");
        g.writeArrayFieldStart("runs");
        g.writeStartObject();
        g.writeArrayFieldStart("results");
    }

    static String level(Severity s) {
        return switch (s) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFORMATIONAL -> "note";
        };
    }

    /** GitHub's security-severity scale (0–10) for a Vigil severity. */
    static String securitySeverity(Severity s) {
        return switch (s) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "3.0";
            case INFORMATIONAL -> "0.0";
        };
    }

    @Override
    public boolean write(ExportableFinding e) throws IOException {
        Finding f = e.finding();
        RuleEntry rule = rules.computeIfAbsent(f.rule().id(), id -> new RuleEntry(rules.size(), f.rule()));
        g.writeStartObject();
        g.writeStringField("ruleId", f.rule().id());
        g.writeNumberField("ruleIndex", rule.index());
        if (e.workflow() == Workflow.RESOLVED) {
            g.writeStringField("kind", "pass");
            g.writeStringField("level", "none");
        } else {
            g.writeStringField("kind", "fail");
            g.writeStringField("level", level(f.severity()));
        }
        g.writeObjectFieldStart("message");
        g.writeStringField("text", message(f));
        g.writeEndObject();
        writeLocations(e);
        g.writeObjectFieldStart("partialFingerprints");
        g.writeStringField(FINGERPRINT, f.id());
        g.writeEndObject();
        if (e.workflow() == Workflow.SUPPRESSED) {
            g.writeArrayFieldStart("suppressions");
            g.writeStartObject();
            g.writeStringField("kind", "external");
            g.writeStringField("status", "accepted");
            g.writeStringField("justification", "suppressed in the Vigil findings hub");
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeObjectFieldStart("properties");
        g.writeStringField("severity", f.severity().name());
        g.writeNumberField("riskScore", e.riskScore());
        g.writeStringField("workflow", e.workflow().name());
        g.writeStringField("recordState", e.recordState().name());
        g.writeStringField("product", e.origin().product());
        g.writeStringField("productFindingId", e.origin().productFindingId());
        g.writeNumberField("count", f.count());
        g.writeStringField("firstSeen", f.firstSeen().toString());
        g.writeStringField("lastSeen", f.lastSeen().toString());
        g.writeEndObject();
        g.writeEndObject();
        written++;
        return true;
    }

    private static String message(Finding f) {
        StringBuilder b = new StringBuilder(f.rule().title());
        if (!f.account().isEmpty()) {
            b.append(" Account ").append(f.account());
            if (!f.region().isEmpty()) {
                b.append(", region ").append(f.region());
            }
            b.append('.');
        }
        if (!f.principal().isEmpty()) {
            b.append(" Principal: ").append(f.principal()).append('.');
        }
        if (!f.resource().isEmpty()) {
            b.append(" Resource: ").append(f.resource()).append('.');
        }
        return b.toString();
    }

    private void writeLocations(ExportableFinding e) throws IOException {
        Finding f = e.finding();
        FileLine file = FileLine.of(e.origin().location().isEmpty() && !f.evidence().isEmpty()
                ? f.evidence().get(0).origin() : e.origin().location());
        boolean anyLogical = !f.resource().isEmpty() || !f.account().isEmpty();
        if (!anyLogical && file == null) {
            return;
        }
        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        if (file != null) {
            g.writeObjectFieldStart("physicalLocation");
            g.writeObjectFieldStart("artifactLocation");
            g.writeStringField("uri", file.uri());
            g.writeEndObject();
            if (file.line() > 0) {
                g.writeObjectFieldStart("region");
                g.writeNumberField("startLine", file.line());
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        if (anyLogical) {
            g.writeArrayFieldStart("logicalLocations");
            if (!f.resource().isEmpty()) {
                g.writeStartObject();
                g.writeStringField("name", f.resource());
                g.writeStringField("fullyQualifiedName", f.resource());
                g.writeStringField("kind", "resource");
                g.writeEndObject();
            }
            if (!f.account().isEmpty()) {
                String fq = "aws/" + f.account() + (f.region().isEmpty() ? "" : "/" + f.region());
                g.writeStartObject();
                g.writeStringField("name", f.account());
                g.writeStringField("fullyQualifiedName", fq);
                g.writeStringField("kind", "namespace");
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeEndArray();
    }

    /** A file and line from a location such as {@code logs/a.jsonl#line 12}; line 0 when not a line. */
    record FileLine(String uri, long line) {
        static FileLine of(String location) {
            if (location.isEmpty()) {
                return null;
            }
            int hash = location.lastIndexOf('#');
            String file = hash < 0 ? location : location.substring(0, hash);
            String pos = hash < 0 ? "" : location.substring(hash + 1);
            if (file.isBlank()) {
                return null;
            }
            long line = 0;
            if (pos.startsWith("line ")) {
                String digits = pos.substring(5).split(" ", 2)[0];
                try {
                    line = Long.parseLong(digits);
                } catch (NumberFormatException e) {
                    line = 0;
                }
            }
            String uri = toUri(file);
            return uri == null ? null : new FileLine(uri, line);
        }

        private static String toUri(String file) {
            try {
                Path p = Path.of(file);
                if (p.isAbsolute()) {
                    return p.toUri().toASCIIString();
                }
                return new URI(null, null, file.replace('\\', '/'), null).toASCIIString();
            } catch (InvalidPathException | URISyntaxException e) {
                return null;
            }
        }
    }

    @Override
    public long written() {
        return written;
    }

    @Override
    public void close() throws IOException {
        g.writeEndArray(); // results
        g.writeObjectFieldStart("tool");
        g.writeObjectFieldStart("driver");
        g.writeStringField("name", "Vigil");
        g.writeStringField("version", productVersion);
        g.writeArrayFieldStart("rules");
        for (RuleEntry r : rules.values()) {
            writeRule(r.rule());
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject(); // run
        g.writeEndArray(); // runs
        g.writeEndObject();
        g.writeRaw('\n');
        g.close();
    }

    private void writeRule(DetectionInfo r) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", r.id());
        g.writeStringField("name", r.title());
        g.writeObjectFieldStart("shortDescription");
        g.writeStringField("text", r.title());
        g.writeEndObject();
        g.writeObjectFieldStart("fullDescription");
        g.writeStringField("text", r.description().isBlank() ? r.title() : r.description());
        g.writeEndObject();
        g.writeObjectFieldStart("help");
        g.writeStringField("text", (r.description().isBlank() ? r.title() : r.description())
                + " Severity: " + r.severity().caption() + "."
                + (r.attack().isEmpty() ? "" : " ATT&CK: " + String.join(", ", r.attack()) + "."));
        g.writeEndObject();
        g.writeObjectFieldStart("defaultConfiguration");
        g.writeStringField("level", level(r.severity()));
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeArrayFieldStart("tags");
        g.writeString("security");
        for (String t : r.types()) {
            g.writeString(t);
        }
        for (String t : r.attack()) {
            g.writeString(t);
        }
        g.writeEndArray();
        g.writeStringField("security-severity", securitySeverity(r.severity()));
        g.writeEndObject();
        g.writeEndObject();
    }
}
