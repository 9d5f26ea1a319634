package dev.vigil.metrics.filter;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a metric filter publishes for each matching event, with CloudWatch's rules checked on construction.
 *
 * @param metricName      the metric's name (1..255 characters)
 * @param metricNamespace its namespace (1..255 characters, no {@code : * $})
 * @param metricValue     a literal number (usually {@code "1"}), {@code $.field} for JSON patterns or
 *                        {@code $name} for a named column of a space-delimited pattern (at most 100 characters)
 * @param defaultValue    published for periods without a matching event; null for a sparse metric. Cannot be
 *                        combined with dimensions
 * @param dimensions      up to 3 dimension names, each mapped to a field reference ({@code $.field} / {@code $name});
 *                        sorted by name
 * @param unit            a CloudWatch StandardUnit name, or null (CloudWatch's {@code None})
 */
public record MetricTransformation(String metricName, String metricNamespace, String metricValue,
                                   Double defaultValue, Map<String, String> dimensions, String unit) {

    public static final int MAX_DIMENSIONS = 3;

    public MetricTransformation {
        require(metricName, "metricName", 255);
        require(metricNamespace, "metricNamespace", 255);
        if (metricNamespace.chars().anyMatch(ch -> ch == ':' || ch == '*' || ch == '$')) {
            throw new IllegalArgumentException("metricNamespace '" + metricNamespace + "' may not contain ':', '*' or "
                    + "'$'");
        }
        require(metricValue, "metricValue", 100);
        dimensions = dimensions == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(dimensions));
        if (dimensions.size() > MAX_DIMENSIONS) {
            throw new IllegalArgumentException("a metric filter has at most " + MAX_DIMENSIONS + " dimensions; this "
                    + "one has " + dimensions.size() + " " + dimensions.keySet());
        }
        for (Map.Entry<String, String> d : dimensions.entrySet()) {
            require(d.getKey(), "dimension name", 255);
            if (d.getValue() == null || !d.getValue().startsWith("$")) {
                throw new IllegalArgumentException("dimension '" + d.getKey() + "' must take its value from a field: "
                        + "write $.field (JSON pattern) or $name (space-delimited pattern), not '" + d.getValue() + "'");
            }
        }
        if (defaultValue != null && !dimensions.isEmpty()) {
            throw new IllegalArgumentException("defaultValue cannot be combined with dimensions (CloudWatch rejects "
                    + "it); remove one of them");
        }
        if (defaultValue != null && !Double.isFinite(defaultValue)) {
            throw new IllegalArgumentException("defaultValue must be a finite number");
        }
        if (unit != null && !MetricUnit.NAMES.contains(unit)) {
            throw new IllegalArgumentException("unknown unit '" + unit + "'; use one of " + MetricUnit.NAMES);
        }
    }

    /** A count metric: value 1 per matching event, no dimensions, no default. */
    public static MetricTransformation count(String namespace, String name) {
        return new MetricTransformation(name, namespace, "1", null, Map.of(), null);
    }

    /** The unit to publish with ({@code None} when not set), as CloudWatch does. */
    public String unitOrNone() {
        return unit == null ? "None" : unit;
    }

    private static void require(String value, String what, int max) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " is required");
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(what + " is longer than " + max + " characters");
        }
    }
}
