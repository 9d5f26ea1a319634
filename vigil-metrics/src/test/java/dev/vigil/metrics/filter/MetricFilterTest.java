package dev.vigil.metrics.filter;

import dev.vigil.metrics.pattern.LogMessage;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetricFilterTest {

    static final long T = 1_700_000_000_000L;

    static MetricFilter filter(String pattern, String value, Map<String, String> dims) {
        return MetricFilter.of("f", "app/logs", pattern, new MetricTransformation("Latency", "App", value, null, dims,
                "Milliseconds"));
    }

    @Test
    void literalValueForEveryMatchNothingOtherwise() {
        MetricFilter f = MetricFilter.of("errors", "app", "ERROR", MetricTransformation.count("App", "Errors"));
        assertThat(f.extract(LogMessage.of("ERROR disk"), T)).containsExactly(
                new Datapoint(new MetricKey("App", "Errors", Map.of()), 1.0, "None", T));
        assertThat(f.extract(LogMessage.of("INFO ok"), T)).isEmpty();
    }

    @Test
    void jsonFieldValueAndDimensions() {
        MetricFilter f = filter("{ $.latency = * }", "$.latency", Map.of("Type", "$.requestType"));
        assertThat(f.extract(LogMessage.of("{\"latency\": 50, \"requestType\": \"GET\"}"), T)).containsExactly(
                new Datapoint(new MetricKey("App", "Latency", Map.of("Type", "GET")), 50.0, "Milliseconds", T));
        // the value or a dimension cannot be read: nothing is published
        assertThat(f.extract(LogMessage.of("{\"latency\": \"slow\", \"requestType\": \"GET\"}"), T)).isEmpty();
        assertThat(f.extract(LogMessage.of("{\"latency\": 5}"), T)).isEmpty();
        assertThat(f.extract(LogMessage.of("{\"latency\": 5, \"requestType\": {\"a\":1}}"), T)).isEmpty();
        // numbers and booleans become dimension text as JSON writes them
        assertThat(f.extract(LogMessage.of("{\"latency\": 5, \"requestType\": 2.50}"), T).getFirst().key()
                .dimensions()).containsEntry("Type", "2.5");
    }

    @Test
    void delimitedColumnValueAndDimensions() {
        MetricFilter f = filter("[ip, user, username, timestamp, request, status_code, bytes]", "$bytes",
                Map.of("Status", "$status_code"));
        var d = f.extract(LogMessage.of("127.0.0.1 Prod frank [10/Oct/2000:13:25:15 -0700] \"GET / HTTP/1.0\" 404 1534"),
                T);
        assertThat(d).containsExactly(new Datapoint(new MetricKey("App", "Latency", Map.of("Status", "404")), 1534.0,
                "Milliseconds", T));
    }

    @Test
    void referencesMustFitThePattern() {
        assertThatThrownBy(() -> filter("ERROR", "$.latency", Map.of()))
                .hasMessageContaining("metricValue").hasMessageContaining("not a JSON pattern");
        assertThatThrownBy(() -> filter("{ $.a = 1 }", "$bytes", Map.of()))
                .hasMessageContaining("not one [ ... ]");
        assertThatThrownBy(() -> filter("[a, b]", "$c", Map.of())).hasMessageContaining("names no column");
        assertThatThrownBy(() -> filter("{ $.a = 1 }", "$.a[x]", Map.of())).hasMessageContaining("not a valid selector");
        assertThatThrownBy(() -> filter("{ $.a = 1 }", "one", Map.of())).hasMessageContaining("neither a number");
        assertThatThrownBy(() -> filter("ERROR", "1", Map.of("D", "$.x"))).hasMessageContaining("dimensions need a JSON or space-delimited pattern");
        assertThatThrownBy(() -> filter("{ $.a = 1 }", "1", Map.of("D", "$b"))).hasMessageContaining("dimension D");
    }

    @Test
    void transformationRulesFromTheApi() {
        assertThatThrownBy(() -> new MetricTransformation("m", "ns", "1", 0.0, Map.of("a", "$.a"), null))
                .hasMessageContaining("defaultValue cannot be combined with dimensions");
        assertThatThrownBy(() -> new MetricTransformation("m", "ns", "1", null,
                Map.of("a", "$.a", "b", "$.b", "c", "$.c", "d", "$.d"), null)).hasMessageContaining("at most 3");
        assertThatThrownBy(() -> new MetricTransformation("m", "ns", "1", null, Map.of("a", "literal"), null))
                .hasMessageContaining("must take its value from a field");
        assertThatThrownBy(() -> new MetricTransformation("m", "n:s", "1", null, null, null))
                .hasMessageContaining("may not contain");
        assertThatThrownBy(() -> new MetricTransformation("m", "ns", "1", null, null, "Furlongs"))
                .hasMessageContaining("unknown unit");
        assertThatThrownBy(() -> new MetricTransformation("", "ns", "1", null, null, null))
                .hasMessageContaining("metricName is required");
        assertThatThrownBy(() -> MetricFilter.of("a:b", "g", "", MetricTransformation.count("n", "m")))
                .hasMessageContaining("filterName");
        assertThatThrownBy(() -> MetricFilter.of("a", "bad group!", "", MetricTransformation.count("n", "m")))
                .hasMessageContaining("logGroupName");
        assertThat(MetricTransformation.count("n", "m").unitOrNone()).isEqualTo("None");
    }
}
