package dev.vigil.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --workspace} and {@code --db} options shared by every command that touches the findings store. */
final class WorkspaceOption {
    @Option(names = "--workspace", paramLabel = "DIR", defaultValue = "${VIGIL_WORKSPACE:-.vigil}",
            description = "Workspace directory holding the findings database (default: ${DEFAULT-VALUE}; "
                    + "env VIGIL_WORKSPACE).")
    Path dir;

    @Option(names = "--db", paramLabel = "URL", defaultValue = "${env:VIGIL_DB}",
            description = "Keep findings in a shared PostgreSQL database instead of the workspace's DuckDB file: "
                    + "postgresql://USER@HOST:5432/DB (password from the URL, PGPASSWORD or ~/.pgpass; env VIGIL_DB). "
                    + "Metrics stay in the workspace directory.")
    String db;

    StoreLocation location() {
        return new StoreLocation(dir, db == null || db.isBlank() ? null : db.strip());
    }
}
