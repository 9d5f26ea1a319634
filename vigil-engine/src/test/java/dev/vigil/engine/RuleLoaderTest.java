package dev.vigil.engine;

import dev.vigil.engine.sigma.SigmaDocument;
import dev.vigil.model.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RuleLoaderTest {

    private static String rule(String name) {
        return """
                title: %s
                name: %s
                logsource: {product: aws, service: cloudtrail}
                detection:
                  selection: {eventName: %s}
                  condition: selection
                """.formatted(name, name, name);
    }

    @Test
    void loadsEveryRuleFileOfADirectoryAndReportsEveryProblem(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.yml"), rule("a"));
        Files.createDirectories(dir.resolve("nested"));
        Files.writeString(dir.resolve("nested/b.yaml"), rule("b") + "---\n" + rule("c").replace("eventName:", "eventName|nope:"));
        Files.writeString(dir.resolve("nested/broken.yml"), "title: [unclosed\n");
        Files.writeString(dir.resolve("notes.txt"), "not a rule");
        Files.write(dir.resolve("latin1.yml"), new byte[] {'t', 'i', 't', 'l', 'e', ':', ' ', (byte) 0xE9});

        RuleLoadResult r = RuleLoader.loadDirectory(dir);
        assertThat(r.documents()).extracting(SigmaDocument::ruleId).containsExactly("a", "b");
        assertThat(r.problems()).extracting(Problem::reason)
                .containsExactlyInAnyOrder("file-unreadable", "modifier-invalid", "yaml-invalid");
        Problem modifier = r.problems().stream().filter(p -> p.reason().equals("modifier-invalid")).findFirst().orElseThrow();
        assertThat(modifier.location()).isEqualTo(dir.resolve("nested/b.yaml") + ":12");
        assertThat(modifier.message()).contains("rule 'c'").contains("'nope'");
        Problem encoding = r.problems().stream().filter(p -> p.reason().equals("file-unreadable")).findFirst().orElseThrow();
        assertThat(encoding.location()).endsWith("latin1.yml");
        assertThat(encoding.message()).contains("UTF-8");
    }

    @Test
    void refusesFilesOverTheSizeLimit(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.yml");
        Files.writeString(big, rule("a") + "# " + "x".repeat((int) RuleLoader.MAX_FILE_BYTES) + "\n");
        RuleLoadResult r = RuleLoader.loadFile(big);
        assertThat(r.documents()).isEmpty();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.reason()).isEqualTo("file-too-large");
            assertThat(p.message()).contains("split it");
        });
    }

    @Test
    void reportsAMissingDirectory(@TempDir Path dir) {
        RuleLoadResult r = RuleLoader.loadDirectory(dir.resolve("missing"));
        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("not a directory"));
    }

    @Test
    void byteOrderMarkIsAccepted(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bom.yml");
        Files.writeString(file, "\uFEFF" + rule("a"));
        assertThat(RuleLoader.loadFile(file).problems()).isEmpty();
    }

    @Test
    void resultsCombine() {
        RuleLoadResult both = RuleLoader.loadText("x.yml", rule("x")).plus(RuleLoader.loadText("y.yml", "nope: ["));
        assertThat(both.documents()).hasSize(1);
        assertThat(both.problems()).hasSize(1);
        assertThat(DetectionSet.of(both).problems()).hasSize(1);
    }
}
