package dev.vigil.hub;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;

/**
 * Brings a workspace database to the newest schema this Vigil knows, one migration per transaction, and
 * records each in {@code schema_version} (version, description, applied_at in epoch milliseconds).
 *
 * <p>Refuses a database whose schema is newer than it knows (written by a newer Vigil: writing to it could
 * corrupt data that version relies on) and a DuckDB database that holds other tables but no Vigil schema
 * (someone else's data).
 */
final class SchemaMigrator {

    /** An arbitrary key for PostgreSQL's advisory lock ("vigil" in ASCII). */
    private static final long MIGRATION_LOCK = 0x766967696cL;

    private final List<Migration> migrations;
    private final Clock clock;

    SchemaMigrator(List<Migration> migrations, Clock clock) {
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).version() != i + 1) {
                throw new IllegalArgumentException("migration versions must run 1, 2, 3… without gaps; position "
                        + (i + 1) + " holds version " + migrations.get(i).version());
            }
        }
        this.migrations = List.copyOf(migrations);
        this.clock = clock;
    }

    /** As {@link #migrate(StoreDatabase)} for a DuckDB workspace file. */
    int migrate(Connection connection, Path databaseFile) throws SQLException {
        return migrate(StoreDatabase.duckDb(connection, databaseFile));
    }

    /**
     * On PostgreSQL, several Vigil processes may open the same database at once; a session advisory lock makes
     * them migrate one after another, so the second finds the work done instead of failing half-way.
     *
     * @return the schema version the database is at afterwards
     */
    int migrate(StoreDatabase database) throws SQLException {
        Connection connection = database.connection();
        boolean postgres = database.dialect() == SqlDialect.POSTGRESQL;
        if (postgres) {
            try (Statement s = connection.createStatement()) {
                s.execute("SELECT pg_advisory_lock(" + MIGRATION_LOCK + ")");
            }
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            int current = currentVersion(database);
            int known = migrations.size();
            if (current > known) {
                throw new StoreException("The database " + database.location() + " has schema version " + current
                        + ", but this Vigil knows versions up to " + known
                        + ": it was written by a newer Vigil. Upgrade Vigil to use it, or "
                        + database.elsewhere() + ".");
            }
            for (Migration m : migrations.subList(current, known)) {
                apply(connection, m, database.dialect());
            }
            return known;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
            if (postgres) {
                try (Statement s = connection.createStatement()) {
                    s.execute("SELECT pg_advisory_unlock(" + MIGRATION_LOCK + ")");
                }
            }
        }
    }

    private int currentVersion(StoreDatabase database) throws SQLException {
        Connection connection = database.connection();
        if (!tableExists(connection, "schema_version")) {
            if (tableCount(connection) > 0) {
                throw new StoreException(database.location() + " is a database, but not a Vigil workspace: it holds"
                        + " other tables and no Vigil schema. Vigil leaves it untouched; " + database.elsewhere()
                        + ".");
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
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
            r.next();
            return r.getInt(1);
        }
    }

    private void apply(Connection connection, Migration migration, SqlDialect dialect) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String sql : migration.statementsFor(dialect)) {
                s.execute(sql);
            }
        }
        try (PreparedStatement p = connection.prepareStatement(
                "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
            p.setInt(1, migration.version());
            p.setString(2, migration.description());
            p.setLong(3, clock.millis());
            p.executeUpdate();
        }
        connection.commit();
    }

    private static boolean tableExists(Connection connection, String name) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement(
                "SELECT count(*) FROM information_schema.tables WHERE table_catalog = current_database()"
                        + " AND table_schema = current_schema()"
                        + " AND table_name = ?")) {
            p.setString(1, name);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1) > 0;
            }
        }
    }

    private static long tableCount(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery(
                     "SELECT count(*) FROM information_schema.tables WHERE table_catalog = current_database()"
                        + " AND table_schema = current_schema()")) {
            r.next();
            return r.getLong(1);
        }
    }
}
