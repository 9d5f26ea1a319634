package dev.vigil.hub;

import dev.vigil.model.RecordState;
import dev.vigil.model.Workflow;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Changes of workflow and record state, validated, each with a history row. Runs inside the caller's
 * transaction; a batch is all or nothing: one unknown id or refused change refuses the batch.
 */
final class Lifecycle {

    /** The temporary table of the ids a change reads and writes. */
    private static final String STAGED = "lifecycle_ids";

    private final StoreDatabase database;

    Lifecycle(StoreDatabase database) {
        this.database = database;
    }

    List<HistoryEntry> updateWorkflow(Collection<String> ids, Workflow to, String actor, String reason, Instant at)
            throws SQLException {
        return change(ids, "workflow", to.name(), actor, reason, at, true,
                (id, from) -> WorkflowTransitions.refusal(Workflow.parse(from), to));
    }

    List<HistoryEntry> updateRecordState(Collection<String> ids, RecordState to, String actor, String reason,
                                         Instant at) throws SQLException {
        return change(ids, "record_state", to.name(), actor, reason, at, true, (id, from) -> Optional.empty());
    }

    /**
     * Resolves the findings of checks that pass again. Ids the store does not hold are ignored (a check that
     * never failed has no finding), as are findings already RESOLVED.
     */
    List<HistoryEntry> markPassing(Collection<String> ids, Instant at) throws SQLException {
        return change(ids, "workflow", Workflow.RESOLVED.name(), HistoryEntry.VIGIL,
                "its check passed at " + at, at, false, (id, from) -> Optional.empty());
    }

    private List<HistoryEntry> change(Collection<String> ids, String field, String to, String actor, String reason,
                                      Instant at, boolean strict,
                                      BiFunction<String, String, Optional<String>> refusal) throws SQLException {
        String who = required(actor, "actor", "who makes the change");
        String why = required(reason, "reason", "why the change is made");
        List<String> wanted = new ArrayList<>(new LinkedHashSet<>(ids.stream().map(String::strip).toList()));
        Map<String, String> current = currentValues(wanted, field);
        List<String> problems = new ArrayList<>();
        List<String> changing = new ArrayList<>();
        for (String id : wanted) {
            String from = current.get(id);
            if (from == null) {
                if (strict) {
                    problems.add(id + ": no such finding");
                }
            } else if (!from.equals(to)) {
                refusal.apply(id, from).ifPresentOrElse(r -> problems.add(id + ": " + r), () -> changing.add(id));
            }
        }
        if (!problems.isEmpty()) {
            throw new StoreException("Refused to set " + field + " " + to + " on " + problems.size() + " of "
                    + wanted.size() + " findings, so none was changed: " + String.join("; ",
                    problems.subList(0, Math.min(problems.size(), 10))) + (problems.size() > 10 ? "; …" : "")
                    + ". Correct the ids or the requested status and try again.");
        }
        long when = EpochMillis.of(at, "time of the change");
        // Leaving SUPPRESSED, or being suppressed by hand, detaches the finding from any rule.
        String set = field.equals("workflow") ? "workflow = ?, suppressed_by = '', updated_at = ?"
                : "record_state = ?, updated_at = ?";
        stage(changing);
        try (PreparedStatement p = new BoundSql("UPDATE findings SET " + set + " WHERE id IN (SELECT id FROM "
                + STAGED + ")", List.of(to, when)).prepare(database)) {
            p.executeUpdate();
        }
        dropStaged();
        List<HistoryEntry> entries = new ArrayList<>(changing.size());
        for (String id : changing) {
            entries.add(new HistoryEntry(id, at, who, field, current.get(id), to, why));
        }
        new HistoryLog(database).append(entries);
        return entries;
    }

    /** The field's value per id, rows locked on PostgreSQL so the check and the update see the same value. */
    private Map<String, String> currentValues(List<String> ids, String field) throws SQLException {
        Map<String, String> values = new LinkedHashMap<>();
        stage(ids);
        try (PreparedStatement p = new BoundSql("SELECT id, " + field + " FROM findings WHERE id IN (SELECT id FROM "
                + STAGED + ") ORDER BY id" + database.dialect().rowLock(), List.of()).prepare(database);
             ResultSet r = p.executeQuery()) {
            while (r.next()) {
                values.put(r.getString(1), r.getString(2));
            }
        }
        return values;
    }

    /**
     * Puts the ids in a temporary table that the statements join with: one pass over the findings whatever the
     * number of ids, where lists of ids in the SQL text cost a scan per few hundred ids. (Setting the workflow of
     * 100,000 of a million findings: 20.2 s this way, 24.5 s with lists; the history rows take much of the rest.)
     */
    private void stage(List<String> ids) throws SQLException {
        try (Statement s = database.connection().createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + STAGED);
            s.execute("CREATE TEMP TABLE " + STAGED + " (id VARCHAR NOT NULL)");
        }
        try (StagingRows rows = StagingRows.open(database, STAGED, 1)) {
            for (String id : ids) {
                rows.row(id);
            }
        }
    }

    private void dropStaged() throws SQLException {
        try (Statement s = database.connection().createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + STAGED);
        }
    }

    private static String required(String value, String name, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a lifecycle change needs its " + name + ": " + what);
        }
        return value.strip();
    }
}
