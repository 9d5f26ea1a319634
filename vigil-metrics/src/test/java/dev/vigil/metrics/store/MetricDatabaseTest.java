package dev.vigil.metrics.store;

import dev.vigil.metrics.Datapoint;
import dev.vigil.metrics.MetricKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static dev.vigil.metrics.store.MetricStoreTest.T0;
import static dev.vigil.metrics.store.MetricStoreTest.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetricDatabaseTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T00:00:00Z"), ZoneOffset.UTC);
    static final MetricKey CALLS = MetricKey.of("Vigil", "ApiCalls", Map.of("principal", "alice"));
    static final Instant TO = T0.plus(Duration.ofDays(1));

    @TempDir
    Path workspace;

    static MetricStore scanOf(String source, int minutes, double value) {
        MetricStore s = new MetricStore();
        for (int m = 0; m < minutes; m++) {
            for (int i = 0; i <= m % 200; i++) {
                s.add(source, new Datapoint(CALLS, T0.toEpochMilli() + m * 60_000L + i, value * i, "Count"));
            }
        }
        return s;
    }

    @Test
    void rollupsRoundTripWithAllStatistics() {
        MetricStore scan = scanOf("s3://trail/a.json.gz", 300, 1.5);
        try (MetricDatabase db = MetricDatabase.open(workspace, CLOCK)) {
            assertThat(db.save(scan).rowsWritten()).isEqualTo(300);
        }
        assertThat(workspace.resolve("metrics.duckdb")).exists();
        try (MetricDatabase db = MetricDatabase.open(workspace, CLOCK)) {
            MetricStore loaded = db.load(MetricSelector.exactly(CALLS), T0, TO);
            for (Statistic s : List.of(Statistic.Basic.values())) {
                assertThat(loaded.statistics(MetricSelector.exactly(CALLS), T0, TO, Duration.ofMinutes(5), s))
                        .as(s.awsName())
                        .isEqualTo(scan.statistics(MetricSelector.exactly(CALLS), T0, TO, Duration.ofMinutes(5), s));
            }
            for (double p : new double[]{50, 99}) {
                Statistic s = new Statistic.Percentile(p);
                assertThat(loaded.statistics(MetricSelector.exactly(CALLS), T0, TO, Duration.ofHours(1), s))
                        .isEqualTo(scan.statistics(MetricSelector.exactly(CALLS), T0, TO, Duration.ofHours(1), s));
            }
            assertThat(db.metrics()).containsExactly(CALLS);
        }
    }

    @Test
    void reRunningAScanOnTheSameDataDoesNotDoubleCount() {
        try (MetricDatabase db = MetricDatabase.open(workspace, CLOCK)) {
            db.save(scanOf("a.json", 10, 1));
            MetricDatabase.SaveResult again = db.save(scanOf("a.json", 10, 1));
            assertThat(again.rowsReplaced()).isEqualTo(10);
            assertThat(total(db)).isEqualTo(total(scanOf("a.json", 10, 1)));
        }
    }

    @Test
    void aScanOfAnotherInputCoveringTheSameMinutesAdds() {
        try (MetricDatabase db = MetricDatabase.open(workspace, CLOCK)) {
            db.save(scanOf("eu-west-1.json", 10, 1));
            db.save(scanOf("us-east-1.json", 10, 1));
            assertThat(total(db)).isEqualTo(2 * total(scanOf("x", 10, 1)));
            // A later scan of both replaces both: still not doubled.
            MetricStore both = scanOf("eu-west-1.json", 10, 1);
            both.mergeFrom(scanOf("us-east-1.json", 10, 1));
            db.save(both);
            assertThat(total(db)).isEqualTo(2 * total(scanOf("x", 10, 1)));
        }
    }

    @Test
    void loadFiltersByTimeAndDimensions() {
        MetricStore s = new MetricStore();
        MetricKey bob = MetricKey.of("Vigil", "ApiCalls", Map.of("principal", "bob"));
        s.add(new Datapoint(CALLS, T0.toEpochMilli(), 1, "Count"));
        s.add(new Datapoint(bob, T0.toEpochMilli(), 10, "Count"));
        s.add(new Datapoint(bob, T0.plusSeconds(3600).toEpochMilli(), 100, "Count"));
        try (MetricDatabase db = MetricDatabase.open(workspace, CLOCK)) {
            db.save(s);
            MetricStore onlyBob = db.load(MetricSelector.matching("Vigil", "ApiCalls", Map.of("principal", "bob")),
                    T0, T0.plusSeconds(60));
            assertThat(onlyBob.metrics()).containsExactly(bob);
            assertThat(values(onlyBob.statistics(MetricSelector.exactly(bob), T0, TO, Duration.ofHours(2),
                    Statistic.Basic.SUM))).containsExactly(10.0);
        }
    }

    @Test
    void refusesSomeoneElsesDatabaseAndANewerSchema() throws Exception {
        Path foreign = workspace.resolve("foreign");
        Files.createDirectories(foreign);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + foreign.resolve("metrics.duckdb"));
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE customers (id INTEGER)");
        }
        assertThatThrownBy(() -> MetricDatabase.open(foreign, CLOCK)).isInstanceOf(MetricStoreException.class)
                .hasMessageContaining("not Vigil's metric database");

        MetricDatabase.open(workspace, CLOCK).close();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + workspace.resolve("metrics.duckdb"));
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO schema_version VALUES (99, 'future', 0)");
        }
        assertThatThrownBy(() -> MetricDatabase.open(workspace, CLOCK)).hasMessageContaining("newer Vigil");
    }

    @Test
    void refusesAFileThatIsNotADatabaseAndDamagedRows() throws Exception {
        Path junk = workspace.resolve("junk");
        Files.createDirectories(junk);
        Files.writeString(junk.resolve("metrics.duckdb"), "not a database at all, just text".repeat(200));
        assertThatThrownBy(() -> MetricDatabase.open(junk, CLOCK)).isInstanceOf(MetricStoreException.class)
                .hasMessageContaining(junk.resolve("metrics.duckdb").toString());

        try (MetricDatabase db = MetricDatabase.open(workspace, CLOCK)) {
            db.save(scanOf("a", 2, 1));
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + workspace.resolve("metrics.duckdb"));
             Statement s = c.createStatement()) {
            s.execute("UPDATE metric_rollups SET sketch = '\\x09'::BLOB");
        }
        try (MetricDatabase db = MetricDatabase.open(workspace, CLOCK)) {
            assertThatThrownBy(() -> db.load(MetricSelector.exactly(CALLS), T0, TO)).hasMessageContaining("damaged");
        }
    }

    private static double total(MetricDatabase db) {
        return total(db.load(MetricSelector.exactly(CALLS), T0, TO));
    }

    private static double total(MetricStore s) {
        return values(s.statistics(MetricSelector.exactly(CALLS), T0, TO, Duration.ofDays(1), Statistic.Basic.SUM))
                .stream().mapToDouble(Double::doubleValue).sum();
    }
}
