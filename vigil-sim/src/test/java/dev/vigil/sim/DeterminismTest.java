package dev.vigil.sim;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The same options give the same bytes; another seed gives another estate. */
class DeterminismTest {

    private static final EstateSimulator.Options OPTIONS =
            new EstateSimulator.Options(7, 6_000, Instant.parse("2026-11-02T06:00:00Z"), Duration.ofHours(6));

    @TempDir
    static Path dir;
    static SimulationResult first;
    static SimulationResult second;
    static SimulationResult other;

    @BeforeAll
    static void generate() {
        first = EstateSimulator.write(dir.resolve("a"), OPTIONS, null);
        second = EstateSimulator.write(dir.resolve("b"), OPTIONS, null);
        other = EstateSimulator.write(dir.resolve("c"), OPTIONS.withSeed(8), null);
    }

    @Test
    void sameSeedGivesByteIdenticalOutput() {
        List<String> a = relativeFiles(dir.resolve("a"));
        List<String> b = relativeFiles(dir.resolve("b"));
        assertThat(a).isEqualTo(b).hasSizeGreaterThan(10);
        for (String file : a) {
            assertThat(bytes(dir.resolve("a").resolve(file))).as(file).isEqualTo(bytes(dir.resolve("b").resolve(file)));
        }
        assertThat(first.bytes()).isEqualTo(second.bytes());
        assertThat(a).anyMatch(f -> f.contains("vpcflowlogs")).contains("network-labels.jsonl",
                "aws-ip-ranges.json", "intel/intel.yaml".replace('/', java.io.File.separatorChar));
        assertThat(first.flowRecords()).isPositive().isEqualTo(second.flowRecords());
        assertThat(first.scenarios()).isEqualTo(second.scenarios());
    }

    @Test
    void anotherSeedGivesAnotherEstate() {
        List<String> a = relativeFiles(dir.resolve("a"));
        List<String> c = relativeFiles(dir.resolve("c"));
        assertThat(c).isNotEqualTo(a);
        assertThat(bytes(dir.resolve("c").resolve("labels.jsonl")))
                .isNotEqualTo(bytes(dir.resolve("a").resolve("labels.jsonl")));
        assertThat(bytes(dir.resolve("c").resolve("estate.json")))
                .isNotEqualTo(bytes(dir.resolve("a").resolve("estate.json")));
        assertThat(other.events()).isEqualTo(first.events());
        assertThat(bytes(dir.resolve("c").resolve("network-labels.jsonl")))
                .isNotEqualTo(bytes(dir.resolve("a").resolve("network-labels.jsonl")));
    }

    private static List<String> relativeFiles(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void generationDoesNotDependOnWallClockOrThreadTiming() {
        // a third run in a fresh directory, after the others, still matches byte for byte
        SimulationResult third = EstateSimulator.write(dir.resolve("d"), OPTIONS, null);
        assertThat(third.files()).isEqualTo(first.files());
        assertThat(Arrays.equals(bytes(dir.resolve("d").resolve("scenarios.json")),
                bytes(dir.resolve("a").resolve("scenarios.json")))).isTrue();
        assertThat(relativeFiles(dir.resolve("d"))).isEqualTo(relativeFiles(dir.resolve("a")));
    }
}
