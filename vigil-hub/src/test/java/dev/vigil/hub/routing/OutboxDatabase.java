package dev.vigil.hub.routing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A fresh DuckDB database file with the outbox table, reopenable to simulate a restart. */
final class OutboxDatabase {

    private final Path file;

    OutboxDatabase(Path dir) throws SQLException {
        this.file = dir.resolve("outbox.duckdb");
        try (Connection c = open(); Statement s = c.createStatement()) {
            for (String sql : OutboxSchema.statements()) {
                s.execute(sql);
            }
        }
    }

    Connection open() throws SQLException {
        return DriverManager.getConnection("jdbc:duckdb:" + file);
    }
}
