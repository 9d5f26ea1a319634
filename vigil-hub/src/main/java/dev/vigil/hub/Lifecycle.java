package dev.vigil.hub;

import dev.vigil.model.RecordState;
import dev.vigil.model.Workflow;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
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

    /** Ids per statement, keeping statements small whatever the batch. */
    private static final int CHUNK = 500;

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
        for (int from = 0; from < changing.size(); from += CHUNK) {
            List<String> chunk = changing.subList(from, Math.min(changing.size(), from + CHUNK));
            List<Object> parameters = new ArrayList<>(Arrays.asList(to, when));
            parameters.addAll(chunk);
            try (PreparedStatement p = new BoundSql("UPDATE findings SET " + set + " WHERE id IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")", parameters)
                    .prepare(database)) {
                p.executeUpdate();
            }
        }
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
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            try (PreparedStatement p = new BoundSql("SELECT id, " + field + " FROM findings WHERE id IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ") ORDER BY id"
                    + database.dialect().rowLock(), new ArrayList<>(chunk)).prepare(database);
                 ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    values.put(r.getString(1), r.getString(2));
                }
            }
        }
        return values;
    }

    private static String required(String value, String name, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a lifecycle change needs its " + name + ": " + what);
        }
        return value.strip();
    }
}
