package dev.vigil.cli;

import dev.vigil.hub.FindingStore;
import dev.vigil.hub.StoreException;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the findings live: the workspace's embedded DuckDB file, or a PostgreSQL database named by URL. The workspace
 * directory is used either way for what is not shared (metrics).
 *
 * @param workspace   the workspace directory
 * @param databaseUrl a PostgreSQL URL, or null for the workspace's own database
 */
record StoreLocation(Path workspace, String databaseUrl) {

    /** Opens the store for a command that reads: an absent workspace is an error that says what to do. */
    FindingStore openExisting() {
        if (databaseUrl == null && !Files.isDirectory(workspace)) {
            throw new UserError("no workspace at " + workspace + ": run 'vigil scan' or 'vigil findings import' first, "
                    + "or point --workspace (or VIGIL_WORKSPACE) at one");
        }
        return open();
    }

    /** Opens the store, creating the workspace database when missing. */
    FindingStore open() {
        try {
            if (databaseUrl != null) {
                if (!FindingStore.isDatabaseUrl(databaseUrl)) {
                    throw new UserError("--db '" + databaseUrl + "' is not a PostgreSQL URL; write it as "
                            + "postgresql://USER@HOST:PORT/DATABASE");
                }
                return FindingStore.connect(databaseUrl);
            }
            return FindingStore.open(workspace);
        } catch (StoreException e) {
            throw new UserError(e.getMessage(), e);
        }
    }
}
