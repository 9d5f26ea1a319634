package dev.vigil.sim;

import java.util.List;

/**
 * Builds the small ordered JSON objects that go into payload fields of a {@link TrailRecord}. An object is
 * a flat key/value array rather than a map: records are written once and never looked up, and the
 * simulator builds millions of them.
 */
final class Json {

    private static final Obj EMPTY = new Obj(new Object[0]);

    private Json() {
    }

    /**
     * An ordered JSON object.
     *
     * @param keyValues alternating keys ({@link String}) and values; values may be null
     */
    record Obj(Object[] keyValues) {
        Obj {
            if (keyValues.length % 2 != 0) {
                throw new IllegalArgumentException("expected key, value pairs");
            }
            for (int i = 0; i < keyValues.length; i += 2) {
                if (!(keyValues[i] instanceof String)) {
                    throw new IllegalArgumentException("JSON keys are strings, got " + keyValues[i]);
                }
            }
        }
    }

    /** An ordered object from alternating keys and values; values may be null. */
    static Obj obj(Object... keyValuePairs) {
        return new Obj(keyValuePairs);
    }

    /** An empty JSON object, as CloudTrail writes for empty request sets ({@code "filterSet": {}}). */
    static Obj empty() {
        return EMPTY;
    }

    static List<Object> list(Object... values) {
        return List.of(values);
    }
}
