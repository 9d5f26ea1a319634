package dev.vigil.metrics.pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vigil.model.Event;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Jackson trees to {@link Event#field(String)}'s value conventions, and the text form of scalar values. */
final class JsonValues {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonValues() {
    }

    /** Parses JSON text, or returns null when it is not valid JSON. */
    static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    static Object convert(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return null;
        }
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
            return n.canConvertToLong() ? (Object) n.longValue() : (Object) n.doubleValue();
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

    /** Whether a field value is a scalar that comparisons can test (not an array, object or null). */
    static boolean isScalar(Object v) {
        return v instanceof String || v instanceof Long || v instanceof Double || v instanceof Boolean
                || v instanceof Integer;
    }

    /** The text of a scalar value as it appears in JSON ({@code 1534}, {@code 0.5}, {@code true}). */
    static String text(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Double d) {
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString(d.longValue());
            }
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(v);
    }

    /** A number field's value, or NaN when the value is not a JSON number. */
    static double number(Object v) {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof Integer i) {
            return i;
        }
        return Double.NaN;
    }
}
