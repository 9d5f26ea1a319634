package dev.vigil.metrics;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The identity of one CloudWatch metric: namespace, metric name and dimensions. Two datapoints belong to the same
 * metric exactly when their keys are equal, as in CloudWatch, where {@code Errors} with dimension
 * {@code Service=api} and {@code Errors} without dimensions are two different metrics.
 *
 * @param namespace  e.g. {@code CISBenchmark}
 * @param name       the metric name, e.g. {@code RootAccountUsage}
 * @param dimensions dimension name to value, sorted by name so equal keys print and hash alike; copied and
 *                   unmodifiable
 */
public record MetricKey(String namespace, String name, SortedMap<String, String> dimensions) {

    public MetricKey {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        TreeMap<String, String> copy = new TreeMap<>();
        for (Map.Entry<String, String> e : dimensions.entrySet()) {
            copy.put(Objects.requireNonNull(e.getKey(), "dimension name"),
                    Objects.requireNonNull(e.getValue(), "dimension value"));
        }
        dimensions = Collections.unmodifiableSortedMap(copy);
    }

    /** A metric without dimensions. */
    public static MetricKey of(String namespace, String name) {
        return new MetricKey(namespace, name, new TreeMap<>());
    }

    /** A metric with the given dimensions (any map; it is copied and sorted). */
    public static MetricKey of(String namespace, String name, Map<String, String> dimensions) {
        return new MetricKey(namespace, name, new TreeMap<>(dimensions));
    }

    /** {@code Namespace/Name} followed by {@code {k=v, …}} when there are dimensions; for messages and tables. */
    @Override
    public String toString() {
        return dimensions.isEmpty() ? namespace + "/" + name : namespace + "/" + name + dimensions;
    }
}
