package dev.vigil.hub;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.Optional;

/**
 * An open connection to the store's database and what the store needs to know about it.
 *
 * @param connection the connection, owned by the store
 * @param dialect    which database it is
 * @param location   where it is, for messages: the DuckDB file's path, or the PostgreSQL URL with the password
 *                   masked
 * @param file       the DuckDB file, or empty for PostgreSQL
 */
record StoreDatabase(Connection connection, SqlDialect dialect, String location, Optional<Path> file) {

    static StoreDatabase duckDb(Connection connection, Path file) {
        return new StoreDatabase(connection, SqlDialect.DUCKDB, file.toString(), Optional.of(file));
    }

    static StoreDatabase postgres(Connection connection, PostgresUrl url) {
        return new StoreDatabase(connection, SqlDialect.POSTGRESQL, url.display(), Optional.empty());
    }

    /** What to advise when this database cannot be used: where to look next. */
    String elsewhere() {
        return file.isPresent() ? "choose another workspace directory" : "choose another database with --db";
    }
}
