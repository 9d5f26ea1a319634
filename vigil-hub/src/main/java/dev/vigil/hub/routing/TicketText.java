package dev.vigil.hub.routing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Text for ticket systems built from attacker-controlled finding fields. */
final class TicketText {

    private TicketText() {
    }

    /** One line: control characters (line breaks included) become spaces; cut to {@code max} characters. */
    static String oneLine(String text, int max) {
        String flat = text.replaceAll("[\\p{Cntrl}\\p{Cf}]+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }

    /** The body of a ticket: the finding's facts as plain lines, then the description. */
    static String body(Notification n, String key) {
        return "Vigil finding " + n.findingId() + "\n"
                + "Event: " + n.kind().label() + " at " + n.changedAt() + "\n"
                + "Severity: " + n.severity().caption() + "\n"
                + "Risk score: " + n.riskScore() + (n.riskExplanation().isEmpty() ? "" : " (" + n.riskExplanation() + ")")
                + "\n"
                + "Product: " + n.product() + "\n"
                + "Types: " + String.join(", ", n.types()) + "\n"
                + "Account: " + n.account() + "  Region: " + n.region() + "\n"
                + "Principal: " + n.principal() + "\n"
                + "Resource: " + n.resource() + "\n"
                + "First seen: " + n.firstSeen() + "  Last seen: " + n.lastSeen() + "  Count: " + n.count() + "\n"
                + "Delivery: " + key + "\n\n"
                + n.description();
    }

    /** A short stable tag for a finding id that may hold any characters: "vigil-finding-" and 16 hex digits. */
    static String findingTag(String findingId) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(findingId.getBytes(StandardCharsets.UTF_8));
            return "vigil-finding-" + HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK provides no SHA-256", e);
        }
    }
}
