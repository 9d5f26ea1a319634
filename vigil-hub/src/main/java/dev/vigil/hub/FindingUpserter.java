package dev.vigil.hub;

import dev.vigil.hub.FindingMerger.FindingWrite;
import dev.vigil.hub.FindingMerger.StoredState;
import dev.vigil.model.Finding;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writes a batch of findings in one transaction.
 *
 * <p>The batch is first turned into storable rows (so a finding the store cannot hold fails the batch before
 * anything is written) and grouped by id. The rows go through per-transaction temporary tables filled
 * with DuckDB's appender — the fast bulk path — and from there into the real tables with set-based SQL that
 * PostgreSQL also accepts. Merging with stored findings happens in {@link FindingMerger}; the union and cap of
 * evidence with stored evidence happens in SQL, so stored raw records are never read back.
 */
final class FindingUpserter {

    private static final String[] STAGING_DDL = {
        "DROP TABLE IF EXISTS upsert_ids",
        "DROP TABLE IF EXISTS upsert_findings",
        "DROP TABLE IF EXISTS upsert_evidence",
        "CREATE TEMP TABLE upsert_ids (id VARCHAR NOT NULL)",
        """
        CREATE TEMP TABLE upsert_findings (
            id VARCHAR, rule_id VARCHAR, title VARCHAR, description VARCHAR, severity INTEGER,
            attack VARCHAR, types VARCHAR, keys VARCHAR,
            account VARCHAR, region VARCHAR, principal VARCHAR, resource VARCHAR,
            first_seen BIGINT, last_seen BIGINT, count BIGINT,
            first_observed_at BIGINT, last_observed_at BIGINT, observations BIGINT, inserted BOOLEAN
        )""",
        """
        CREATE TEMP TABLE upsert_evidence (
            finding_id VARCHAR, evidence_key VARCHAR, event_id VARCHAR, event_time BIGINT,
            origin VARCHAR, raw_json VARCHAR
        )""",
    };

    private static final String[] DROP_STAGING = {
        "DROP TABLE upsert_ids", "DROP TABLE upsert_findings", "DROP TABLE upsert_evidence",
    };

    private static final String SELECT_STORED = """
            SELECT f.id, f.first_seen, f.last_seen, f.count, f.observations, f.first_observed_at
            FROM findings AS f JOIN upsert_ids AS u ON u.id = f.id""";

    private static final String COLUMNS = "id, rule_id, title, description, severity, attack, types, keys,"
            + " account, region, principal, resource, first_seen, last_seen, count,"
            + " first_observed_at, last_observed_at, observations";

    private static final String INSERT_NEW =
            "INSERT INTO findings (" + COLUMNS + ") SELECT " + COLUMNS + " FROM upsert_findings WHERE inserted";

    // Leaves alone first_observed_at, and rule_id: the id is derived from it, and updating an indexed column
    // would turn DuckDB's in-place update into delete plus insert (see SchemaMigrations).
    private static final String UPDATE_EXISTING = """
            UPDATE findings SET title = s.title, description = s.description,
                severity = s.severity, attack = s.attack, types = s.types, keys = s.keys,
                account = s.account, region = s.region, principal = s.principal, resource = s.resource,
                first_seen = s.first_seen, last_seen = s.last_seen, count = s.count,
                last_observed_at = s.last_observed_at, observations = s.observations
            FROM upsert_findings AS s
            WHERE findings.id = s.id AND NOT s.inserted""";

    // A record already held is kept: same key means same event.
    private static final String INSERT_EVIDENCE = """
            INSERT INTO finding_evidence (finding_id, evidence_key, event_id, event_time, origin, raw_json)
            SELECT finding_id, evidence_key, event_id, event_time, origin, raw_json FROM upsert_evidence
            ON CONFLICT (finding_id, evidence_key) DO NOTHING""";

    // Keeps the oldest records per finding, ties broken by key, as EvidenceRow.OLDEST_FIRST does.
    private static final String PRUNE_EVIDENCE = """
            DELETE FROM finding_evidence USING (
                SELECT finding_id, evidence_key FROM (
                    SELECT finding_id, evidence_key,
                           row_number() OVER (PARTITION BY finding_id ORDER BY event_time, evidence_key) AS position
                    FROM finding_evidence
                    WHERE finding_id IN (SELECT id FROM upsert_ids)
                ) AS ranked
                WHERE position > ?
            ) AS surplus
            WHERE finding_evidence.finding_id = surplus.finding_id
              AND finding_evidence.evidence_key = surplus.evidence_key""";

    private final Connection connection;
    private final Path databaseFile;
    private final JsonColumns json;

    FindingUpserter(Connection connection, Path databaseFile, JsonColumns json) {
        this.connection = connection;
        this.databaseFile = databaseFile;
        this.json = json;
    }

    UpsertResult upsert(Collection<Finding> findings, Instant observedAt) {
        Objects.requireNonNull(findings, "findings");
        Objects.requireNonNull(observedAt, "observedAt");
        long observed = EpochMillis.of(observedAt, "observedAt");
        Map<String, List<FindingRow>> batch = new LinkedHashMap<>();
        for (Finding finding : findings) {
            Objects.requireNonNull(finding, "findings must not contain null");
            FindingRow row = FindingRow.of(finding, json);
            batch.computeIfAbsent(row.id(), id -> new ArrayList<>(1)).add(row);
        }
        if (batch.isEmpty()) {
            return new UpsertResult(0, 0);
        }
        try {
            connection.setAutoCommit(false);
            try {
                UpsertResult result = write(batch, observed);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackAfter(e);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("Could not save " + batch.size() + " findings to " + databaseFile + " ("
                    + String.valueOf(e.getMessage()).strip() + "). Nothing from this batch was saved. Check free disk"
                    + " space and that the file is writable, then run the scan again.", e);
        }
    }

    private UpsertResult write(Map<String, List<FindingRow>> batch, long observedAt) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String ddl : STAGING_DDL) {
                s.execute(ddl);
            }
        }
        DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
        try (DuckDBAppender ids = duck.createAppender("temp", "main", "upsert_ids")) {
            for (String id : batch.keySet()) {
                ids.beginRow().append(id).endRow();
            }
        }
        Map<String, StoredState> stored = storedStates();
        List<FindingWrite> writes = new ArrayList<>(batch.size());
        int inserted = 0;
        for (Map.Entry<String, List<FindingRow>> observations : batch.entrySet()) {
            FindingWrite w = FindingMerger.merge(stored.get(observations.getKey()), observations.getValue(),
                    observedAt);
            writes.add(w);
            inserted += w.inserted() ? 1 : 0;
        }
        appendFindings(duck, writes);
        appendEvidence(duck, writes);
        try (Statement s = connection.createStatement()) {
            s.executeUpdate(INSERT_NEW);
            s.executeUpdate(UPDATE_EXISTING);
            s.executeUpdate(INSERT_EVIDENCE);
        }
        try (PreparedStatement prune = connection.prepareStatement(PRUNE_EVIDENCE)) {
            prune.setInt(1, Finding.MAX_EVIDENCE);
            prune.executeUpdate();
        }
        try (Statement s = connection.createStatement()) {
            for (String ddl : DROP_STAGING) {
                s.execute(ddl);
            }
        }
        return new UpsertResult(inserted, batch.size() - inserted);
    }

    private void rollbackAfter(Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private Map<String, StoredState> storedStates() throws SQLException {
        Map<String, StoredState> stored = new HashMap<>();
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(SELECT_STORED)) {
            while (r.next()) {
                stored.put(r.getString(1),
                        new StoredState(r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5), r.getLong(6)));
            }
        }
        return stored;
    }

    private static void appendFindings(DuckDBConnection duck, List<FindingWrite> writes) throws SQLException {
        try (DuckDBAppender a = duck.createAppender("temp", "main", "upsert_findings")) {
            for (FindingWrite w : writes) {
                FindingRow f = w.row();
                a.beginRow()
                        .append(f.id()).append(f.ruleId()).append(f.title()).append(f.description())
                        .append(f.severity())
                        .append(f.attack()).append(f.types()).append(f.keys())
                        .append(f.account()).append(f.region()).append(f.principal()).append(f.resource())
                        .append(f.firstSeen()).append(f.lastSeen()).append(f.count())
                        .append(w.firstObservedAt()).append(w.lastObservedAt()).append(w.observations())
                        .append(w.inserted())
                        .endRow();
            }
        }
    }

    private static void appendEvidence(DuckDBConnection duck, List<FindingWrite> writes) throws SQLException {
        try (DuckDBAppender a = duck.createAppender("temp", "main", "upsert_evidence")) {
            for (FindingWrite w : writes) {
                for (EvidenceRow e : w.row().evidence()) {
                    a.beginRow()
                            .append(w.row().id()).append(e.key()).append(e.eventId()).append(e.time())
                            .append(e.origin()).append(e.rawJson())
                            .endRow();
                }
            }
        }
    }
}
