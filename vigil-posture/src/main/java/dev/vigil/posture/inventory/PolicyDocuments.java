package dev.vigil.posture.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads IAM-style policy documents (bucket, key, role trust and identity policies) in every encoding AWS delivers:
 * a JSON object, a JSON string, or a URL-encoded JSON string (IAM in Config items and in the IAM API).
 */
public final class PolicyDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PolicyDocuments() {
    }

    /**
     * The document as a JSON object; empty when the value is absent, null, or not a policy (a malformed document
     * is treated as absent so that a check can say "no readable policy" rather than crash).
     */
    public static Optional<JsonNode> parse(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (value.isObject()) {
            return Optional.of(value);
        }
        if (!value.isTextual()) {
            return Optional.empty();
        }
        return parse(value.asText());
    }

    /** As {@link #parse(JsonNode)} for text. */
    public static Optional<JsonNode> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        if (trimmed.startsWith("%7B") || trimmed.startsWith("%7b")) {
            try {
                trimmed = URLDecoder.decode(trimmed, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException badEscape) {
                return Optional.empty();
            }
        }
        if (!trimmed.startsWith("{")) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(trimmed);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
    }

    /** The document's statements: {@code Statement} may be one object or an array. */
    public static List<JsonNode> statements(JsonNode document) {
        JsonNode statement = document == null ? MissingNode.getInstance() : document.path("Statement");
        List<JsonNode> out = new ArrayList<>();
        if (statement.isArray()) {
            statement.forEach(s -> { if (s.isObject()) out.add(s); });
        } else if (statement.isObject()) {
            out.add(statement);
        }
        return out;
    }

    /** A statement field that may be a string or a list of strings (Action, Resource, Principal.AWS…), as a list. */
    public static List<String> strings(JsonNode value) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (value.isTextual()) {
            out.add(value.asText());
        } else if (value.isArray()) {
            value.forEach(v -> { if (v.isTextual()) out.add(v.asText()); });
        }
        return out;
    }
}
