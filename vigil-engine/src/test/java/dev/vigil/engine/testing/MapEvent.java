package dev.vigil.engine.testing;

import dev.vigil.model.Event;

import java.util.HashMap;
import java.util.Map;

/**
 * An event whose field values are given directly, by full path, so tests control exactly which Java objects the
 * matchers see (including ones a well-behaved reader would never return).
 */
public final class MapEvent implements Event {

    private final Map<String, Object> fields;
    private final String raw;
    private final String id;
    private final long time;
    private final String logSource;

    public MapEvent(Map<String, ?> fields) {
        this(fields, "{}", "event-1", 0);
    }

    public MapEvent(Map<String, ?> fields, String raw, String id, long time) {
        this(fields, raw, id, time, "aws:cloudtrail");
    }

    private MapEvent(Map<String, ?> fields, String raw, String id, long time, String logSource) {
        this.fields = new HashMap<>(fields);
        this.raw = raw;
        this.id = id;
        this.time = time;
        this.logSource = logSource;
    }

    /** The same event from another log source. */
    public MapEvent withLogSource(String source) {
        return new MapEvent(fields, raw, id, time, source);
    }

    public static MapEvent of(String path, Object value) {
        Map<String, Object> m = new HashMap<>();
        m.put(path, value);
        return new MapEvent(m);
    }

    @Override
    public String logSource() {
        return logSource;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public long timeMillis() {
        return time;
    }

    @Override
    public Object field(String path) {
        return fields.get(path);
    }

    @Override
    public String rawJson() {
        return raw;
    }

    @Override
    public String origin() {
        return "test#" + id;
    }
}
