package dev.vigil.hub.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;

/**
 * POSTs the change as JSON to a URL, signed so the receiver can check it came from this Vigil:
 * <pre>
 * X-Vigil-Signature: sha256=&lt;hex HMAC-SHA256 of the body, keyed with the shared secret&gt;
 * X-Vigil-Timestamp: &lt;unix seconds when sent; also the body's "sent_at"&gt;
 * X-Vigil-Delivery:  &lt;idempotency key; the same on every retry of this change&gt;
 * </pre>
 * The body is {@code {"delivery": key, "sent_at": seconds, "event": kind, "finding": {...}}}. Since
 * {@code sent_at} is inside the signed body, a receiver that checks it is recent also rejects replays.
 */
record WebhookDestination(String name, URI url, Secret secret) implements Destination {

    @Override
    public DeliveryReceipt deliver(OutboxEntry entry, DeliveryContext context) throws DeliveryException {
        long sentAt = context.clock().instant().getEpochSecond();
        ObjectNode body = NotificationJson.MAPPER.createObjectNode();
        body.put("delivery", entry.key());
        body.put("sent_at", sentAt);
        body.put("event", entry.notification().kind().name());
        body.set("finding", NotificationJson.toNode(entry.notification()));
        byte[] bytes;
        try {
            bytes = NotificationJson.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw DeliveryException.permanent(name + ": the webhook body could not be written: " + e.getMessage());
        }
        HttpRequest request = context.http().request(url)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("X-Vigil-Signature", WebhookSignature.of(bytes, secret))
                .header("X-Vigil-Timestamp", Long.toString(sentAt))
                .header("X-Vigil-Delivery", entry.key())
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        context.http().send(name + ": webhook", request);
        return DeliveryReceipt.sent();
    }
}
