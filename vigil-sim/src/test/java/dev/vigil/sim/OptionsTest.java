package dev.vigil.sim;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionsTest {

    private static final EstateSimulator.Options DEFAULTS = EstateSimulator.Options.defaults();

    @Test
    void defaultsAreTheDocumentedOnes() {
        assertThat(DEFAULTS.seed()).isEqualTo(42);
        assertThat(DEFAULTS.events()).isEqualTo(50_000);
        assertThat(DEFAULTS.start()).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
        assertThat(DEFAULTS.span()).isEqualTo(Duration.ofHours(24));
        assertThat(DEFAULTS.withSeed(3).withEvents(2_000).withSpan(Duration.ofHours(3))
                .withStart(Instant.parse("2027-01-01T00:00:00Z")))
                .isEqualTo(new EstateSimulator.Options(3, 2_000, Instant.parse("2027-01-01T00:00:00Z"),
                        Duration.ofHours(3)));
    }

    @Test
    void flowRecordsFollowTheEventsUnlessSetAndAreValidated() {
        assertThat(DEFAULTS.flowRecords()).isEqualTo(EstateSimulator.MAX_DEFAULT_FLOW_RECORDS);
        assertThat(DEFAULTS.withEvents(20_000).flowRecords()).isEqualTo(120_000);
        assertThat(DEFAULTS.withFlowRecords(5_000).withEvents(20_000).flowRecords()).isEqualTo(5_000);
        assertThat(DEFAULTS.withFlowRecords(0).flowRecords()).isZero();
        assertThatThrownBy(() -> DEFAULTS.withFlowRecords(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("flowRecords must be between 0");
    }

    @Test
    void nonsenseOptionsAreRejectedWithTheAcceptedRange() {
        assertThatThrownBy(() -> DEFAULTS.withEvents(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("events must be between 1000");
        assertThatThrownBy(() -> DEFAULTS.withEvents(-5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DEFAULTS.withEvents(999)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DEFAULTS.withSpan(Duration.ofMinutes(90))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("span must be between");
        assertThatThrownBy(() -> DEFAULTS.withSpan(Duration.ofDays(400))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DEFAULTS.withSpan(Duration.ofHours(-24))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DEFAULTS.withSpan(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("span is required");
        assertThatThrownBy(() -> DEFAULTS.withStart(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("start is required");
        assertThatThrownBy(() -> DEFAULTS.withStart(Instant.parse("1999-12-31T23:59:59Z")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DEFAULTS.withStart(Instant.MAX)).isInstanceOf(IllegalArgumentException.class);
        assertThat(DEFAULTS.withEvents(EstateSimulator.MIN_EVENTS).events()).isEqualTo(1_000);
        assertThat(DEFAULTS.withSpan(EstateSimulator.MIN_SPAN).span()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void refusesToMixWithAnEarlierRun(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("logs/AWSLogs"));
        assertThatThrownBy(() -> EstateSimulator.write(dir, DEFAULTS.withEvents(1_000).withSpan(Duration.ofHours(2)),
                null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already holds files").hasMessageContaining("delete");
        assertThat(dir.resolve("labels.jsonl")).doesNotExist();
    }

    @Test
    void refusesAFileAsOutputDirectory(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("out"), "x");
        assertThatThrownBy(() -> EstateSimulator.write(file, DEFAULTS, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is a file");
        assertThatThrownBy(() -> EstateSimulator.write(null, DEFAULTS, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesIntoAnEmptyExistingLogsDirectoryAndCreatesMissingOnes(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("a/logs"));
        SimulationResult a = EstateSimulator.write(dir.resolve("a"), DEFAULTS.withEvents(1_000)
                .withSpan(Duration.ofHours(2)), null);
        SimulationResult b = EstateSimulator.write(dir.resolve("b/c"), DEFAULTS.withEvents(1_000)
                .withSpan(Duration.ofHours(2)), null);
        assertThat(a.events()).isEqualTo(1_000);
        assertThat(b.events()).isEqualTo(1_000);
        assertThat(b.scenarios()).hasSize(10);
    }
}
