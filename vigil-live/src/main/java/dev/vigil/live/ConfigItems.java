package dev.vigil.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.posture.input.ConfigItemDecoder;
import dev.vigil.posture.inventory.Resource;

import java.util.Optional;

/**
 * Brings an AWS Config configuration item from any channel to the snapshot-file shape, and from there to a
 * {@link Resource}.
 *
 * <p>The API channels differ from snapshot files (see the Config spec): {@code accountId}/{@code arn}/{@code version}
 * instead of {@code awsAccountId}/{@code ARN}/{@code configurationItemVersion}, {@code configuration} as a JSON
 * string, supplementary values as JSON strings, tags as a {@code [{key,value}]} list in advanced-query rows, and
 * {@code relationshipName} for {@code name}. Normalising first means the snapshot this module writes is an ordinary
 * snapshot file that the offline reader reads, and that live and offline items give equal resources.
 */
final class ConfigItems {

    private ConfigItems() {
    }

    /** The item in snapshot-file shape: a new object; the input is not changed. */
    static ObjectNode normalise(JsonNode item) {
        ObjectNode out = item.isObject() ? ((ObjectNode) item).deepCopy() : CliJsonNodes.object();
        rename(out, "accountId", "awsAccountId");
        rename(out, "arn", "ARN");
        rename(out, "version", "configurationItemVersion");
        JsonNode configuration = out.path("configuration");
        if (configuration.isTextual()) {
            out.set("configuration", parseJson(configuration.asText()).orElse(configuration));
        }
        JsonNode supplementary = out.path("supplementaryConfiguration");
        if (supplementary.isObject()) {
            ObjectNode decoded = CliJsonNodes.object();
            supplementary.properties().forEach(e -> decoded.set(e.getKey(), supplementaryValue(e.getValue())));
            out.set("supplementaryConfiguration", decoded);
        }
        JsonNode tags = out.path("tags");
        if (tags.isArray()) {
            ObjectNode map = CliJsonNodes.object();
            tags.forEach(t -> {
                if (t.path("key").isTextual()) {
                    map.put(t.path("key").asText(), t.path("value").asText(""));
                }
            });
            out.set("tags", map);
        }
        JsonNode relationships = out.path("relationships");
        if (relationships.isArray()) {
            ArrayNode fixed = CliJsonNodes.JSON.createArrayNode();
            relationships.forEach(r -> {
                ObjectNode copy = r.isObject() ? ((ObjectNode) r).deepCopy() : CliJsonNodes.object();
                rename(copy, "relationshipName", "name");
                fixed.add(copy);
            });
            out.set("relationships", fixed);
        }
        return out;
    }

    /**
     * The resource an item (any channel) describes, decoded and validated exactly as the offline readers do it (so
     * live and offline runs cannot drift apart); empty when the item is not a valid configuration item.
     */
    static Optional<Resource> toResource(JsonNode item, String source) {
        return ConfigItemDecoder.resource(normalise(item), source);
    }



    private static void rename(ObjectNode node, String from, String to) {
        if (node.has(from) && !node.has(to)) {
            JsonNode value = node.remove(from);
            node.set(to, value);
        }
    }

    /**
     * A supplementary value as snapshot files hold it. The API sends every value as a JSON string ({@code "true"}
     * for KMS's {@code KeyRotationStatus}, an object's text for most others) and snapshots double-serialise a few
     * (S3's {@code AccessControlList}); objects, arrays and booleans in a string are decoded, other strings kept.
     */
    private static JsonNode supplementaryValue(JsonNode value) {
        if (!value.isTextual()) {
            return value;
        }
        String text = value.asText().strip();
        if (text.equals("true") || text.equals("false")) {
            return CliJsonNodes.JSON.getNodeFactory().booleanNode(Boolean.parseBoolean(text));
        }
        return parseJson(text).orElse(value);
    }

    private static Optional<JsonNode> parseJson(String text) {
        String trimmed = text.strip();
        if (!(trimmed.startsWith("{") || trimmed.startsWith("["))) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(CliJsonNodes.JSON.readTree(trimmed));
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
    }

}
