package dev.vigil.metrics.pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.model.Event;

import java.util.ArrayList;
import java.util.List;

/**
 * A test {@link Event} with the same path conventions as vigil-formats' CloudTrailEvent: dotted paths, and a path
 * that crosses an array continues into every element (returning a list). Counts field lookups.
 */
public final class TreeEvent implements Event {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String raw;
    private final JsonNode root;
    public int lookups;

    public TreeEvent(String raw) {
        this.raw = raw;
        try {
            this.root = JSON.readTree(raw);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public String logSource() {
        return "aws:cloudtrail";
    }

    @Override
    public String id() {
        return root.path("eventID").asText("");
    }

    @Override
    public long timeMillis() {
        return 0;
    }

    @Override
    public Object field(String path) {
        lookups++;
        return walk(root, path.split("\\."), 0);
    }

    private static Object walk(JsonNode n, String[] keys, int i) {
        if (n.isArray()) {
            List<Object> out = new ArrayList<>();
            for (JsonNode el : n) {
                Object v = walk(el, keys, i);
                if (v instanceof List<?> l) {
                    out.addAll(l);
                } else if (v != null) {
                    out.add(v);
                }
            }
            return out.isEmpty() ? null : out;
        }
        if (i == keys.length) {
            return JsonValues.convert(n);
        }
        JsonNode child = n.isObject() ? n.get(keys[i]) : null;
        return child == null ? null : walk(child, keys, i + 1);
    }

    @Override
    public String rawJson() {
        return raw;
    }

    @Override
    public String origin() {
        return "test";
    }
}
