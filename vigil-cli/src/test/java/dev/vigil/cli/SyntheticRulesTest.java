package dev.vigil.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark's synthetic Sigma rules load cleanly, are repeatable, and bad counts are refused. */
class SyntheticRulesTest {

    @TempDir
    Path dir;

    @Test
    void everyGeneratedRuleLoadsAndTheSameSeedWritesTheSameFiles() throws IOException {
        CliRunner.Result a = CliRunner.run("simulate", "--out", dir.resolve("a").toString(), "--events", "0",
                "--sigma-rules", "60", "--seed", "3");
        assertThat(a.exitCode()).as(a.err()).isZero();
        assertThat(a.out()).contains("wrote 60 synthetic Sigma rules");
        assertThat(dir.resolve("a/logs")).doesNotExist(); // --events 0: only the rules
        CliRunner.Result validate = CliRunner.run("rules", "validate", dir.resolve("a/rules").toString());
        assertThat(validate.exitCode()).as(validate.out() + validate.err()).isZero();
        assertThat(validate.out()).contains("60 rules loaded, 0 problems");

        CliRunner.Result b = CliRunner.run("simulate", "--out", dir.resolve("b").toString(), "--events", "0",
                "--sigma-rules", "60", "--seed", "3");
        assertThat(b.exitCode()).isZero();
        for (Path file : files(dir.resolve("a/rules"))) {
            assertThat(Files.readString(dir.resolve("b/rules").resolve(file.getFileName())))
                    .isEqualTo(Files.readString(file));
        }
    }

    @Test
    void aNegativeCountIsRefused() {
        CliRunner.Result r = CliRunner.run("simulate", "--out", dir.toString(), "--events", "0", "--sigma-rules", "-1");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains("--sigma-rules must be 0 or more");
    }

    private static List<Path> files(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.sorted().toList();
        }
    }
}
