package dev.vigil.hub.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.model.Severity;
import dev.vigil.model.Workflow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A notification as JSON: the form kept in the outbox's {@code payload} column and the {@code finding} part of the
 * webhook body. Times are ISO-8601 UTC strings, the severity its OCSF caption, the kind and workflow upper case.
 */
final class NotificationJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private NotificationJson() {
    }

    static ObjectNode toNode(Notification n) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("event", n.kind().name());
        o.put("finding_id", n.findingId());
        o.put("rule_id", n.ruleId());
        o.put("title", n.title());
        o.put("description", n.description());
        o.put("severity", n.severity().caption());
        o.put("severity_id", n.severity().ocsfId());
        ArrayNode types = o.putArray("types");
        n.types().forEach(types::add);
        o.put("account", n.account());
        o.put("region", n.region());
        o.put("principal", n.principal());
        o.put("resource", n.resource());
        o.put("first_seen", n.firstSeen().toString());
        o.put("last_seen", n.lastSeen().toString());
        o.put("count", n.count());
        o.put("product", n.product());
        o.put("risk_score", n.riskScore());
        o.put("risk_explanation", n.riskExplanation());
        o.put("workflow", n.workflow().name());
        o.put("changed_at", n.changedAt().toString());
        return o;
    }

    static String toJson(Notification n) {
        try {
            return MAPPER.writeValueAsString(toNode(n));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notification could not be written as JSON", e);
        }
    }

    /**
     * Reads back what {@link #toJson} wrote.
     *
     * @throws IllegalArgumentException when the text is not such a payload (a damaged outbox row)
     */
    static Notification fromJson(String json) {
        try {
            JsonNode o = MAPPER.readTree(json);
            List<String> types = new ArrayList<>();
            o.path("types").forEach(t -> types.add(t.asText()));
            return new Notification(
                    EventKind.valueOf(required(o, "event").asText()),
                    required(o, "finding_id").asText(),
                    o.path("rule_id").asText(), // absent in rows queued before it was added
                    o.path("title").asText(),
                    o.path("description").asText(),
                    Severity.fromOcsfId(required(o, "severity_id").asInt()),
                    types,
                    o.path("account").asText(),
                    o.path("region").asText(),
                    o.path("principal").asText(),
                    o.path("resource").asText(),
                    Instant.parse(required(o, "first_seen").asText()),
                    Instant.parse(required(o, "last_seen").asText()),
                    o.path("count").asLong(),
                    o.path("product").asText(),
                    o.path("risk_score").asInt(),
                    o.path("risk_explanation").asText(),
                    Workflow.valueOf(required(o, "workflow").asText()),
                    Instant.parse(required(o, "changed_at").asText()));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("not a stored notification: " + e.getMessage(), e);
        }
    }

    private static JsonNode required(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("field '" + field + "' is missing");
        }
        return v;
    }
}
