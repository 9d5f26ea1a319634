package dev.vigil.hub.routing;

import dev.vigil.hub.StoreBackend;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

/**
 * An empty workspace database on one of the store's backends, its schema (the outbox table included) created by
 * the store's own migrations; reopenable to simulate a restart. Each {@link #open} is a new connection, as a new
 * process would have.
 */
final class OutboxDatabase {

    private final StoreBackend backend;
    private final Path workspace;
    private final Class<?> testClass;

    OutboxDatabase(StoreBackend backend, Path workspace, Class<?> testClass) {
        this.backend = backend;
        this.workspace = workspace;
        this.testClass = testClass;
        backend.openEmpty(workspace, testClass, Clock.systemUTC()).close();
    }

    Connection open() throws SQLException {
        return backend.connect(workspace, testClass);
    }
}
