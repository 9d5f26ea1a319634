package dev.vigil.engine.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.vigil.model.Event;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A test {@link Event} backed by a Jackson tree, following the model's contract: dotted paths, a {@link List} when
 * the path crosses an array (values of all elements, flattened), {@link Event.ObjectValue} for objects and
 * {@link Event#NULL} for JSON null. The real CloudTrail reader lives in vigil-formats.
 */
public final class JsonEvent implements Event {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode root;
    private final String raw;
    private final String origin;
    private final String logSource;

    private JsonEvent(JsonNode root, String origin, String logSource) {
        this.root = root;
        this.raw = root.toString();
        this.origin = origin;
        this.logSource = logSource;
    }

    /** A CloudTrail record from JSON text. */
    public static JsonEvent of(String json) {
        return of(json, "test");
    }

    public static JsonEvent of(String json, String origin) {
        try {
            return new JsonEvent(JSON.readTree(json), origin, "aws:cloudtrail");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static JsonEvent of(JsonNode node, String origin, String logSource) {
        return new JsonEvent(node, origin, logSource);
    }

    /** Every record of a file holding a JSON array of CloudTrail records (or a single record). */
    public static List<JsonEvent> readFile(Path file) {
        try {
            JsonNode node = JSON.readTree(Files.readAllBytes(file));
            List<JsonEvent> out = new ArrayList<>();
            if (node instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    out.add(new JsonEvent(array.get(i), file.getFileName() + "#record " + (i + 1), "aws:cloudtrail"));
                }
            } else {
                out.add(new JsonEvent(node, file.getFileName() + "#record 1", "aws:cloudtrail"));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String logSource() {
        return logSource;
    }

    @Override
    public String id() {
        JsonNode id = root.get("eventID");
        return id != null && id.isTextual() ? id.asText() : "";
    }

    @Override
    public long timeMillis() {
        JsonNode t = root.get("eventTime");
        if (t == null || !t.isTextual()) {
            return Long.MIN_VALUE;
        }
        try {
            return Instant.parse(t.asText()).toEpochMilli();
        } catch (DateTimeParseException e) {
            return Long.MIN_VALUE;
        }
    }

    @Override
    public Object field(String path) {
        String[] segments = path.split("\\.", -1);
        List<Object> found = new ArrayList<>();
        boolean crossed = resolve(root, segments, 0, found, false);
        if (found.isEmpty()) {
            return null;
        }
        return crossed ? List.copyOf(found) : found.getFirst();
    }

    /** Collects the values at the path; returns whether an array was crossed on the way. */
    private static boolean resolve(JsonNode node, String[] segments, int i, List<Object> out, boolean crossed) {
        if (i == segments.length) {
            out.add(convert(node));
            return crossed;
        }
        if (node.isObject()) {
            JsonNode child = node.get(segments[i]);
            return child == null ? crossed : resolve(child, segments, i + 1, out, crossed);
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                resolve(element, segments, i, out, true);
            }
            return true;
        }
        return crossed;
    }

    private static Object convert(JsonNode node) {
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isNull()) {
            return Event.NULL;
        }
        if (node.isObject()) {
            return new Event.ObjectValue(node.toString());
        }
        List<Object> list = new ArrayList<>();
        node.forEach(e -> list.add(convert(e)));
        return List.copyOf(list);
    }

    @Override
    public String rawJson() {
        return raw;
    }

    @Override
    public String origin() {
        return origin;
    }

    @Override
    public String toString() {
        return origin;
    }
}
