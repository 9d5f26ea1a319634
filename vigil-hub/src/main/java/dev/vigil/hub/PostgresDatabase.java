package dev.vigil.hub;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Connects to a PostgreSQL database and turns the driver's failures into messages that say what to do. */
final class PostgresDatabase {

    private PostgresDatabase() {
    }

    static Connection connect(PostgresUrl url) {
        try {
            return DriverManager.getConnection(url.jdbcUrl(), url.connectionProperties());
        } catch (SQLException e) {
            throw explain(url, e);
        }
    }

    /** PostgreSQL gives SQLSTATEs, so failures are told apart by code rather than by message text. */
    static StoreException explain(PostgresUrl url, SQLException e) {
        String detail = String.valueOf(e.getMessage()).strip();
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String where = url.display();
        String message = switch (state) {
            case "28P01", "28000" -> "PostgreSQL refused the login of user '" + url.user() + "' at " + where + " ("
                    + detail + "). Check the user and password (in the URL, PGPASSWORD or ~/.pgpass).";
            case "3D000" -> "The database of " + where + " does not exist (" + detail + "). Create it (for example"
                    + " with createdb) or correct the URL.";
            case "08001", "08004", "08006" -> "Could not connect to PostgreSQL at " + where + " (" + detail + ")."
                    + " Check that the server runs and accepts connections at that host and port.";
            default -> "Could not open the PostgreSQL database " + where + " (" + detail + "). Check the URL and"
                    + " that the server is reachable.";
        };
        return new StoreException(message, e);
    }
}
