package dev.vigil.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.hub.routing.OutboxStatus;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** An outbox written at schema version 3 gains the claim columns at version 4, its rows unclaimed and intact. */
@ParameterizedClass
@EnumSource(StoreBackend.class)
@ExtendWith(PostgresExtension.class)
class MigrationToOutboxClaimsTest {

    @Parameter
    StoreBackend backend;

    @TempDir
    Path workspace;

    @Test
    void rowsOfVersionThreeStayPendingAndUnclaimed() throws SQLException {
        backend.openEmpty(workspace, getClass(), Clock.systemUTC()).close();
        try (Connection c = backend.connect(workspace, getClass()); Statement s = c.createStatement()) {
            // Back to version 3, as a workspace written by the previous Vigil.
            s.execute("DROP TABLE routing_outbox");
            s.execute("DROP TABLE baseline_state");
            s.execute("DELETE FROM schema_version WHERE version >= 3");
        }
        try (Connection c = backend.connect(workspace, getClass())) {
            StoreDatabase database = backend == StoreBackend.DUCKDB
                    ? StoreDatabase.duckDb(c, WorkspaceDatabase.fileIn(workspace))
                    : new StoreDatabase(c, SqlDialect.POSTGRESQL, "test", Optional.empty());
            assertThat(new SchemaMigrator(SchemaMigrations.ALL.subList(0, 3), Clock.systemUTC()).migrate(database))
                    .isEqualTo(3);
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO routing_outbox (idempotency_key, destination, route, finding_id, event_kind,"
                        + " changed_at, payload, status, attempts, next_attempt_at, created_at, updated_at)"
                        + " VALUES ('vigil-old', 'hook', 'all', 'f-1', 'CREATED', 1, '{}', 'PENDING', 2, 5, 1, 1)");
            }
        }

        try (FindingStore store = backend.open(workspace, getClass(), Clock.systemUTC())) {
            assertThat(store.outbox().counts()).containsEntry(OutboxStatus.PENDING, 1L)
                    .containsEntry(OutboxStatus.SENDING, 0L);
            assertThat(store.outbox().list(1)).singleElement().satisfies(r -> assertThat(r.attempts()).isEqualTo(2));
        }
        try (Connection c = backend.connect(workspace, getClass()); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT claim_token, claimed_until, (SELECT max(version) FROM"
                     + " schema_version) FROM routing_outbox")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).isNull();
            r.getLong(2);
            assertThat(r.wasNull()).isTrue();
            assertThat(r.getInt(3)).isEqualTo(SchemaMigrations.latestVersion());
        }
    }
}
