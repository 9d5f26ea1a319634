package dev.vigil.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The CloudTrail fields an analyst scans first, pulled from a raw evidence record.
 *
 * <p>Every value is exactly what the log said (attacker-controlled, escaped where shown); a field that is
 * absent is empty; a field that is not a string (an attacker or a new event version can put an object where
 * a string is expected) is shown as its compact JSON.
 *
 * @param eventName       {@code eventName}
 * @param eventSource     {@code eventSource}
 * @param sourceIpAddress {@code sourceIPAddress}
 * @param userAgent       {@code userAgent}
 * @param errorCode       {@code errorCode}, present on failed calls
 * @param json            false when the raw text is not a JSON object, so no field could be read
 * @param flow            for a VPC flow-log record, one line: action, protocol, source and destination with ports,
 *                        packets and bytes; empty otherwise
 */
record EvidenceFields(String eventName, String eventSource, String sourceIpAddress, String userAgent,
                      String errorCode, boolean json, String flow) {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final EvidenceFields NONE = new EvidenceFields("", "", "", "", "", false, "");

    static EvidenceFields of(String rawJson) {
        JsonNode root;
        try {
            root = MAPPER.readTree(rawJson);
        } catch (JsonProcessingException | RuntimeException e) {
            // Jackson also throws unchecked constraint errors (nesting too deep, string too long).
            return NONE;
        }
        if (root == null || !root.isObject()) {
            return NONE;
        }
        return new EvidenceFields(text(root, "eventName"), text(root, "eventSource"),
                text(root, "sourceIPAddress"), text(root, "userAgent"), text(root, "errorCode"), true, flow(root));
    }

    /** "ACCEPT tcp 10.0.1.5:51234 → 203.0.113.9:22, 12 packets, 3400 bytes" for a flow record, else "". */
    private static String flow(JsonNode root) {
        if (!root.has("srcaddr") && !root.has("log-status")) {
            return "";
        }
        String protocol = switch (text(root, "protocol")) {
            case "6" -> "tcp";
            case "17" -> "udp";
            case "1" -> "icmp";
            case "58" -> "icmpv6";
            default -> "protocol " + text(root, "protocol");
        };
        if (!root.has("srcaddr")) {
            return text(root, "log-status");
        }
        return text(root, "action") + " " + protocol + " " + text(root, "srcaddr") + ":" + text(root, "srcport")
                + " \u2192 " + text(root, "dstaddr") + ":" + text(root, "dstport") + ", " + text(root, "packets")
                + " packets, " + text(root, "bytes") + " bytes";
    }

    private static String text(JsonNode root, String field) {
        JsonNode v = root.get(field);
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "";
        }
        return v.isTextual() ? v.textValue() : v.toString();
    }
}
