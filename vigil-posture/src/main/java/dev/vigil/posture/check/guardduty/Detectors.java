package dev.vigil.posture.check.guardduty;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.Exported;
import dev.vigil.posture.inventory.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the GuardDuty detector of one account and region: {@code guardduty list-detectors} names it (at most one
 * per region), {@code guardduty get-detector.<id>} describes it. AWS::GuardDuty::Detector Config items stand in when
 * list-detectors was not exported.
 */
final class Detectors {

    /** What the data says about one account/region. */
    sealed interface Lookup {
        /** list-detectors is missing or failed, and no Config item stands in. */
        record Unavailable(Exported exported) implements Lookup {
        }

        /** list-detectors answered with no detector. */
        record None() implements Lookup {
        }

        /** A detector, with its get-detector export (or a Config item's configuration, wrapped as Present). */
        record Found(String id, Exported detail) implements Lookup {
        }
    }

    private Detectors() {
    }

    static Lookup lookup(Estate estate, String account, String region) {
        Exported listed = Exported.lookup(estate, account, region, "guardduty", "list-detectors");
        if (listed instanceof Exported.Present p) {
            List<String> ids = new ArrayList<>();
            p.body().path("DetectorIds").forEach(id -> { if (id.isTextual() && !id.asText().isBlank()) ids.add(id.asText()); });
            if (ids.isEmpty()) {
                return new Lookup.None();
            }
            String id = ids.get(0);
            return new Lookup.Found(id, Exported.lookup(estate, account, region, "guardduty", "get-detector", id));
        }
        Optional<Resource> item = estate.inventory().ofType("AWS::GuardDuty::Detector", account)
                .filter(r -> r.region().equals(region)).findFirst();
        if (item.isPresent()) {
            Exported detail = Exported.lookup(estate, account, region, "guardduty", "get-detector", item.get().id());
            if (detail instanceof Exported.Missing) {
                detail = new Exported.Present(fromConfigItem(item.get().configuration()), item.get().source());
            }
            return new Lookup.Found(item.get().id(), detail);
        }
        return new Lookup.Unavailable(listed);
    }

    /** A CloudFormation-style detector item in get-detector's shape (Enable → Status; legacy DataSources). */
    private static JsonNode fromConfigItem(JsonNode c) {
        var out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        out.put("Status", text(c.path("Enable")).equalsIgnoreCase("true") ? "ENABLED" : "DISABLED");
        var sources = out.putObject("DataSources");
        // Only what the item states: an absent flag must read "not reported", never "disabled".
        JsonNode s3 = c.path("DataSources").path("S3Logs").path("Enable");
        if (s3.isValueNode()) {
            sources.putObject("S3Logs").put("Status", enabled(s3));
        }
        JsonNode eks = c.path("DataSources").path("Kubernetes").path("AuditLogs").path("Enable");
        if (eks.isValueNode()) {
            sources.putObject("Kubernetes").putObject("AuditLogs").put("Status", enabled(eks));
        }
        if (c.path("Features").isArray()) {
            out.set("Features", c.path("Features"));
        }
        return out;
    }

    private static String enabled(JsonNode flag) {
        return text(flag).equalsIgnoreCase("true") ? "ENABLED" : "DISABLED";
    }

    static String text(JsonNode node) {
        return node != null && node.isValueNode() && !node.isNull() ? node.asText().strip() : "";
    }
}
