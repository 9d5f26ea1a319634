package dev.vigil.hub;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Fills a temporary table row by row by each database's fast path: DuckDB's appender, or batched INSERTs on
 * PostgreSQL (which the driver rewrites into multi-row statements). Values are String, Integer, Long or Boolean,
 * in the table's column order.
 */
abstract sealed class StagingRows implements AutoCloseable {

    static StagingRows open(StoreDatabase database, String table, int columns) throws SQLException {
        return switch (database.dialect()) {
            case DUCKDB -> new Appended(database.connection().unwrap(DuckDBConnection.class)
                    .createAppender("temp", "main", table));
            case POSTGRESQL -> new Batched(database.connection(), database.dialect(), table, columns);
        };
    }

    abstract void row(Object... values) throws SQLException;

    @Override
    public abstract void close() throws SQLException;

    private static final class Appended extends StagingRows {

        private final DuckDBAppender appender;

        Appended(DuckDBAppender appender) {
            this.appender = appender;
        }

        @Override
        void row(Object... values) throws SQLException {
            appender.beginRow();
            for (Object v : values) {
                switch (v) {
                    case String s -> appender.append(s);
                    case Integer n -> appender.append(n.intValue());
                    case Long n -> appender.append(n.longValue());
                    case Boolean b -> appender.append(b.booleanValue());
                    default -> throw new IllegalArgumentException("cannot stage a " + v.getClass().getName());
                }
            }
            appender.endRow();
        }

        @Override
        public void close() throws SQLException {
            appender.close();
        }
    }

    private static final class Batched extends StagingRows {

        private static final int BATCH = 1_000;

        private final PreparedStatement insert;
        private final SqlDialect dialect;
        private int pending;

        Batched(Connection connection, SqlDialect dialect, String table, int columns) throws SQLException {
            this.dialect = dialect;
            this.insert = connection.prepareStatement("INSERT INTO " + table + " VALUES ("
                    + String.join(", ", Collections.nCopies(columns, "?")) + ")");
        }

        @Override
        void row(Object... values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                switch (values[i]) {
                    case String s -> insert.setString(i + 1, dialect.text(s));
                    case Integer n -> insert.setInt(i + 1, n);
                    case Long n -> insert.setLong(i + 1, n);
                    case Boolean b -> insert.setBoolean(i + 1, b);
                    default -> throw new IllegalArgumentException("cannot stage a " + values[i].getClass().getName());
                }
            }
            insert.addBatch();
            if (++pending == BATCH) {
                insert.executeBatch();
                pending = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                if (pending > 0) {
                    insert.executeBatch();
                }
            } finally {
                insert.close();
            }
        }
    }
}
