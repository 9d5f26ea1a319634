package dev.vigil.posture.check.config;

import com.fasterxml.jackson.databind.JsonNode;

/** Defensive reads of exported values, which may be of any type. */
final class Json {

    private Json() {
    }

    static String text(JsonNode node) {
        return node != null && node.isValueNode() && !node.isNull() ? node.asText().strip() : "";
    }

    /** True only for a JSON true or the string "true". */
    static boolean flag(JsonNode node) {
        return node != null && (node.isBoolean() ? node.asBoolean() : node.isTextual() && node.asText().equalsIgnoreCase("true"));
    }

    /** A field that the CLI prints camelCase but CloudFormation-style Config items print PascalCase. */
    static JsonNode either(JsonNode parent, String camel) {
        JsonNode n = parent.path(camel);
        return n.isMissingNode() ? parent.path(Character.toUpperCase(camel.charAt(0)) + camel.substring(1)) : n;
    }
}
