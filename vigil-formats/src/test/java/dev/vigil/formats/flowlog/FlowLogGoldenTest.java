package dev.vigil.formats.flowlog;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worked examples of the VPC User Guide (spec §6), read and rendered back as JSON, against golden files.
 * Regenerate with {@code -Dvigil.regenerateGolden=true} and review the diff.
 */
class FlowLogGoldenTest {

    @ParameterizedTest
    @ValueSource(strings = {"spec-v2", "spec-v3", "spec-v5", "spec-nat"})
    void specExamplesMatchTheirGoldenJson(String name) throws IOException, URISyntaxException {
        Path log = resource(name + ".log");
        FlowLogFiles f = new FlowLogFiles(log.getParent());
        f.read(log);
        assertThat(f.problems).isEmpty();
        List<String> actual = f.records.stream().map(r -> r.origin() + " " + r.rawJson()).toList();

        Path golden = log.resolveSibling(name + ".golden.jsonl");
        if (Boolean.getBoolean("vigil.regenerateGolden")) {
            Path source = Path.of("src/test/resources/flowlog").resolve(golden.getFileName());
            Files.write(source, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).containsExactlyElementsOf(Files.readAllLines(golden, StandardCharsets.UTF_8));
        long dataLines = Files.readAllLines(log).size() - 1;
        assertThat(f.records).hasSize((int) dataLines);
        assertThat(f.records).allSatisfy(r -> assertThat(r.logSource()).isEqualTo("aws:vpcflowlogs"));
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(Objects.requireNonNull(FlowLogGoldenTest.class.getResource("/flowlog/" + name)).toURI());
    }

}
