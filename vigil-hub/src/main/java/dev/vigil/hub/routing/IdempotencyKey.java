package dev.vigil.hub.routing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The key that makes one change to one destination one delivery: SHA-256 over the destination name, the finding
 * id, the event kind and the change time (epoch milliseconds), as {@code vigil-} and 32 hex digits.
 *
 * <p>The same change enqueued twice gets the same key (the outbox keeps one row); a receiver that sees the key
 * twice knows it is a redelivery. It is made of lower-case letters, digits and '-' only, so it can be a Jira label,
 * a ServiceNow correlation id, an HTTP header and part of a Message-ID without escaping.
 */
final class IdempotencyKey {

    private IdempotencyKey() {
    }

    static String of(String destination, Notification n) {
        // Length-prefixed parts, so no two different tuples can produce the same digest input.
        String input = part(destination) + part(n.findingId()) + part(n.kind().name())
                + part(Long.toString(n.changedAt().toEpochMilli()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
            return "vigil-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK provides no SHA-256", e);
        }
    }

    private static String part(String s) {
        return s.length() + ":" + s + ";";
    }
}
