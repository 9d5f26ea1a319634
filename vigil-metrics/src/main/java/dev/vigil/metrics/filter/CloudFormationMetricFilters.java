package dev.vigil.metrics.filter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes metric filters as CloudFormation {@code AWS::Logs::MetricFilter} resources, as a {@code Resources:}
 * snippet in YAML or JSON. Logical ids come from the filter names (letters and digits only, made unique).
 * YAML strings are written double-quoted with JSON escapes, which YAML reads back unchanged.
 */
public final class CloudFormationMetricFilters {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private CloudFormationMetricFilters() {
    }

    public static String json(List<MetricFilter> filters) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode resources = root.putObject("Resources");
        Set<String> used = new HashSet<>();
        for (MetricFilter f : filters) {
            ObjectNode r = resources.putObject(logicalId(f.name(), used));
            r.put("Type", "AWS::Logs::MetricFilter");
            ObjectNode p = r.putObject("Properties");
            p.put("FilterName", f.name());
            p.put("FilterPattern", f.pattern().text());
            p.put("LogGroupName", f.logGroupName());
            ObjectNode t = p.putArray("MetricTransformations").addObject();
            MetricTransformation mt = f.transformation();
            t.put("MetricName", mt.metricName());
            t.put("MetricNamespace", mt.metricNamespace());
            t.put("MetricValue", mt.metricValue());
            if (mt.defaultValue() != null) {
                t.put("DefaultValue", mt.defaultValue());
            }
            if (!mt.dimensions().isEmpty()) {
                ArrayNode dims = t.putArray("Dimensions");
                mt.dimensions().forEach((k, v) -> dims.addObject().put("Key", k).put("Value", v));
            }
            if (mt.unit() != null) {
                t.put("Unit", mt.unit());
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String yaml(List<MetricFilter> filters) {
        StringBuilder y = new StringBuilder("Resources:\n");
        Set<String> used = new HashSet<>();
        for (MetricFilter f : filters) {
            MetricTransformation mt = f.transformation();
            y.append("  ").append(logicalId(f.name(), used)).append(":\n")
                    .append("    Type: AWS::Logs::MetricFilter\n")
                    .append("    Properties:\n")
                    .append("      FilterName: ").append(q(f.name())).append('\n')
                    .append("      FilterPattern: ").append(q(f.pattern().text())).append('\n')
                    .append("      LogGroupName: ").append(q(f.logGroupName())).append('\n')
                    .append("      MetricTransformations:\n")
                    .append("        - MetricName: ").append(q(mt.metricName())).append('\n')
                    .append("          MetricNamespace: ").append(q(mt.metricNamespace())).append('\n')
                    .append("          MetricValue: ").append(q(mt.metricValue())).append('\n');
            if (mt.defaultValue() != null) {
                y.append("          DefaultValue: ").append(number(mt.defaultValue())).append('\n');
            }
            if (!mt.dimensions().isEmpty()) {
                y.append("          Dimensions:\n");
                for (Map.Entry<String, String> d : mt.dimensions().entrySet()) {
                    y.append("            - Key: ").append(q(d.getKey())).append('\n')
                            .append("              Value: ").append(q(d.getValue())).append('\n');
                }
            }
            if (mt.unit() != null) {
                y.append("          Unit: ").append(q(mt.unit())).append('\n');
            }
        }
        return y.toString();
    }

    static String logicalId(String name, Set<String> used) {
        StringBuilder b = new StringBuilder();
        boolean upper = true;
        for (char c : name.toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                b.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        String base = (b.isEmpty() || !Character.isLetter(b.charAt(0)) ? "MetricFilter" : "") + b;
        if (base.length() > 240) {
            base = base.substring(0, 240);
        }
        String id = base;
        for (int n = 2; !used.add(id); n++) {
            id = base + n;
        }
        return id;
    }

    private static String q(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
