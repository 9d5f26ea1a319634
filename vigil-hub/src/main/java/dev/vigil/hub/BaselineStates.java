package dev.vigil.hub;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Named state that detections carry from one scan to the next (the behavioural baselines' learned profiles), held
 * as opaque bytes: the owner writes and checks its own versioned format.
 */
final class BaselineStates {

    /** Longest name accepted; names are chosen by Vigil's code, not by input. */
    static final int MAX_NAME = 200;

    private final StoreDatabase database;

    BaselineStates(StoreDatabase database) {
        this.database = database;
    }

    static String table(String binaryType) {
        return "CREATE TABLE baseline_state (\n"
                + "    name       VARCHAR PRIMARY KEY,\n"
                + "    state      " + binaryType + " NOT NULL,\n"
                + "    updated_at BIGINT NOT NULL\n"
                + ")";
    }

    static String checkedName(String name) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw new IllegalArgumentException("a baseline state needs a name of 1 to " + MAX_NAME
                    + " characters, was " + (name == null ? "null" : "'" + name + "'"));
        }
        return name;
    }

    Optional<byte[]> load(String name) throws SQLException {
        try (PreparedStatement p = database.connection().prepareStatement(
                "SELECT state FROM baseline_state WHERE name = ?")) {
            p.setString(1, name);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(r.getBytes(1)) : Optional.empty();
            }
        }
    }

    /** Replaces the state of that name; run inside a transaction. */
    Void save(String name, byte[] state, long updatedAt) throws SQLException {
        try (PreparedStatement delete = database.connection().prepareStatement(
                "DELETE FROM baseline_state WHERE name = ?")) {
            delete.setString(1, name);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = database.connection().prepareStatement(
                "INSERT INTO baseline_state (name, state, updated_at) VALUES (?, ?, ?)")) {
            insert.setString(1, name);
            insert.setBytes(2, state);
            insert.setLong(3, updatedAt);
            insert.executeUpdate();
        }
        return null;
    }
}
