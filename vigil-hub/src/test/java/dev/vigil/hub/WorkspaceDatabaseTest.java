package dev.vigil.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** DuckDB's wording for failures that are hard to cause in a test: a newer file format, permissions. */
class WorkspaceDatabaseTest {

    private static final Path FILE = Path.of("/ws/vigil.duckdb");

    @Test
    void newerStorageFormat() {
        StoreException e = WorkspaceDatabase.explain(FILE, new SQLException("IO Error: Trying to read a database"
                + " file with version number 99, but we can only read version 64. The database file was created"
                + " with a newer version of DuckDB."));

        assertThat(e).hasMessageContaining("newer DuckDB").hasMessageContaining("Upgrade Vigil")
                .hasMessageContaining(FILE.toString()).hasMessageContaining("version number 99");
    }

    @Test
    void permissionDenied() {
        StoreException e = WorkspaceDatabase.explain(FILE, new SQLException("IO Error: Cannot open file"
                + " \"/ws/vigil.duckdb\": Permission denied"));

        assertThat(e).hasMessageContaining("Fix the permissions");
    }

    @Test
    void anythingElseKeepsDuckDbsWords() {
        StoreException e = WorkspaceDatabase.explain(FILE, new SQLException("IO Error: something new"));

        assertThat(e).hasMessageContaining("something new").hasMessageContaining("choose another workspace");
        assertThat(e.getCause()).isInstanceOf(SQLException.class);
    }
}
