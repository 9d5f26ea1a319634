package dev.vigil.hub;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;

/**
 * Opens the DuckDB file of a workspace directory, and turns DuckDB's open failures into messages that say
 * what happened and what to do.
 */
final class WorkspaceDatabase {

    static final String FILE_NAME = "vigil.duckdb";

    private WorkspaceDatabase() {
    }

    /** The database file of a workspace directory (absolute, normalised). */
    static Path fileIn(Path workspaceDir) {
        return workspaceDir.toAbsolutePath().normalize().resolve(FILE_NAME);
    }

    /** Creates the workspace directory if missing and opens (creating if missing) its database. */
    static Connection open(Path workspaceDir) {
        Path file = fileIn(workspaceDir);
        Path dir = file.getParent();
        // DuckDB's JDBC URL has no escaping: it splits on ';' to read options, so such a path cannot be opened.
        if (file.toString().indexOf(';') >= 0) {
            throw new StoreException("The workspace path " + dir + " contains ';', which the DuckDB driver cannot"
                    + " open. Choose a workspace directory whose path has no ';'.");
        }
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw new StoreException("The workspace path " + dir + " exists but is not a directory. Move that file"
                    + " away or choose another workspace directory.", e);
        } catch (IOException e) {
            throw new StoreException("Could not create the workspace directory " + dir + ": " + e
                    + ". Check its permissions or choose another workspace directory.", e);
        }
        if (Files.isDirectory(file)) {
            throw new StoreException("The workspace database " + file + " is a directory, not a database file."
                    + " Move it away or choose another workspace directory.");
        }
        Properties options = new Properties();
        // The store needs nothing beyond core SQL, and must never reach the network on its own.
        options.setProperty("autoinstall_known_extensions", "false");
        options.setProperty("autoload_known_extensions", "false");
        try {
            return DriverManager.getConnection("jdbc:duckdb:" + file, options);
        } catch (SQLException e) {
            throw explain(file, e);
        }
    }

    /**
     * DuckDB reports open failures only as message text (no SQLState), so this matches on the phrases its
     * messages have used; anything unrecognised still carries DuckDB's own words.
     */
    static StoreException explain(Path file, SQLException e) {
        String detail = String.valueOf(e.getMessage()).strip();
        String lower = detail.toLowerCase(Locale.ROOT);
        String message;
        if (lower.contains("could not set lock") || lower.contains("conflicting lock")) {
            message = "The workspace database " + file + " is in use by another process (" + detail + ")."
                    + " Close the other Vigil or DuckDB session using it, or choose another workspace directory.";
        } else if (lower.contains("newer version of duckdb") || lower.contains("but we can only read version")) {
            message = "The workspace database " + file + " was written by a newer DuckDB than this Vigil includes ("
                    + detail + "). Upgrade Vigil to use this workspace, or choose another workspace directory.";
        } else if (lower.contains("not a valid duckdb database")) {
            message = "The workspace database " + file + " is not a database Vigil can read: it is damaged or is"
                    + " not a DuckDB file (" + detail + "). Move it away to start a fresh workspace, or choose"
                    + " another workspace directory.";
        } else if (lower.contains("permission denied") || lower.contains("read-only file system")) {
            message = "Vigil may not read and write the workspace database " + file + " (" + detail + ")."
                    + " Fix the permissions of the file and its directory, or choose another workspace directory.";
        } else {
            message = "Could not open the workspace database " + file + " (" + detail + "). Check that it is a"
                    + " readable and writable file on a local disk, or choose another workspace directory.";
        }
        return new StoreException(message, e);
    }
}
