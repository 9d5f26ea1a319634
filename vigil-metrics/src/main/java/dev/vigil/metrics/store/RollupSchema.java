package dev.vigil.metrics.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;

/**
 * The versioned schema of {@code metrics.duckdb}: ordered migrations, each applied once in its own transaction and
 * recorded in {@code schema_version}. Refuses a database written by a newer Vigil and a DuckDB file holding someone
 * else's tables.
 */
final class RollupSchema {

    /** One step of the schema history. */
    record Migration(int version, String description, List<String> statements) {
    }

    static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "metric rollups per source, metric and minute", List.of(
                    """
                    CREATE TABLE metric_rollups (
                        source       VARCHAR NOT NULL,
                        namespace    VARCHAR NOT NULL,
                        metric_name  VARCHAR NOT NULL,
                        dimensions   VARCHAR NOT NULL,
                        minute_start BIGINT  NOT NULL,
                        sample_count BIGINT  NOT NULL,
                        value_sum    DOUBLE  NOT NULL,
                        value_min    DOUBLE  NOT NULL,
                        value_max    DOUBLE  NOT NULL,
                        unit         VARCHAR NOT NULL,
                        sketch       BLOB    NOT NULL
                    )""",
                    """
                    CREATE TABLE metric_sources (
                        source   VARCHAR PRIMARY KEY,
                        saved_at BIGINT NOT NULL,
                        rollups  BIGINT NOT NULL
                    )""")));

    private RollupSchema() {
    }

    static void migrate(Connection connection, Path file, Clock clock) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            int current = currentVersion(connection, file);
            if (current > MIGRATIONS.size()) {
                throw new MetricStoreException("The metric database " + file + " has schema version " + current
                        + ", but this Vigil knows versions up to " + MIGRATIONS.size() + ": it was written by a newer"
                        + " Vigil. Upgrade Vigil to use this workspace, or choose another workspace directory.");
            }
            for (Migration m : MIGRATIONS.subList(current, MIGRATIONS.size())) {
                try (Statement s = connection.createStatement()) {
                    for (String sql : m.statements()) {
                        s.execute(sql);
                    }
                }
                try (PreparedStatement p = connection.prepareStatement(
                        "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
                    p.setInt(1, m.version());
                    p.setString(2, m.description());
                    p.setLong(3, clock.millis());
                    p.executeUpdate();
                }
                connection.commit();
            }
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static int currentVersion(Connection connection, Path file) throws SQLException {
        long tables = count(connection, "SELECT count(*) FROM information_schema.tables"
                + " WHERE table_catalog = current_database() AND table_schema = current_schema()");
        long versionTables = count(connection, "SELECT count(*) FROM information_schema.tables"
                + " WHERE table_catalog = current_database() AND table_schema = current_schema()"
                + " AND table_name = 'schema_version'");
        if (versionTables == 0) {
            if (tables > 0) {
                throw new MetricStoreException(file + " is a DuckDB database, but not Vigil's metric database: it"
                        + " holds other tables. Vigil leaves it untouched; move it away or choose another workspace"
                        + " directory.");
            }
            try (Statement s = connection.createStatement()) {
                s.execute("""
                        CREATE TABLE schema_version (
                            version     INTEGER PRIMARY KEY,
                            description VARCHAR NOT NULL,
                            applied_at  BIGINT NOT NULL
                        )""");
            }
            connection.commit();
            return 0;
        }
        return (int) count(connection, "SELECT coalesce(max(version), 0) FROM schema_version");
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
