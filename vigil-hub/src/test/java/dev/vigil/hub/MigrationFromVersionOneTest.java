package dev.vigil.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.FindingOrigin;
import dev.vigil.model.RecordState;
import dev.vigil.model.Workflow;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** A store written by the version-1 schema opens, migrates, and answers the hub's questions about old rows. */
@ParameterizedClass
@EnumSource(StoreBackend.class)
@ExtendWith(PostgresExtension.class)
class MigrationFromVersionOneTest {

    @Parameter
    StoreBackend backend;

    @TempDir
    Path workspace;

    /** Types as version 1 wrote them: compact JSON with non-ASCII escaped, including tricky characters. */
    private static final String OLD_TYPES = new JsonColumns().ofList(List.of("TTPs/Discovery", "a\",\"b", "é\\x"));

    @Test
    void oldRowsBecomeVigilFindingsThatTheNewFiltersFind() throws SQLException {
        try (Connection c = connection(true)) {
            new SchemaMigrator(SchemaMigrations.ALL.subList(0, 1), Clock.systemUTC()).migrate(database(c));
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO findings VALUES ('old1', 'aws.rule', 't', 'd', 4, '[]', '" + OLD_TYPES.replace(
                        "'", "''") + "', '{}', '111122223333', 'eu-west-1', 'p', 'r', 1000, 2000, 3, 5000, 6000, 2)");
                s.execute("INSERT INTO findings VALUES ('old2', 'aws.rule', 't', 'd', 2, '[]', '[]', '{}',"
                        + " '', '', '', '', 1000, 2000, 1, 5000, 7000, 1)");
            }
        }

        try (FindingStore store = backend.open(workspace, getClass(), Clock.systemUTC())) {
            StoredFinding old = store.get("old1").orElseThrow();
            assertThat(old.origin()).isEqualTo(new FindingOrigin("Vigil", "old1", "vigil", "", "", -1));
            assertThat(old.workflow()).isEqualTo(Workflow.NEW);
            assertThat(old.recordState()).isEqualTo(RecordState.ACTIVE);
            assertThat(old.updatedAt()).isEqualTo(Instant.ofEpochMilli(6000));
            assertThat(old.risk()).isZero();
            assertThat(old.riskReasons()).isEqualTo("[]");
            assertThat(old.suppressedBy()).isEmpty();
            assertThat(old.finding().rule().types()).containsExactly("TTPs/Discovery", "a\",\"b", "é\\x");
            for (String type : List.of("TTPs/Discovery", "a\",\"b", "é\\x", "a*b", "TTPs/*")) {
                assertThat(store.list(FindingQuery.all().withTypeGlob(type))).as(type).extracting(StoredFinding::id)
                        .containsExactly("old1");
            }
            assertThat(store.list(FindingQuery.all().withTypeGlob("b"))).isEmpty();
        }
        try (Connection c = connection(false); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT type_list FROM findings ORDER BY id")) {
            List<String> lists = new ArrayList<>();
            while (r.next()) {
                lists.add(r.getString(1));
            }
            assertThat(lists).containsExactly(TypeList.ofJsonArray(OLD_TYPES), "");
        }
    }

    /** A plain connection to the store's database; {@code empty} first empties a PostgreSQL one. */
    private Connection connection(boolean empty) throws SQLException {
        if (backend == StoreBackend.DUCKDB) {
            return DriverManager.getConnection("jdbc:duckdb:" + WorkspaceDatabase.fileIn(workspace));
        }
        String url = StoreBackend.url(getClass());
        if (empty) {
            PostgresExtension.server().reset(url);
        }
        return PostgresExtension.server().connect(url.substring(url.lastIndexOf('/') + 1));
    }

    private StoreDatabase database(Connection c) {
        return backend == StoreBackend.DUCKDB ? StoreDatabase.duckDb(c, WorkspaceDatabase.fileIn(workspace))
                : new StoreDatabase(c, SqlDialect.POSTGRESQL, "test", java.util.Optional.empty());
    }
}
