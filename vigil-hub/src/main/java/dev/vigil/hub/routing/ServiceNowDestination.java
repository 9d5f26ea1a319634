package dev.vigil.hub.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.model.Severity;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Opens and resolves ServiceNow incidents through the Table API ({@code /api/now/table/incident}).
 *
 * <ul>
 *   <li>CREATED, REOPENED (and ESCALATED for a finding without an incident here): first queries for an incident
 *       whose {@code correlation_id} is the change's idempotency key; only when none exists is one created, with
 *       short_description, description, urgency and impact from the severity, and that correlation_id. A crash
 *       between ServiceNow creating it and the outbox marking the row therefore never yields a second incident.</li>
 *   <li>ESCALATED with an incident: PATCHes urgency and impact and adds a work note (a PATCH can be repeated
 *       safely).</li>
 *   <li>RESOLVED: PATCHes the incident to the configured resolved state (default 6) with close code and notes.</li>
 * </ul>
 * Severity to urgency/impact (1 high … 3 low): critical 1/1, high 1/2, medium 2/2, low and informational 3/3.
 */
record ServiceNowDestination(String name, URI baseUrl, HttpAuth auth, String resolvedState, String closeCode)
        implements Destination {

    private static final Pattern SYS_ID = Pattern.compile("[0-9a-f]{32}");
    private static final String TABLE = "/api/now/table/incident";
    private static final int SHORT_MAX = 160;

    @Override
    public DeliveryReceipt deliver(OutboxEntry entry, DeliveryContext context) throws DeliveryException {
        Notification n = entry.notification();
        return switch (n.kind()) {
            case CREATED, REOPENED -> openIncident(entry, context);
            case ESCALATED -> {
                Optional<String> incident = existingIncident(entry, context);
                yield incident.isPresent() ? escalate(incident.get(), entry, context) : openIncident(entry, context);
            }
            case RESOLVED -> {
                Optional<String> incident = existingIncident(entry, context);
                yield incident.isPresent() ? resolve(incident.get(), entry, context)
                        : new DeliveryReceipt(null, "no ServiceNow incident of this finding to resolve");
            }
        };
    }

    private DeliveryReceipt openIncident(OutboxEntry entry, DeliveryContext context) throws DeliveryException {
        String query = "?sysparm_query=" + URLEncoder.encode("correlation_id=" + entry.key(), StandardCharsets.UTF_8)
                + "&sysparm_fields=sys_id,number&sysparm_limit=1";
        JsonNode found = parse(context.http().send(name + ": query incidents",
                authorised(context.http().request(uri(TABLE + query))).GET().build()), "query incidents");
        JsonNode first = found.path("result").path(0);
        if (!first.isMissingNode()) {
            String sysId = checkedSysId(first.path("sys_id").asText(""), "query incidents");
            return new DeliveryReceipt(sysId, "found incident " + TicketText.oneLine(first.path("number").asText(""), 40)
                    + " from an earlier attempt");
        }
        Notification n = entry.notification();
        ObjectNode body = NotificationJson.MAPPER.createObjectNode();
        body.put("short_description", TicketText.oneLine("[Vigil " + n.severity().caption() + "] " + n.title(),
                SHORT_MAX));
        body.put("description", TicketText.body(n, entry.key()));
        body.put("urgency", urgency(n.severity()));
        body.put("impact", impact(n.severity()));
        body.put("correlation_id", entry.key());
        body.put("correlation_display", "Vigil");
        JsonNode created = parse(context.http().send(name + ": create incident",
                authorised(context.http().request(uri(TABLE)))
                        .header("Content-Type", "application/json")
                        .POST(HttpCalls.json(body.toString())).build()), "create incident");
        return new DeliveryReceipt(checkedSysId(created.path("result").path("sys_id").asText(""), "create incident"),
                null);
    }

    private DeliveryReceipt escalate(String sysId, OutboxEntry entry, DeliveryContext context)
            throws DeliveryException {
        Notification n = entry.notification();
        ObjectNode body = NotificationJson.MAPPER.createObjectNode();
        body.put("urgency", urgency(n.severity()));
        body.put("impact", impact(n.severity()));
        body.put("work_notes", "Vigil: escalated to " + n.severity().caption() + " at " + n.changedAt()
                + " (" + entry.key() + ")");
        patch(sysId, body, "escalate incident", context);
        return new DeliveryReceipt(sysId, null);
    }

    private DeliveryReceipt resolve(String sysId, OutboxEntry entry, DeliveryContext context)
            throws DeliveryException {
        Notification n = entry.notification();
        ObjectNode body = NotificationJson.MAPPER.createObjectNode();
        body.put("state", resolvedState);
        body.put("close_code", closeCode);
        body.put("close_notes", "Resolved in Vigil at " + n.changedAt() + " (finding "
                + TicketText.oneLine(n.findingId(), 200) + ", " + entry.key() + ")");
        patch(sysId, body, "resolve incident", context);
        return new DeliveryReceipt(sysId, null);
    }

    private void patch(String sysId, ObjectNode body, String what, DeliveryContext context) throws DeliveryException {
        context.http().send(name + ": " + what + " " + sysId,
                authorised(context.http().request(uri(TABLE + "/" + sysId)))
                        .header("Content-Type", "application/json")
                        .method("PATCH", HttpCalls.json(body.toString())).build());
    }

    private Optional<String> existingIncident(OutboxEntry entry, DeliveryContext context) throws DeliveryException {
        if (context.tickets().earlierPending(entry)) {
            throw DeliveryException.retry(name + ": an earlier change of finding " + entry.notification().findingId()
                    + " has not been delivered yet; waiting for its incident");
        }
        return context.tickets().latestTicket(name, entry.notification().findingId());
    }

    static String urgency(Severity s) {
        return switch (s) {
            case CRITICAL, HIGH -> "1";
            case MEDIUM -> "2";
            case LOW, INFORMATIONAL -> "3";
        };
    }

    static String impact(Severity s) {
        return switch (s) {
            case CRITICAL -> "1";
            case HIGH, MEDIUM -> "2";
            case LOW, INFORMATIONAL -> "3";
        };
    }

    private HttpRequest.Builder authorised(HttpRequest.Builder request) {
        return request.header("Authorization", auth.header()).header("Accept", "application/json");
    }

    private URI uri(String pathAndQuery) {
        return URI.create(baseUrl.toString() + pathAndQuery);
    }

    private String checkedSysId(String sysId, String what) throws DeliveryException {
        // The sys_id goes into URL paths later: accept only ServiceNow's 32 hex digits.
        if (!SYS_ID.matcher(sysId).matches()) {
            throw DeliveryException.permanent(name + ": " + what + ": ServiceNow answered with sys_id '"
                    + TicketText.oneLine(sysId, 40) + "', which is not 32 hex digits");
        }
        return sysId;
    }

    private JsonNode parse(String answer, String what) throws DeliveryException {
        try {
            return NotificationJson.MAPPER.readTree(answer);
        } catch (JsonProcessingException e) {
            throw DeliveryException.retry(name + ": " + what + ": ServiceNow's answer is not JSON: "
                    + e.getOriginalMessage());
        }
    }

    @Override
    public String toString() {
        return "ServiceNowDestination[name=" + name + ", baseUrl=" + baseUrl + "]";
    }
}
