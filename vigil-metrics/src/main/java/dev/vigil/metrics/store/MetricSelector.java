package dev.vigil.metrics.store;

import dev.vigil.metrics.MetricKey;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Which metrics a query reads: a namespace and metric name, and dimension filters.
 *
 * <p>With {@code exactDimensions}, a metric matches only when its dimensions are exactly the filters — CloudWatch's
 * rule for GetMetricStatistics and alarms. Without it, a metric matches when it has every filtered dimension with
 * that value ({@code *} accepts any value) and possibly more; the query then aggregates all matching metrics into one
 * series, which is what exploring a metric with per-principal dimensions needs.
 *
 * @param namespace        exact namespace
 * @param name             exact metric name
 * @param dimensions       dimension name to value, or to {@code *} for any value
 * @param exactDimensions  whether the metric's dimension set must equal the filters
 */
public record MetricSelector(String namespace, String name, Map<String, String> dimensions, boolean exactDimensions) {

    public MetricSelector {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        dimensions = Collections.unmodifiableSortedMap(new TreeMap<>(dimensions));
    }

    /** Exactly this metric. */
    public static MetricSelector exactly(MetricKey key) {
        return new MetricSelector(key.namespace(), key.name(), key.dimensions(), true);
    }

    /** Every metric of this namespace and name whose dimensions include the filters. */
    public static MetricSelector matching(String namespace, String name, Map<String, String> dimensionFilters) {
        return new MetricSelector(namespace, name, dimensionFilters, false);
    }

    public boolean matches(MetricKey key) {
        if (!namespace.equals(key.namespace()) || !name.equals(key.name())) {
            return false;
        }
        if (exactDimensions && key.dimensions().size() != dimensions.size()) {
            return false;
        }
        for (Map.Entry<String, String> filter : dimensions.entrySet()) {
            String actual = key.dimensions().get(filter.getKey());
            if (actual == null || !("*".equals(filter.getValue()) || filter.getValue().equals(actual))) {
                return false;
            }
        }
        return true;
    }
}
