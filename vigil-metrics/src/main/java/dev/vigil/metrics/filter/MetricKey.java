package dev.vigil.metrics.filter;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Identifies a metric series: namespace, name and dimension values (sorted by dimension name). */
public record MetricKey(String namespace, String name, Map<String, String> dimensions) {

    public MetricKey {
        dimensions = dimensions == null || dimensions.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new TreeMap<>(dimensions));
    }
}
