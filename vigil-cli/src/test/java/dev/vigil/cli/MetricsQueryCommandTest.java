package dev.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vigil.metrics.Datapoint;
import dev.vigil.metrics.MetricKey;
import dev.vigil.metrics.store.MetricDatabase;
import dev.vigil.metrics.store.MetricStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsQueryCommandTest {

    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    static final MetricKey ALICE = MetricKey.of("Vigil", "ApiCalls", Map.of("principal", "alice"));
    static final MetricKey BOB = MetricKey.of("Vigil", "ApiCalls", Map.of("principal", "bob\u001b[31m"));

    @TempDir
    Path workspace;

    @BeforeEach
    void saveMetrics() {
        MetricStore s = new MetricStore();
        for (int m = 0; m < 10; m++) {
            s.add("a.json", new Datapoint(ALICE, T0.plusSeconds(60L * m).toEpochMilli(), m, "Count"));
            s.add("a.json", new Datapoint(BOB, T0.plusSeconds(60L * m).toEpochMilli(), 100, "Count"));
        }
        try (MetricDatabase db = MetricDatabase.open(workspace, Clock.systemUTC())) {
            db.save(s);
        }
    }

    @Test
    void printsATableOfSumsPerFiveMinutesByDefault() {
        CliRunner.Result r = CliRunner.run("metrics", "query", "Vigil", "ApiCalls", "--dim", "principal=alice",
                "--workspace", workspace.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Vigil/ApiCalls{principal=alice}  Sum per 5m")
                .contains("2026-03-02 10:00:00").contains("2026-03-02 10:05:00");
        assertThat(r.out().lines().filter(l -> l.startsWith("2026-03-02 10:00:00")).findFirst().orElseThrow())
                .contains(" 10 ").endsWith(" 5");
        assertThat(r.out().lines().filter(l -> l.startsWith("2026-03-02 10:05:00")).findFirst().orElseThrow())
                .contains(" 35 ");
    }

    @Test
    void writesJsonLinesWithAnyStatisticPeriodAndRange() throws Exception {
        CliRunner.Result r = CliRunner.run("metrics", "query", "Vigil", "ApiCalls", "--dim", "principal=*",
                "--stat", "p50", "--period", "1h", "--from", "2026-03-02T10:02:00Z", "--to", "2026-03-02T10:06:00Z",
                "--format", "jsonl", "--workspace", workspace.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines()).hasSize(1);
        JsonNode line = JsonMapper.builder().build().readTree(r.out());
        assertThat(line.path("timestamp").asText()).isEqualTo("2026-03-02T10:00:00Z");
        assertThat(line.path("statistic").asText()).isEqualTo("p50");
        assertThat(line.path("periodSeconds").asLong()).isEqualTo(3600);
        assertThat(line.path("sampleCount").asLong()).isEqualTo(8);
        assertThat(line.path("value").asDouble()).isEqualTo(5.0);
        assertThat(line.path("dimensions").path("principal").asText()).isEqualTo("*");
    }

    @Test
    void withoutFiltersAllMetricsOfTheNameAddUpAndHostileValuesAreNotPrinted() {
        CliRunner.Result r = CliRunner.run("metrics", "query", "Vigil", "ApiCalls", "--stat", "SampleCount",
                "--period", "10m", "--workspace", workspace.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains(" 20 ");
        CliRunner.Result bob = CliRunner.run("metrics", "query", "Vigil", "Nope", "--workspace", workspace.toString());
        assertThat(bob.exitCode()).isZero();
        assertThat(bob.out()).contains("No datapoints for Vigil/Nope");
        assertThat(bob.err()).contains("Vigil/ApiCalls{principal=alice}").doesNotContain("\u001b");
    }

    @Test
    void badArgumentsSayWhatToDo() {
        String ws = workspace.toString();
        assertThat(CliRunner.run("metrics", "query", "Vigil", "ApiCalls", "--period", "90s", "--workspace", ws).err())
                .contains("whole number of minutes");
        assertThat(CliRunner.run("metrics", "query", "Vigil", "ApiCalls", "--period", "soon", "--workspace", ws).err())
                .contains("is not a period");
        assertThat(CliRunner.run("metrics", "query", "Vigil", "ApiCalls", "--stat", "Median", "--workspace", ws).err())
                .contains("p99");
        assertThat(CliRunner.run("metrics", "query", "Vigil", "ApiCalls", "--dim", "principal", "--workspace", ws).err())
                .contains("NAME=VALUE");
        CliRunner.Result reversed = CliRunner.run("metrics", "query", "Vigil", "ApiCalls", "--from", "2026-03-03",
                "--to", "2026-03-02", "--workspace", ws);
        assertThat(reversed.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(reversed.err()).contains("is not before --to");
        assertThat(CliRunner.run("metrics", "query", "Vigil").exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void anEmptyWorkspaceSaysToScanFirst() {
        CliRunner.Result r = CliRunner.run("metrics", "query", "CISBenchmark", "RootAccountUsage",
                "--workspace", workspace.resolve("fresh").toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).contains("no metrics yet");
    }

    @Test
    void metricsWithoutASubcommandPrintsUsage() {
        assertThat(CliRunner.run("metrics").out()).contains("query");
    }
}
