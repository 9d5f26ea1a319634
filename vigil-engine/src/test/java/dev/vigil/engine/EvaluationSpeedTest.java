package dev.vigil.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.engine.testing.JsonEvent;
import dev.vigil.engine.testing.MapEvent;
import dev.vigil.engine.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures the built-in pack's cost per event. Timing depends on the machine, so this runs only on request:
 * {@code mvn -pl vigil-engine test -Dtest=EvaluationSpeedTest -Dvigil.perf=true}. Events are pre-flattened so the
 * figure is the engine's own cost, not the JSON tree walk of the test event class.
 */
@EnabledIfSystemProperty(named = "vigil.perf", matches = "true")
class EvaluationSpeedTest {

    @Test
    void builtInPackCostPerEvent() throws IOException {
        List<MapEvent> corpus = corpus();
        DetectionSet set = DetectionSet.builtIn();
        int rounds = 400;
        long[] hits = {0};
        for (int warm = 0; warm < 50; warm++) {
            for (MapEvent e : corpus) {
                set.evaluate(e, h -> hits[0]++);
            }
        }
        long start = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            for (MapEvent e : corpus) {
                set.evaluate(e, h -> hits[0]++);
            }
        }
        long evaluateNanos = System.nanoTime() - start;
        long events = (long) rounds * corpus.size();
        System.out.printf("evaluate: %d events, %.0f ns/event, %.2f hits/event%n", events,
                (double) evaluateNanos / events, (double) hits[0] / (events + 50L * corpus.size()));

        FindingAggregator aggregator = new FindingAggregator(set);
        start = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            for (MapEvent e : corpus) {
                set.evaluate(e, aggregator::accept);
            }
        }
        aggregator.findings();
        long totalNanos = System.nanoTime() - start;
        System.out.printf("evaluate + aggregate: %.0f ns/event%n", (double) totalNanos / events);
        assertThat(hits[0]).isPositive();
    }

    /** Every Stratus and example record, flattened to path → value, repeated with fresh ids. */
    private static List<MapEvent> corpus() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(SharedData.stratus())) {
            s.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
        }
        try (Stream<Path> s = Files.walk(Path.of("src/main/resources/rules/tests"))) {
            s.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
        }
        ObjectMapper json = new ObjectMapper();
        List<MapEvent> out = new ArrayList<>();
        int n = 0;
        for (Path f : files) {
            for (JsonEvent e : JsonEvent.readFile(f)) {
                Map<String, Object> flat = new HashMap<>();
                for (String path : paths(json.readTree(e.rawJson()), "")) {
                    Object v = e.field(path);
                    if (v != null) {
                        flat.put(path, v);
                    }
                }
                out.add(new MapEvent(flat, e.rawJson(), "id-" + n++, e.timeMillis() + n));
            }
        }
        return out;
    }

    private static List<String> paths(JsonNode node, String prefix) {
        List<String> out = new ArrayList<>();
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String p = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
                out.add(p);
                out.addAll(paths(e.getValue(), p));
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                out.addAll(paths(element, prefix));
            }
        }
        return out.stream().distinct().toList();
    }
}
