package dev.vigil.metrics;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetricKeyTest {

    @Test
    void keysWithTheSameDimensionsInAnyOrderAreEqual() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("b", "2");
        a.put("a", "1");
        Map<String, String> b = new HashMap<>(Map.of("a", "1", "b", "2"));
        assertThat(MetricKey.of("NS", "M", a)).isEqualTo(MetricKey.of("NS", "M", b))
                .hasSameHashCodeAs(MetricKey.of("NS", "M", b));
        assertThat(MetricKey.of("NS", "M", a).toString()).isEqualTo("NS/M{a=1, b=2}");
    }

    @Test
    void aMetricWithoutDimensionsIsADifferentMetric() {
        assertThat(MetricKey.of("NS", "M")).isNotEqualTo(MetricKey.of("NS", "M", Map.of("a", "1")));
        assertThat(MetricKey.of("NS", "M").toString()).isEqualTo("NS/M");
    }

    @Test
    void dimensionsAreCopiedAndUnmodifiable() {
        Map<String, String> dims = new HashMap<>(Map.of("a", "1"));
        MetricKey key = MetricKey.of("NS", "M", dims);
        dims.put("b", "2");
        assertThat(key.dimensions()).containsOnlyKeys("a");
        assertThatThrownBy(() -> key.dimensions().put("c", "3")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nullsAreRefused() {
        assertThatThrownBy(() -> MetricKey.of(null, "M")).isInstanceOf(NullPointerException.class);
        Map<String, String> withNull = new HashMap<>();
        withNull.put("a", null);
        assertThatThrownBy(() -> MetricKey.of("NS", "M", withNull)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void datapointDefaultsItsUnitToNone() {
        assertThat(new Datapoint(MetricKey.of("NS", "M"), 0, 1, null).unit()).isEqualTo("None");
        assertThat(Datapoint.of(MetricKey.of("NS", "M"), 0, 1).unit()).isEqualTo(Datapoint.NO_UNIT);
        assertThat(new Datapoint(MetricKey.of("NS", "M"), 0, 1, "Count").unit()).isEqualTo("Count");
    }
}
