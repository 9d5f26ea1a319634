package dev.vigil.metrics.filter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.metrics.pattern.FilterPattern;
import dev.vigil.metrics.pattern.PatternException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the JSON that {@code aws logs describe-metric-filters} prints:
 * {@code {"metricFilters":[{"filterName","filterPattern","logGroupName","metricTransformations":[{...}]}]}}.
 * Fields the CLI adds that Vigil does not use ({@code creationTime}, {@code applyOnTransformedLogs}, ...) are
 * ignored. A bare array of filter objects is accepted too.
 */
public final class DescribeMetricFilters {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private DescribeMetricFilters() {
    }

    /**
     * Parses the definitions; {@code source} names the file in messages. Every problem names the entry
     * ({@code metricFilters[2] "CIS-4.1"}) and the field.
     */
    public static List<MetricFilter> read(String json, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new MetricFilterFormatException(source + ": not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + "): " + e.getOriginalMessage()
                    + "; expected the output of 'aws logs describe-metric-filters'", e);
        }
        JsonNode list = root == null ? null : root.isArray() ? root : root.get("metricFilters");
        if (list == null || !list.isArray()) {
            throw new MetricFilterFormatException(source + ": expected {\"metricFilters\": [...]} as printed by "
                    + "'aws logs describe-metric-filters'");
        }
        List<MetricFilter> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(filter(list.get(i), source + ": metricFilters[" + i + "]"));
        }
        return out;
    }

    private static MetricFilter filter(JsonNode f, String where) {
        if (!f.isObject()) {
            throw new MetricFilterFormatException(where + ": expected an object with filterName, filterPattern, "
                    + "logGroupName and metricTransformations");
        }
        String name = text(f, "filterName", where, true);
        String at = where + " \"" + name + "\"";
        String patternText = text(f, "filterPattern", at, false);
        String group = text(f, "logGroupName", at, true);
        JsonNode ts = f.get("metricTransformations");
        if (ts == null || !ts.isArray() || ts.size() != 1) {
            throw new MetricFilterFormatException(at + ": metricTransformations must be a list with exactly one "
                    + "transformation (CloudWatch's rule), found " + (ts == null ? "none" : ts.size() + " entries"));
        }
        FilterPattern pattern;
        try {
            pattern = FilterPattern.compile(patternText == null ? "" : patternText);
        } catch (PatternException e) {
            throw new MetricFilterFormatException(at + ": filterPattern: " + e.getMessage(), e);
        }
        try {
            return new MetricFilter(name, group, pattern, transformation(ts.get(0), at + ": metricTransformations[0]"));
        } catch (MetricFilterFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new MetricFilterFormatException(at + ": " + e.getMessage(), e);
        }
    }

    private static MetricTransformation transformation(JsonNode t, String where) {
        if (!t.isObject()) {
            throw new MetricFilterFormatException(where + ": expected an object with metricName, metricNamespace and "
                    + "metricValue");
        }
        Double defaultValue = null;
        JsonNode dv = t.get("defaultValue");
        if (dv != null && !dv.isNull()) {
            if (!dv.isNumber()) {
                throw new MetricFilterFormatException(where + ": defaultValue must be a number, found " + dv);
            }
            defaultValue = dv.doubleValue();
        }
        Map<String, String> dims = new LinkedHashMap<>();
        JsonNode d = t.get("dimensions");
        if (d != null && !d.isNull()) {
            if (!d.isObject()) {
                throw new MetricFilterFormatException(where + ": dimensions must be an object of name → field "
                        + "reference, e.g. {\"EventName\": \"$.eventName\"}");
            }
            for (Map.Entry<String, JsonNode> e : d.properties()) {
                if (!e.getValue().isTextual()) {
                    throw new MetricFilterFormatException(where + ": dimension " + e.getKey() + " must be a string "
                            + "such as \"$.field\"");
                }
                dims.put(e.getKey(), e.getValue().textValue());
            }
        }
        try {
            return new MetricTransformation(text(t, "metricName", where, true), text(t, "metricNamespace", where, true),
                    text(t, "metricValue", where, true), defaultValue, dims, text(t, "unit", where, false));
        } catch (IllegalArgumentException e) {
            throw new MetricFilterFormatException(where + ": " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode n, String field, String where, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new MetricFilterFormatException(where + ": " + field + " is missing");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw new MetricFilterFormatException(where + ": " + field + " must be a string, found " + v);
        }
        return v.textValue();
    }

    /** Writes the definitions in the same shape, so they can be compared with or fed back to AWS tooling. */
    public static String write(List<MetricFilter> filters) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("metricFilters");
        for (MetricFilter f : filters) {
            ObjectNode o = list.addObject();
            o.put("filterName", f.name());
            o.put("filterPattern", f.pattern().text());
            o.put("logGroupName", f.logGroupName());
            ObjectNode t = o.putArray("metricTransformations").addObject();
            MetricTransformation mt = f.transformation();
            t.put("metricName", mt.metricName());
            t.put("metricNamespace", mt.metricNamespace());
            t.put("metricValue", mt.metricValue());
            if (mt.defaultValue() != null) {
                t.put("defaultValue", mt.defaultValue());
            }
            if (!mt.dimensions().isEmpty()) {
                ObjectNode d = t.putObject("dimensions");
                mt.dimensions().forEach(d::put);
            }
            if (mt.unit() != null) {
                t.put("unit", mt.unit());
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
