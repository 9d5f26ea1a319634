package dev.vigil.posture.custom;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.values.NullValue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts Jackson JSON (a resource's configuration, written by whoever controls the resource) into CEL values:
 * objects → maps, arrays → lists, strings, integers → int, other numbers → double, booleans, null.
 *
 * <p>Bounded per conversion by a {@link Budget}: depth, node count and total characters. A value over a bound is
 * not truncated (that would silently change a verdict); the conversion fails with {@link TooLargeException} and
 * the check reports ERROR for that resource.
 */
final class CelValues {

    static final int MAX_DEPTH = 64;
    static final int MAX_NODES = 250_000;
    static final long MAX_CHARS = 16L * 1024 * 1024;

    private CelValues() {
    }

    /** A value was over one of the conversion bounds; the message says which. */
    static final class TooLargeException extends RuntimeException {
        TooLargeException(String message) {
            super(message, null, false, false);
        }
    }

    /** What one resource's conversion may still use; shared by its configuration, supplementary and tags. */
    static final class Budget {
        private int nodes;
        private long chars;

        void node() {
            if (++nodes > MAX_NODES) {
                throw new TooLargeException("it has more than " + MAX_NODES + " JSON values");
            }
        }

        String text(String text) {
            chars += text.length();
            if (chars > MAX_CHARS) {
                throw new TooLargeException("its text is over " + (MAX_CHARS / (1024 * 1024)) + " MiB");
            }
            return text;
        }
    }

    /** The CEL value of a JSON node; a missing node becomes an empty map so {@code has()} works on it. */
    static Object fromJson(JsonNode node, Budget budget) {
        if (node == null || node.isMissingNode()) {
            return Map.of();
        }
        return convert(node, budget, 0);
    }

    private static Object convert(JsonNode node, Budget budget, int depth) {
        budget.node();
        if (depth > MAX_DEPTH) {
            throw new TooLargeException("it nests deeper than " + MAX_DEPTH + " levels");
        }
        return switch (node.getNodeType()) {
            case OBJECT -> {
                Map<String, Object> out = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    out.put(budget.text(field.getKey()), convert(field.getValue(), budget, depth + 1));
                }
                yield Collections.unmodifiableMap(out);
            }
            case ARRAY -> {
                List<Object> out = new ArrayList<>(node.size());
                for (JsonNode item : node) {
                    out.add(convert(item, budget, depth + 1));
                }
                yield Collections.unmodifiableList(out);
            }
            case NUMBER -> node.isIntegralNumber() && node.canConvertToLong() ? (Object) node.longValue()
                    : (Object) node.doubleValue();
            case BOOLEAN -> node.booleanValue();
            case NULL, MISSING -> NullValue.NULL_VALUE;
            case STRING, BINARY, POJO -> budget.text(node.asText());
        };
    }

    /** A short name of a CEL value's type for messages ("a string", "a map"), never the value itself. */
    static String describe(Object value) {
        if (value == null || value instanceof NullValue) {
            return "null";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Long || value instanceof Integer) {
            return "an int";
        }
        if (value instanceof Double) {
            return "a double";
        }
        if (value instanceof Map<?, ?>) {
            return "a map";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof java.time.Instant) {
            return "a timestamp";
        }
        if (value instanceof java.time.Duration) {
            return "a duration";
        }
        return "a value of type " + value.getClass().getSimpleName();
    }
}
