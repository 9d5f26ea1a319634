package dev.vigil.hub;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;

/**
 * The two databases the store runs on; store tests run once with each. Public so that the tests of other hub
 * packages (routing) can run on both databases too.
 */
public enum StoreBackend {

    DUCKDB {
        @Override
        public FindingStore open(Path workspace, Class<?> testClass, Clock clock) {
            return FindingStore.open(workspace, clock);
        }

        @Override
        public Connection connect(Path workspace, Class<?> testClass) throws SQLException {
            return DriverManager.getConnection("jdbc:duckdb:" + WorkspaceDatabase.fileIn(workspace));
        }
    },

    POSTGRESQL {
        @Override
        public FindingStore open(Path workspace, Class<?> testClass, Clock clock) {
            String url = url(testClass);
            return FindingStore.connect(url, Map.of(), clock);
        }

        @Override
        public FindingStore openEmpty(Path workspace, Class<?> testClass, Clock clock) {
            PostgresExtension.server().reset(url(testClass));
            return open(workspace, testClass, clock);
        }

        @Override
        public Connection connect(Path workspace, Class<?> testClass) throws SQLException {
            String url = url(testClass);
            return PostgresExtension.server().connect(url.substring(url.lastIndexOf('/') + 1));
        }
    };

    /** Opens the store (a workspace in {@code workspace}, or the test class's PostgreSQL database) as it is. */
    public abstract FindingStore open(Path workspace, Class<?> testClass, Clock clock);

    /** Opens an empty store: a fresh workspace directory is empty already, a PostgreSQL database is emptied. */
    public FindingStore openEmpty(Path workspace, Class<?> testClass, Clock clock) {
        return open(workspace, testClass, clock);
    }

    /**
     * A plain JDBC connection (auto-commit) to the database {@link #open} uses, for tests that work below the
     * store: the routing outbox, or several "processes" sharing one database. On DuckDB, close the store first:
     * the file admits one opener at a time.
     */
    public abstract Connection connect(Path workspace, Class<?> testClass) throws SQLException;

    static String url(Class<?> testClass) {
        return PostgresExtension.server().databaseUrl(testClass.getSimpleName());
    }
}
