package dev.vigil.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The facts of a finding's summary entry ({@link dev.vigil.model.Evidence#SUMMARY}) as name/text pairs, in the
 * order the detection wrote them: strings as they are, arrays joined with commas, objects as compact JSON.
 * Values may quote log content (peers, user agents): the caller escapes them.
 */
final class SummaryFacts {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** A summary is a handful of facts; more than this is cut rather than drowning the finding. */
    static final int MAX_FACTS = 40;

    private SummaryFacts() {
    }

    static List<Map.Entry<String, String>> of(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException | RuntimeException e) {
            return List.of();
        }
        List<Map.Entry<String, String>> out = new ArrayList<>();
        if (root == null || !root.isObject()) {
            return out;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext() && out.size() < MAX_FACTS) {
            Map.Entry<String, JsonNode> f = fields.next();
            out.add(new AbstractMap.SimpleImmutableEntry<>(f.getKey(), text(f.getValue())));
        }
        return out;
    }

    private static String text(JsonNode v) {
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode e : v) {
                parts.add(e.isTextual() ? e.textValue() : e.toString());
            }
            return String.join(", ", parts);
        }
        return v.toString();
    }
}
