package dev.vigil.hub;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The {@code finding_history} table: appends audit rows and reads a finding's trail back, oldest first. */
final class HistoryLog {

    static final String INSERT = "INSERT INTO finding_history"
            + " (seq, finding_id, changed_at, actor, field, old_value, new_value, reason)"
            + " VALUES (nextval('finding_history_seq'), ?, ?, ?, ?, ?, ?, ?)";

    /**
     * The head of an INSERT … SELECT that writes one workflow row per selected finding; the caller appends
     * {@code FROM findings WHERE …}. Parameters: changed_at, actor, new value, reason.
     */
    static final String INSERT_WORKFLOW_SELECT = "INSERT INTO finding_history"
            + " (seq, finding_id, changed_at, actor, field, old_value, new_value, reason)"
            + " SELECT nextval('finding_history_seq'), id, ?, ?, 'workflow', workflow, ?, ? ";

    private final StoreDatabase database;

    HistoryLog(StoreDatabase database) {
        this.database = database;
    }

    void append(List<HistoryEntry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        SqlDialect d = database.dialect();
        try (PreparedStatement p = database.connection().prepareStatement(INSERT)) {
            for (HistoryEntry e : entries) {
                p.setString(1, e.findingId());
                p.setLong(2, EpochMillis.of(e.at(), "time of the change"));
                p.setString(3, d.text(StoredText.of(e.actor())));
                p.setString(4, e.field());
                p.setString(5, e.oldValue());
                p.setString(6, e.newValue());
                p.setString(7, d.text(StoredText.of(e.reason())));
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    List<HistoryEntry> of(String findingId) throws SQLException {
        List<HistoryEntry> out = new ArrayList<>();
        try (PreparedStatement p = new BoundSql("SELECT finding_id, changed_at, actor, field, old_value, new_value,"
                + " reason FROM finding_history WHERE finding_id = ? ORDER BY seq", List.of(findingId))
                .prepare(database);
             ResultSet r = p.executeQuery()) {
            while (r.next()) {
                out.add(new HistoryEntry(r.getString(1), Instant.ofEpochMilli(r.getLong(2)), r.getString(3),
                        r.getString(4), r.getString(5), r.getString(6), r.getString(7)));
            }
        }
        return out;
    }
}
