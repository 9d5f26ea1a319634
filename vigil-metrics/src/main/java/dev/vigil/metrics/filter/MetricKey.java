package dev.vigil.metrics.filter;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Identifies a metric series: namespace, name and dimension values (sorted by dimension name). */
public record MetricKey(String namespace, String name, Map<String, String> dimensions) {

    public MetricKey {
        // one dimension (the common case) needs no sorting
        dimensions = dimensions == null || dimensions.isEmpty() ? Map.of()
                : dimensions.size() == 1 ? Map.copyOf(dimensions)
                : Collections.unmodifiableMap(new TreeMap<>(dimensions));
    }
}
