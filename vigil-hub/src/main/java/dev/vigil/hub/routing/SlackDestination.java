package dev.vigil.hub.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;

/**
 * Posts to a Slack incoming webhook: {@code {"text": fallback, "blocks": [...]}} with a section for the headline
 * and description, a fields section (account, region, principal, resource, product, risk), and a context line
 * (event, finding id, seen, count). Every value from the finding is escaped ({@link SlackText}).
 *
 * <p>Slack cannot de-duplicate: if Vigil crashes after Slack accepted a message and before the outbox recorded
 * it, the message is posted again on restart (at-least-once).
 */
record SlackDestination(String name, Secret url) implements Destination {

    // Slack allows 3000 characters in a section's text and 2000 in a field; these stay well inside both.
    private static final int TITLE_MAX = 300;
    private static final int DESCRIPTION_MAX = 2000;
    private static final int FIELD_MAX = 500;

    @Override
    public DeliveryReceipt deliver(OutboxEntry entry, DeliveryContext context) throws DeliveryException {
        String body;
        try {
            body = NotificationJson.MAPPER.writeValueAsString(message(entry.notification()));
        } catch (JsonProcessingException e) {
            throw DeliveryException.permanent(name + ": the Slack message could not be written: " + e.getMessage());
        }
        // The URL is the secret (anyone holding it can post), so it is kept out of error messages.
        var request = context.http().request(URI.create(url.value()))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpCalls.json(body))
                .build();
        context.http().send(name + ": Slack", request, "POST to the configured Slack webhook URL");
        return DeliveryReceipt.sent();
    }

    static ObjectNode message(Notification n) {
        String headline = verb(n.kind()) + " [" + n.severity().caption() + "] " + SlackText.escape(n.title(), TITLE_MAX);
        ObjectNode root = NotificationJson.MAPPER.createObjectNode();
        root.put("text", headline);
        ArrayNode blocks = root.putArray("blocks");
        String description = n.description().isEmpty() ? "" : "\n" + SlackText.escape(n.description(), DESCRIPTION_MAX);
        section(blocks).putObject("text").put("type", "mrkdwn").put("text",
                "*" + headline + "*" + description);
        ObjectNode fields = section(blocks);
        ArrayNode list = fields.putArray("fields");
        field(list, "Account", n.account());
        field(list, "Region", n.region());
        field(list, "Principal", n.principal());
        field(list, "Resource", n.resource());
        field(list, "Product", n.product());
        field(list, "Risk", n.riskScore() + (n.riskExplanation().isEmpty() ? "" : " — " + n.riskExplanation()));
        ObjectNode context = blocks.addObject();
        context.put("type", "context");
        context.putArray("elements").addObject().put("type", "mrkdwn").put("text",
                n.kind().label() + " · finding " + SlackText.escape(n.findingId(), 100) + " · seen "
                        + n.firstSeen() + " – " + n.lastSeen() + " · count " + n.count());
        return root;
    }

    private static ObjectNode section(ArrayNode blocks) {
        ObjectNode s = blocks.addObject();
        s.put("type", "section");
        return s;
    }

    private static void field(ArrayNode fields, String label, String value) {
        String shown = value.isEmpty() ? "–" : SlackText.escape(value, FIELD_MAX);
        fields.addObject().put("type", "mrkdwn").put("text", "*" + label + "*\n" + shown);
    }

    private static String verb(EventKind kind) {
        return switch (kind) {
            case CREATED -> "New finding";
            case ESCALATED -> "Escalated";
            case RESOLVED -> "Resolved";
            case REOPENED -> "Reopened";
        };
    }

    @Override
    public String toString() {
        return "SlackDestination[name=" + name + ", url=(secret)]";
    }
}
