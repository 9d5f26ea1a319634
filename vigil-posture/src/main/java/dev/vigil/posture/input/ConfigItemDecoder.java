package dev.vigil.posture.input;

import dev.vigil.posture.inventory.RegionNames;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.posture.inventory.Relationship;
import dev.vigil.posture.inventory.Resource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns one AWS Config configuration item, from whichever channel, into a {@link Resource}.
 *
 * <p>The channels disagree on spelling and encoding (see the Config spec): files say {@code ARN} and
 * {@code awsAccountId} and hold {@code configuration} as an object; the API says {@code arn} and {@code accountId}
 * and holds {@code configuration} as JSON text and {@code supplementaryConfiguration} as a map of JSON texts;
 * Advanced Query rows list tags as {@code [{key, value}]}. Every field is attacker-controlled text, so ids are
 * checked for shape and an item missing what a resource needs is rejected with a reason, never guessed.
 */
public final class ConfigItemDecoder {

    /** Shared by {@link #resource}: the decoder keeps no state besides the thread-safe mapper. */
    private static final ConfigItemDecoder SHARED = new ConfigItemDecoder(new ObjectMapper());

    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final int MAX_ID = 2048;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectMapper json;

    ConfigItemDecoder(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The resource one item describes, for channels other than files (the live collector's API responses), with the
     * same decoding and the same validation as the file readers; empty when the item is not a valid item.
     */
    public static java.util.Optional<Resource> resource(JsonNode item, String source) {
        try {
            return java.util.Optional.of(SHARED.decode(item, source).resource());
        } catch (BadItem invalid) {
            return java.util.Optional.empty();
        }
    }

    ConfigItem decode(JsonNode item, String source) throws BadItem {
        if (!item.isObject()) {
            throw new BadItem("not-an-object", "a configuration item must be a JSON object, found " + kind(item));
        }
        String type = required(item, "resourceType");
        String id = required(item, "resourceId");
        if (id.length() > MAX_ID) {
            throw new BadItem("bad-field", "resourceId is longer than " + MAX_ID + " characters");
        }
        String account = text(item, "awsAccountId", "accountId");
        if (!ACCOUNT.matcher(account).matches()) {
            throw new BadItem("bad-account", account.isEmpty()
                    ? "the item has no awsAccountId/accountId (when querying, select accountId too)"
                    : "the account id is not 12 digits");
        }
        String region = text(item, "awsRegion");
        if (!RegionNames.isRegionOrGlobal(region)) {
            throw new BadItem("bad-region", region.isEmpty()
                    ? "the item has no awsRegion (when querying, select awsRegion too)"
                    : "awsRegion is not a region name or 'global'");
        }
        Instant captured = CaptureTimes.parse(item.get("configurationItemCaptureTime"))
                .orElseThrow(() -> new BadItem("bad-time", item.has("configurationItemCaptureTime")
                        ? "configurationItemCaptureTime is neither an ISO-8601 time nor an epoch number"
                        : "the item has no configurationItemCaptureTime (when querying, select it too)"));
        String status = text(item, "configurationItemStatus");
        JsonNode configuration = structured(item.get("configuration"), "configuration");
        JsonNode supplementary = supplementary(item.get("supplementaryConfiguration"));
        Resource resource = new Resource(type, id, text(item, "resourceName"), text(item, "ARN", "arn"), account,
                region, status.isEmpty() ? "OK" : status, captured, tags(item.get("tags")), configuration,
                supplementary, relationships(item.get("relationships")), source);
        JsonNode state = item.path("configurationStateId");
        String stateId = state.isNumber() || state.isTextual() ? state.asText() : "";
        return new ConfigItem(resource, stateId);
    }

    private static String required(JsonNode item, String field) throws BadItem {
        String value = text(item, field);
        if (value.isEmpty()) {
            throw new BadItem("missing-field", "the item has no " + field);
        }
        return value;
    }

    /** The first of the fields present as text; numbers are accepted as their text (ids printed as numbers). */
    private static String text(JsonNode item, String... fields) {
        for (String f : fields) {
            JsonNode v = item.get(f);
            if (v != null && (v.isTextual() || v.isNumber())) {
                return v.asText();
            }
        }
        return "";
    }

    /** An object, or JSON text holding one; null for absent or null (a deleted resource). */
    private JsonNode structured(JsonNode value, String field) throws BadItem {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isObject()) {
            return value;
        }
        if (value.isTextual()) {
            String text = value.asText().strip();
            if (text.isEmpty() || text.equals("null")) {
                return null;
            }
            Optional<JsonNode> parsed = parseJson(text);
            if (parsed.isPresent() && parsed.get().isObject()) {
                return parsed.get();
            }
            if (parsed.isPresent() && parsed.get().isNull()) {
                return null;
            }
            throw new BadItem("bad-" + field, field + " is text but not a JSON object");
        }
        throw new BadItem("bad-" + field, field + " must be an object or JSON text, found " + kind(value));
    }

    /**
     * Supplementary configuration as an object whose values are decoded: files double-serialise some values
     * (S3 {@code AccessControlList}), the API serialises every value ({@code "true"}, {@code "{...}"}).
     */
    private JsonNode supplementary(JsonNode value) throws BadItem {
        JsonNode object = structured(value, "supplementaryConfiguration");
        ObjectNode out = NODES.objectNode();
        if (object == null) {
            return out;
        }
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            out.set(e.getKey(), decodeValue(e.getValue()));
        }
        return out;
    }

    private JsonNode decodeValue(JsonNode value) {
        return decodeValue(value, 0);
    }

    /** Decodes JSON text, again if the result is JSON text itself (values serialised twice), up to a few times. */
    private JsonNode decodeValue(JsonNode value, int depth) {
        if (!value.isTextual() || depth > 3) {
            return value;
        }
        String text = value.asText().strip();
        switch (text) {
            case "true":
                return BooleanNode.TRUE;
            case "false":
                return BooleanNode.FALSE;
            case "null":
                return NullNode.getInstance();
            default:
                break;
        }
        if (text.startsWith("{") || text.startsWith("[") || (text.startsWith("\"") && text.endsWith("\""))) {
            return parseJson(text).map(parsed -> decodeValue(parsed, depth + 1)).orElse(value);
        }
        return value;
    }

    private Optional<JsonNode> parseJson(String text) {
        try {
            return Optional.ofNullable(json.readTree(text));
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
    }

    /** Tags as Config files and the API give them ({@code {k: v}}) or as query rows do ({@code [{key, value}]}). */
    private static Map<String, String> tags(JsonNode tags) {
        Map<String, String> out = new LinkedHashMap<>();
        if (tags == null) {
            return out;
        }
        if (tags.isObject()) {
            for (Map.Entry<String, JsonNode> e : tags.properties()) {
                if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                    out.put(e.getKey(), e.getValue().asText());
                }
            }
        } else if (tags.isArray()) {
            for (JsonNode t : tags) {
                JsonNode key = t.has("key") ? t.get("key") : t.path("Key");
                JsonNode val = t.has("value") ? t.get("value") : t.path("Value");
                if (key.isTextual()) {
                    out.put(key.asText(), val.isValueNode() && !val.isNull() ? val.asText() : "");
                }
            }
        }
        return out;
    }

    private static List<Relationship> relationships(JsonNode relationships) {
        List<Relationship> out = new ArrayList<>();
        if (relationships == null || !relationships.isArray()) {
            return out;
        }
        for (JsonNode r : relationships) {
            if (!r.isObject()) {
                continue;
            }
            String name = text(r, "name", "relationshipName");
            out.add(new Relationship(name, text(r, "resourceType"), text(r, "resourceId"), text(r, "resourceName")));
        }
        return out;
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "text";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "something else";
        };
    }
}
