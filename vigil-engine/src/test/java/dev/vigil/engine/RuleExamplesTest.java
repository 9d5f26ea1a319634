package dev.vigil.engine;

import dev.vigil.engine.testing.Detections;
import dev.vigil.engine.testing.JsonEvent;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every built-in rule's match and no-match examples, shipped with the pack in {@code rules/tests/} (layout:
 * docs/sigma.md). {@code vigil rules test} runs the same files through the CloudTrail reader; this
 * test keeps the engine module honest on its own.
 */
class RuleExamplesTest {

    private static final Path EXAMPLES = Path.of("src/main/resources/rules/tests");

    @Test
    void everyRuleHasMatchAndNoMatchScenariosAndEveryFolderIsARule() throws IOException {
        DetectionSet set = DetectionSet.builtIn();
        for (String id : set.ruleIds()) {
            assertThat(scenarios(id, "match")).as("match scenarios of %s", id).isNotEmpty();
            assertThat(scenarios(id, "nomatch")).as("no-match scenarios of %s", id).isNotEmpty();
        }
        try (Stream<Path> dirs = Files.list(EXAMPLES)) {
            List<String> folders = dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).toList();
            assertThat(set.ruleIds()).containsAll(folders);
        }
    }

    @TestFactory
    Stream<DynamicTest> scenarios() {
        DetectionSet set = DetectionSet.builtIn();
        List<DynamicTest> tests = new ArrayList<>();
        for (String id : set.ruleIds()) {
            for (String kind : List.of("match", "nomatch")) {
                for (Path file : scenarios(id, kind)) {
                    tests.add(DynamicTest.dynamicTest(id + " " + kind + " " + file.getFileName(), () -> {
                        List<JsonEvent> events = JsonEvent.readFile(file);
                        assertThat(events).as("records in %s", file).isNotEmpty();
                        if (set.isCorrelation(id)) {
                            assertThat(fires(set, id, events)).as("%s on %s/%s", id, kind, file.getFileName())
                                    .isEqualTo(kind.equals("match"));
                            return;
                        }
                        // a detection's example is checked record by record, as vigil rules test does
                        for (JsonEvent e : events) {
                            assertThat(fires(set, id, List.of(e))).as("%s on %s", id, e.origin())
                                    .isEqualTo(kind.equals("match"));
                        }
                    }));
                }
            }
        }
        return tests.stream();
    }

    static boolean fires(DetectionSet set, String ruleId, List<JsonEvent> events) {
        if (set.isCorrelation(ruleId)) {
            return Detections.findings(set, events).stream().anyMatch(f -> f.rule().id().equals(ruleId));
        }
        return Detections.hits(set, events).stream().anyMatch(h -> h.ruleId().equals(ruleId));
    }

    private static List<Path> scenarios(String ruleId, String kind) {
        Path dir = EXAMPLES.resolve(ruleId).resolve(kind);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
