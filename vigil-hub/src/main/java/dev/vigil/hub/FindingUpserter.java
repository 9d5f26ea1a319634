package dev.vigil.hub;

import dev.vigil.hub.FindingMerger.FindingWrite;
import dev.vigil.hub.FindingMerger.StoredState;
import dev.vigil.model.Finding;
import dev.vigil.model.RecordState;
import dev.vigil.model.Workflow;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a batch of findings in one transaction.
 *
 * <p>The batch arrives as storable rows (so a finding the store cannot hold fails the batch before anything is
 * written) grouped by id. The rows go through per-transaction temporary tables filled by each database's bulk
 * path ({@link StagingRows}), and from there into the real tables with set-based SQL both databases accept.
 * Merging with stored findings and the automatic lifecycle rules happen in {@link FindingMerger}; the union and
 * cap of evidence with stored evidence happens in SQL, so stored raw records are never read back. Created and
 * reopened findings then meet the active suppression rules.
 *
 * <p>On PostgreSQL the stored rows are read {@code FOR UPDATE}, so a second Vigil process writing the same
 * findings waits and then merges with what this one wrote; when both insert the same new finding, the loser's
 * transaction fails on the primary key and is run again, now finding the row.
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
            first_observed_at BIGINT, last_observed_at BIGINT, observations BIGINT,
            product VARCHAR, product_finding_id VARCHAR, format VARCHAR, origin_location VARCHAR,
            raw_original VARCHAR, confidence INTEGER, workflow VARCHAR, record_state VARCHAR,
            suppressed_by VARCHAR, updated_at BIGINT, type_list VARCHAR, inserted BOOLEAN, arrived BOOLEAN
        )""",
        """
        CREATE TEMP TABLE upsert_evidence (
            finding_id VARCHAR, evidence_key VARCHAR, event_id VARCHAR, event_time BIGINT,
            origin VARCHAR, raw_json VARCHAR
        )""",
    };

    private static final int STAGED_FINDING_COLUMNS = 31;

    private static final String[] DROP_STAGING = {
        "DROP TABLE upsert_ids", "DROP TABLE upsert_findings", "DROP TABLE upsert_evidence",
    };

    private static final String SELECT_STORED = """
            SELECT f.id, f.rule_id, f.title, f.description, f.severity, f.attack, f.types, f.keys,
                   f.account, f.region, f.principal, f.resource, f.first_seen, f.last_seen, f.count,
                   f.product, f.product_finding_id, f.format, f.origin_location, f.raw_original, f.confidence,
                   f.observations, f.first_observed_at, f.workflow, f.record_state, f.suppressed_by, f.updated_at
            FROM findings AS f JOIN upsert_ids AS u ON u.id = f.id
            ORDER BY f.id""";

    private static final String COLUMNS = "id, rule_id, title, description, severity, attack, types, keys,"
            + " account, region, principal, resource, first_seen, last_seen, count,"
            + " first_observed_at, last_observed_at, observations, product, product_finding_id, format,"
            + " origin_location, raw_original, confidence, workflow, record_state, suppressed_by, updated_at,"
            + " type_list";

    private static final String INSERT_NEW =
            "INSERT INTO findings (" + COLUMNS + ") SELECT " + COLUMNS + " FROM upsert_findings WHERE inserted";

    // Leaves alone first_observed_at, product and product_finding_id (the id derives from them), and rule_id: the
    // id is derived from it, and updating an indexed column would turn DuckDB's in-place update into delete plus
    // insert (see SchemaMigrations).
    private static final String UPDATE_EXISTING = """
            UPDATE findings SET title = s.title, description = s.description,
                severity = s.severity, attack = s.attack, types = s.types, keys = s.keys,
                account = s.account, region = s.region, principal = s.principal, resource = s.resource,
                first_seen = s.first_seen, last_seen = s.last_seen, count = s.count,
                last_observed_at = s.last_observed_at, observations = s.observations,
                format = s.format, origin_location = s.origin_location, raw_original = s.raw_original,
                confidence = s.confidence, workflow = s.workflow, record_state = s.record_state,
                suppressed_by = s.suppressed_by, updated_at = s.updated_at, type_list = s.type_list
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

    /** PostgreSQL states after which the whole batch is worth running again: a concurrent writer won a race. */
    private static final Set<String> RETRYABLE = Set.of("23505", "40001", "40P01");
    private static final int ATTEMPTS = 5;

    private final StoreDatabase database;
    private final JsonColumns json;
    private final Suppressions suppressions;

    FindingUpserter(StoreDatabase database, JsonColumns json, Suppressions suppressions) {
        this.database = database;
        this.json = json;
        this.suppressions = suppressions;
    }

    /** Rows of Vigil's own findings. */
    Map<String, List<FindingRow>> rowsOf(Iterable<Finding> findings) {
        Map<String, List<FindingRow>> batch = new LinkedHashMap<>();
        for (Finding finding : findings) {
            Objects.requireNonNull(finding, "findings must not contain null");
            FindingRow row = FindingRow.of(finding, json);
            batch.computeIfAbsent(row.id(), id -> new ArrayList<>(1)).add(row);
        }
        return batch;
    }

    UpsertResult upsert(Map<String, List<FindingRow>> batch, long observedAt) {
        if (batch.isEmpty()) {
            return new UpsertResult(List.of());
        }
        var connection = database.connection();
        for (int attempt = 1; ; attempt++) {
            try {
                connection.setAutoCommit(false);
                try {
                    UpsertResult result = write(batch, observedAt);
                    connection.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    rollbackAfter(e);
                    throw e;
                } finally {
                    connection.setAutoCommit(true);
                }
            } catch (SQLException e) {
                if (database.dialect() == SqlDialect.POSTGRESQL && RETRYABLE.contains(e.getSQLState())
                        && attempt < ATTEMPTS) {
                    continue;
                }
                throw new StoreException("Could not save " + batch.size() + " findings to " + database.location()
                        + " (" + String.valueOf(e.getMessage()).strip() + "). Nothing from this batch was saved."
                        + " Check free disk space and that the database is writable, then run again.", e);
            }
        }
    }

    private UpsertResult write(Map<String, List<FindingRow>> batch, long observedAt) throws SQLException {
        try (Statement s = database.connection().createStatement()) {
            for (String ddl : STAGING_DDL) {
                s.execute(ddl);
            }
        }
        try (StagingRows ids = StagingRows.open(database, "upsert_ids", 1)) {
            for (String id : batch.keySet()) {
                ids.row(id);
            }
        }
        Map<String, StoredState> stored = storedStates();
        List<FindingWrite> writes = new ArrayList<>(batch.size());
        List<HistoryEntry> history = new ArrayList<>();
        boolean anyArrived = false;
        for (Map.Entry<String, List<FindingRow>> observations : batch.entrySet()) {
            FindingWrite w = FindingMerger.merge(stored.get(observations.getKey()), observations.getValue(),
                    observedAt);
            writes.add(w);
            history.addAll(w.history());
            anyArrived |= w.arrived();
        }
        stageFindings(writes);
        stageEvidence(writes);
        try (Statement s = database.connection().createStatement()) {
            s.executeUpdate(INSERT_NEW);
            s.executeUpdate(UPDATE_EXISTING);
            s.executeUpdate(INSERT_EVIDENCE);
        }
        try (PreparedStatement prune = database.connection().prepareStatement(PRUNE_EVIDENCE)) {
            prune.setInt(1, Finding.MAX_EVIDENCE);
            prune.executeUpdate();
        }
        new HistoryLog(database).append(history);
        Set<String> suppressed = anyArrived
                ? suppressions.applyToArrivals(Instant.ofEpochMilli(observedAt))
                : Set.of();
        try (Statement s = database.connection().createStatement()) {
            for (String ddl : DROP_STAGING) {
                s.execute(ddl);
            }
        }
        List<FindingChange> changes = new ArrayList<>(writes.size());
        for (FindingWrite w : writes) {
            changes.add(suppressed.contains(w.row().id()) ? w.change().withWorkflow(Workflow.SUPPRESSED) : w.change());
        }
        return new UpsertResult(changes);
    }

    private void rollbackAfter(Exception failure) {
        try {
            database.connection().rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private Map<String, StoredState> storedStates() throws SQLException {
        Map<String, StoredState> stored = new HashMap<>();
        try (Statement s = database.connection().createStatement();
             ResultSet r = s.executeQuery(SELECT_STORED + database.dialect().rowLock())) {
            while (r.next()) {
                String id = r.getString(1);
                FindingRow.StoredOrigin origin = new FindingRow.StoredOrigin(r.getString(16), r.getString(17),
                        r.getString(18), r.getString(19), r.getString(20), r.getInt(21));
                FindingRow row = new FindingRow(id, r.getString(2), r.getString(3), r.getString(4), r.getInt(5),
                        r.getString(6), r.getString(7), r.getString(8), r.getString(9), r.getString(10),
                        r.getString(11), r.getString(12), r.getLong(13), r.getLong(14), r.getLong(15), List.of(),
                        origin, Optional.empty());
                stored.put(id, new StoredState(row, r.getLong(22), r.getLong(23), Workflow.parse(r.getString(24)),
                        RecordState.parse(r.getString(25)), r.getString(26), r.getLong(27)));
            }
        }
        return stored;
    }

    private void stageFindings(List<FindingWrite> writes) throws SQLException {
        try (StagingRows a = StagingRows.open(database, "upsert_findings", STAGED_FINDING_COLUMNS)) {
            for (FindingWrite w : writes) {
                FindingRow f = w.row();
                FindingRow.StoredOrigin o = f.origin();
                a.row(f.id(), f.ruleId(), f.title(), f.description(), f.severity(),
                        f.attack(), f.types(), f.keys(),
                        f.account(), f.region(), f.principal(), f.resource(),
                        f.firstSeen(), f.lastSeen(), f.count(),
                        w.firstObservedAt(), w.lastObservedAt(), w.observations(),
                        o.product(), o.productFindingId(), o.format(), o.location(), o.rawOriginal(), o.confidence(),
                        w.workflow().name(), w.recordState().name(), w.suppressedBy(), w.updatedAt(), f.typeList(),
                        w.inserted(), w.arrived());
            }
        }
    }

    private void stageEvidence(List<FindingWrite> writes) throws SQLException {
        try (StagingRows a = StagingRows.open(database, "upsert_evidence", 6)) {
            for (FindingWrite w : writes) {
                for (EvidenceRow e : w.row().evidence()) {
                    a.row(w.row().id(), e.key(), e.eventId(), e.time(), e.origin(), e.rawJson());
                }
            }
        }
    }
}
