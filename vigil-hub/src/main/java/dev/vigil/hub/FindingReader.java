package dev.vigil.hub;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.vigil.model.DetectionInfo;
import dev.vigil.model.Evidence;
import dev.vigil.model.Finding;
import dev.vigil.model.FindingOrigin;
import dev.vigil.model.RecordState;
import dev.vigil.model.Workflow;
import dev.vigil.model.Severity;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads stored findings back into whole {@link StoredFinding}s, evidence included. */
final class FindingReader {

    private static final String COLUMNS = "id, rule_id, title, description, severity, attack, types, keys,"
            + " account, region, principal, resource, first_seen, last_seen, count,"
            + " first_observed_at, last_observed_at, observations, product, product_finding_id, format,"
            + " origin_location, raw_original, confidence, workflow, record_state, risk, risk_reasons,"
            + " suppressed_by, updated_at";

    /** {@link #COLUMNS} without the raw original, for reads that leave out what makes a finding large. */
    private static final String HEAD_COLUMNS = COLUMNS.replace("raw_original", "'' AS raw_original");

    /** Ids per evidence query: keeps the statement small whatever the page size. */
    private static final int EVIDENCE_CHUNK = 500;

    /** Rows fetched at a time by a streamed read (PostgreSQL otherwise materialises the whole result). */
    private static final int STREAM_FETCH = 5_000;

    private final StoreDatabase database;
    private final JsonColumns json;
    private final FindingQuerySql sql;

    FindingReader(StoreDatabase database, JsonColumns json) {
        this.database = database;
        this.json = json;
        this.sql = new FindingQuerySql(database.dialect(), json);
    }

    /**
     * One page in two steps: the page's ids first, sorted and cut on the narrow columns the order needs, then those
     * rows whole by id. Sorting a million wide rows (titles, descriptions, raw originals) to keep a hundred cost
     * several times more than sorting their ids.
     */
    List<StoredFinding> list(FindingQuery query) throws SQLException {
        return list(query, true);
    }

    /**
     * @param whole with evidence and raw original; without them a page costs a fraction: reading the evidence of
     *              a page scans the evidence table, about 90 ms at a million findings
     */
    List<StoredFinding> list(FindingQuery query, boolean whole) throws SQLException {
        BoundSql where = sql.where(query);
        List<Object> parameters = new ArrayList<>(where.parameters());
        parameters.add(query.limit());
        parameters.add(query.offset());
        List<String> ids = new ArrayList<>();
        try (PreparedStatement p = new BoundSql("SELECT id FROM findings" + where.sql()
                + FindingQuerySql.orderBy(query.sort()) + " LIMIT ? OFFSET ?", parameters).prepare(database);
             ResultSet r = p.executeQuery()) {
            while (r.next()) {
                ids.add(r.getString(1));
            }
        }
        List<StoredFinding> out = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += EVIDENCE_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + EVIDENCE_CHUNK));
            BoundSql select = new BoundSql("SELECT " + (whole ? COLUMNS : HEAD_COLUMNS) + " FROM findings WHERE id IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")", List.copyOf(chunk));
            if (whole) {
                out.addAll(read(select));
            } else {
                try (PreparedStatement p = select.prepare(database); ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.add(head(r).toStored(List.of()));
                    }
                }
            }
        }
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            rank.put(ids.get(i), i);
        }
        out.sort(java.util.Comparator.comparingInt(f -> rank.get(f.id())));
        return out;
    }

    /**
     * Every finding matching the query's filters, in id order, each without its evidence and raw original (the
     * parts that make a finding large): for passes over the whole store such as risk scoring. The query's limit,
     * offset and sort are ignored. Rows are streamed, not collected.
     */
    void forEachWithoutEvidence(FindingQuery query, java.util.function.Consumer<StoredFinding> action)
            throws SQLException {
        BoundSql where = sql.where(query);
        String columns = HEAD_COLUMNS;
        try (PreparedStatement p = new BoundSql("SELECT " + columns + " FROM findings" + where.sql() + " ORDER BY id",
                where.parameters()).prepare(database)) {
            p.setFetchSize(STREAM_FETCH);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    action.accept(head(r).toStored(List.of()));
                }
            }
        }
    }

    long count(FindingQuery query) throws SQLException {
        BoundSql where = sql.where(query);
        try (PreparedStatement p = new BoundSql("SELECT count(*) FROM findings" + where.sql(), where.parameters())
                .prepare(database);
             ResultSet r = p.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    Optional<StoredFinding> byId(String id) throws SQLException {
        List<StoredFinding> found = read(new BoundSql("SELECT " + COLUMNS + " FROM findings WHERE id = ?",
                List.of(id)));
        return found.stream().findFirst();
    }

    private List<StoredFinding> read(BoundSql select) throws SQLException {
        List<Head> heads = new ArrayList<>();
        try (PreparedStatement p = select.prepare(database); ResultSet r = p.executeQuery()) {
            while (r.next()) {
                heads.add(head(r));
            }
        }
        Map<String, List<Evidence>> evidence = evidenceOf(heads.stream().map(h -> h.id).toList());
        List<StoredFinding> out = new ArrayList<>(heads.size());
        for (Head h : heads) {
            out.add(h.toStored(evidence.getOrDefault(h.id, List.of())));
        }
        return out;
    }

    private Head head(ResultSet r) throws SQLException {
        String id = r.getString(1);
        try {
            DetectionInfo rule = new DetectionInfo(r.getString(2), r.getString(3), r.getString(4),
                    Severity.fromOcsfId(r.getInt(5)), json.list(r.getString(6)), json.list(r.getString(7)));
            FindingOrigin origin = new FindingOrigin(r.getString(19), r.getString(20), r.getString(21),
                    r.getString(22), r.getString(23), r.getInt(24));
            return new Head(id, rule, json.map(r.getString(8)),
                    r.getString(9), r.getString(10), r.getString(11), r.getString(12),
                    r.getLong(13), r.getLong(14), r.getLong(15), r.getLong(16), r.getLong(17), r.getLong(18),
                    origin, Workflow.parse(r.getString(25)), RecordState.parse(r.getString(26)), r.getInt(27),
                    r.getString(28), r.getString(29), r.getLong(30));
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            throw new StoreException("Finding " + id + " in " + database.location() + " is damaged ("
                    + e.getMessage() + "). It was changed outside Vigil; delete that row, or the workspace, and"
                    + " scan again.", e);
        }
    }

    private Map<String, List<Evidence>> evidenceOf(List<String> ids) throws SQLException {
        Map<String, List<Evidence>> byFinding = new HashMap<>();
        for (int from = 0; from < ids.size(); from += EVIDENCE_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + EVIDENCE_CHUNK));
            String select = "SELECT finding_id, event_id, event_time, origin, raw_json FROM finding_evidence"
                    + " WHERE finding_id IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")"
                    + " ORDER BY finding_id, event_time, evidence_key";
            try (PreparedStatement p = new BoundSql(select, List.copyOf(chunk)).prepare(database);
                 ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    byFinding.computeIfAbsent(r.getString(1), k -> new ArrayList<>())
                            .add(new Evidence(r.getString(2), Instant.ofEpochMilli(r.getLong(3)), r.getString(4),
                                    r.getString(5)));
                }
            }
        }
        return byFinding;
    }

    /** A finding row before its evidence is attached. */
    private record Head(String id, DetectionInfo rule, Map<String, String> keys,
                        String account, String region, String principal, String resource,
                        long firstSeen, long lastSeen, long count,
                        long firstObservedAt, long lastObservedAt, long observations,
                        FindingOrigin origin, Workflow workflow, RecordState recordState, int risk,
                        String riskReasons, String suppressedBy, long updatedAt) {

        StoredFinding toStored(List<Evidence> evidence) {
            Finding finding = new Finding(id, rule, keys, account, region, principal, resource,
                    Instant.ofEpochMilli(firstSeen), Instant.ofEpochMilli(lastSeen), count, evidence);
            return new StoredFinding(finding, Instant.ofEpochMilli(firstObservedAt),
                    Instant.ofEpochMilli(lastObservedAt), observations, origin, workflow, recordState, risk,
                    riskReasons, suppressedBy, Instant.ofEpochMilli(updatedAt));
        }
    }
}
