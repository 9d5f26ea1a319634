package dev.vigil.engine;

import dev.vigil.engine.sigma.SigmaCorrelation;
import dev.vigil.engine.sigma.SigmaDocument;
import dev.vigil.engine.sigma.SigmaRule;
import dev.vigil.model.DetectionInfo;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The built-in pack loads cleanly and every rule carries the metadata findings need. */
class BuiltInRulesTest {

    private static final Path RULE_DIR = Path.of("src/main/resources/rules");

    @Test
    void builtInPackLoadsWithoutProblems() {
        RuleLoadResult loaded = RuleLoader.loadBuiltIn();
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.warnings()).isEmpty();
        DetectionSet set = DetectionSet.of(loaded);
        assertThat(set.problems()).isEmpty();
        assertThat(set.detections()).hasSizeGreaterThan(30);
        assertThat(DetectionSet.builtIn().detections()).isEqualTo(set.detections());
    }

    @Test
    void everyRuleFileIsListedInTheIndex() throws IOException {
        try (Stream<Path> files = Files.list(RULE_DIR)) {
            List<String> yml = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yml")).sorted()
                    .toList();
            assertThat(RuleLoader.builtInFileNames()).containsExactlyInAnyOrderElementsOf(yml);
        }
    }

    @Test
    void everyRuleHasAStableUuidAReadableNameAndCompleteMetadata() {
        Set<String> ids = new HashSet<>();
        for (SigmaDocument doc : RuleLoader.loadBuiltIn().documents()) {
            assertThat(UUID.fromString(doc.id()).toString()).as("id of %s", doc.name()).isEqualTo(doc.id());
            assertThat(ids.add(doc.id())).as("unique id %s", doc.id()).isTrue();
            assertThat(doc.name()).matches("vigil-[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(doc.title()).isNotBlank();
            assertThat(doc.tags()).as("tags of %s", doc.name()).anyMatch(t -> t.matches("attack\\.t\\d{4}(\\.\\d{3})?"));
            switch (doc) {
                case SigmaRule r -> {
                    assertThat(r.logSource().product()).isEqualTo("aws");
                    assertThat(r.logSource().service()).isEqualTo("cloudtrail");
                    assertThat(r.description()).as("description of %s", r.name()).hasSizeGreaterThan(40);
                }
                case SigmaCorrelation c -> {
                    assertThat(c.description()).as("description of %s", c.name()).hasSizeGreaterThan(80);
                    assertThat(c.falsePositives()).as("false positives of %s", c.name()).isNotEmpty();
                }
            }
        }
        for (DetectionInfo d : DetectionSet.builtIn().detections()) {
            assertThat(d.description()).as("description of %s", d.id()).hasSizeGreaterThan(80);
            assertThat(d.attack()).as("ATT&CK ids of %s", d.id()).isNotEmpty().allMatch(a -> a.matches("T\\d{4}(\\.\\d{3})?"));
            assertThat(d.types()).as("types of %s", d.id()).isNotEmpty();
        }
    }

    @Test
    void theReadmeListsEveryRule() throws IOException {
        String readme = Files.readString(RULE_DIR.resolve("README.md"));
        for (String id : DetectionSet.builtIn().ruleIds()) {
            assertThat(readme).as("README entry for %s", id).contains("`" + id + "`");
        }
    }

    @Test
    void detectionsThatRaiseFindingsListFalsePositives() {
        Set<String> detections = new HashSet<>();
        DetectionSet.builtIn().detections().forEach(d -> detections.add(d.id()));
        for (SigmaDocument doc : RuleLoader.loadBuiltIn().documents()) {
            if (doc instanceof SigmaRule r && detections.contains(r.ruleId())) {
                assertThat(r.falsePositives()).as("false positives of %s", r.name()).isNotEmpty();
            }
        }
    }
}
