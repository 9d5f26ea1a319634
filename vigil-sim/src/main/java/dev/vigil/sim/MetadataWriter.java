package dev.vigil.sim;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Writes the two sidecar descriptions of a simulation: {@code estate.json} (the organisation) and
 * {@code scenarios.json} (what was injected). Both are pretty-printed for people to read.
 */
final class MetadataWriter {

    private MetadataWriter() {
    }

    static void writeScenarios(Path file, long seed, Instant start, Instant end, List<Scenario> scenarios) {
        write(file, g -> {
            g.writeStartObject();
            g.writeNumberField("seed", seed);
            g.writeStringField("timelineStart", start.toString());
            g.writeStringField("timelineEnd", end.toString());
            g.writeArrayFieldStart("scenarios");
            for (Scenario s : scenarios) {
                g.writeStartObject();
                g.writeStringField("id", s.id());
                g.writeStringField("title", s.title());
                g.writeStringField("description", s.description());
                g.writeBooleanField("malicious", s.malicious());
                g.writeStringField("account", s.account());
                strings(g, "principals", s.principals());
                strings(g, "sourceIps", s.sourceIps());
                g.writeStringField("start", s.start().toString());
                g.writeStringField("end", s.end().toString());
                g.writeNumberField("events", s.events());
                g.writeArrayFieldStart("steps");
                for (Scenario.Step step : s.steps()) {
                    g.writeStartObject();
                    g.writeStringField("name", step.name());
                    g.writeStringField("description", step.description());
                    g.writeNumberField("events", step.events());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    static void writeEstate(Path file, Estate estate) {
        write(file, g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("organization");
            g.writeStringField("id", estate.orgId());
            g.writeStringField("name", estate.name());
            g.writeStringField("managementAccountId", estate.account("management").id());
            g.writeEndObject();
            g.writeStringField("homeRegion", Estate.HOME_REGION);
            strings(g, "regions", estate.regions());
            g.writeArrayFieldStart("accounts");
            for (Estate.Account a : estate.accounts()) {
                g.writeStartObject();
                g.writeStringField("id", a.id());
                g.writeStringField("name", a.name());
                g.writeStringField("role", a.role());
                g.writeStringField("email", a.email());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("network");
            g.writeStringField("corporateCidr", "198.51.100.0/24");
            strings(g, "corporateEgressIps", estate.corporateIps());
            g.writeStringField("cloudEgressCidr", "192.0.2.0/24");
            g.writeStringField("note", "All addresses are from the RFC 5737 documentation ranges; attackers use "
                    + "203.0.113.0/24.");
            g.writeEndObject();
            g.writeArrayFieldStart("trails");
            for (Estate.Trail t : estate.trails()) {
                g.writeStartObject();
                g.writeStringField("name", t.name());
                g.writeStringField("arn", t.arn());
                g.writeStringField("account", t.account().id());
                g.writeStringField("homeRegion", t.region());
                g.writeBooleanField("organizationTrail", t.organization());
                g.writeBooleanField("multiRegion", true);
                g.writeStringField("s3Bucket", t.bucket());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("buckets");
            for (Estate.Bucket b : estate.buckets()) {
                g.writeStartObject();
                g.writeStringField("name", b.name());
                g.writeStringField("account", b.account().id());
                g.writeStringField("region", b.region());
                g.writeBooleanField("sensitive", b.sensitive());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("workloads");
            for (Estate.Workload w : estate.workloads()) {
                g.writeStartObject();
                g.writeStringField("name", w.name());
                g.writeStringField("kind", w.kind() == Estate.WorkloadKind.LAMBDA ? "lambda" : "ecs-service");
                g.writeStringField("account", w.account().id());
                g.writeStringField("region", w.region());
                g.writeStringField("bucket", w.bucket().name());
                g.writeStringField("kmsKeyArn", w.kmsKeyArn());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("principals");
            for (Principal p : estate.principals()) {
                g.writeStartObject();
                g.writeStringField("kind", p.kind().label);
                if (!p.kind().identityType.isEmpty()) {
                    g.writeStringField("identityType", p.kind().identityType);
                }
                g.writeStringField("account", p.accountId());
                g.writeStringField("name", p.name());
                if (p.arn() != null) {
                    g.writeStringField("arn", p.arn());
                }
                if (p.kind() == Principal.Kind.SSO_USER) {
                    g.writeStringField("sessionName", p.sessionName());
                }
                if (p.accessKeyId() != null) {
                    g.writeStringField("accessKeyId", p.accessKeyId());
                }
                if (p.kind() == Principal.Kind.IAM_USER || p.kind() == Principal.Kind.ROOT) {
                    g.writeBooleanField("mfa", p.mfa());
                }
                if (p.invokedBy() != null) {
                    g.writeStringField("invokedBy", p.invokedBy());
                }
                Principal.Behaviour b = p.behaviour();
                g.writeBooleanField("benignActivity", b.weight() > 0);
                if (b.weight() > 0) {
                    g.writeStringField("activeHours", b.workHours() ? "08:00-18:00 UTC" : "always");
                    strings(g, "regions", b.regions());
                    strings(g, "sourceIps", b.sourceIps());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static void write(Path file, Body body) {
        try (OutputStream out = Files.newOutputStream(file);
             JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            body.write(g);
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
        }
    }
}
