package dev.vigil.formats.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.Event;

import java.util.ArrayList;
import java.util.List;

/**
 * Dotted-path lookup into a JSON tree with {@link Event#field(String)}'s value conventions. A path that crosses
 * an array continues into every element, so {@code requestParameters.ipPermissions.items.fromPort} yields the
 * port of each item as a list.
 */
public final class JsonPaths {

    private JsonPaths() {
    }

    public static Object value(JsonNode root, String path) {
        if (root == null) {
            return null;
        }
        // A key may itself contain dots; try the whole remaining path as one key first, like Sigma backends do.
        return walk(root, path, 0);
    }

    private static Object walk(JsonNode node, String path, int from) {
        if (node.isArray()) {
            List<Object> out = new ArrayList<>();
            for (JsonNode el : node) {
                Object v = walk(el, path, from);
                if (v instanceof List<?> l) {
                    out.addAll(l);
                } else if (v != null) {
                    out.add(v);
                }
            }
            return out.isEmpty() ? null : out;
        }
        if (!node.isObject()) {
            return null;
        }
        JsonNode whole = node.get(path.substring(from));
        if (whole != null) {
            return convert(whole);
        }
        int dot = path.indexOf('.', from);
        if (dot < 0) {
            return null;
        }
        JsonNode child = node.get(path.substring(from, dot));
        if (child == null) {
            return null;
        }
        return walk(child, path, dot + 1);
    }

    /** Converts a tree node to the model's value conventions. */
    public static Object convert(JsonNode n) {
        if (n.isTextual()) {
            return n.textValue();
        }
        if (n.isNull()) {
            return Event.NULL;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isIntegralNumber()) {
            return n.canConvertToLong() ? (Object) n.longValue() : n.asText();
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        if (n.isArray()) {
            List<Object> out = new ArrayList<>(n.size());
            for (JsonNode el : n) {
                out.add(convert(el));
            }
            return out;
        }
        if (n.isObject()) {
            return new Event.ObjectValue(n.toString());
        }
        return n.asText();
    }
}
