package dev.vigil.hub;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.vigil.model.Workflow;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code suppression_rules} table and what rules do to findings. Matching happens in SQL
 * ({@link FindingQuerySql#matching}), the same for stored findings and arriving ones, so there is one definition
 * of what a rule matches. Runs inside the caller's transaction.
 *
 * <p>A rule takes over findings that are ACTIVE and NEW or NOTIFIED: a finding someone resolved, or suppressed
 * by hand or by another rule, keeps that decision. When a rule expires or is removed, the findings it holds
 * return to NEW.
 */
final class Suppressions {

    private static final String RULE_COLUMNS = "id, criteria, reason, owner, created_at, expires_at, created_by,"
            + " removed_at, removed_by, last_applied_at";

    private final StoreDatabase database;
    private final JsonColumns json;
    private final FindingQuerySql sql;

    Suppressions(StoreDatabase database, JsonColumns json) {
        this.database = database;
        this.json = json;
        this.sql = new FindingQuerySql(database.dialect(), json);
    }

    /** Stores the rule and suppresses the stored findings it matches; returns how many. */
    long add(SuppressionRule rule) throws SQLException {
        if (find(rule.id()).isPresent()) {
            throw new StoreException("A suppression rule with id '" + rule.id() + "' already exists. Choose another"
                    + " id, or remove the existing rule first.");
        }
        try (PreparedStatement p = new BoundSql("INSERT INTO suppression_rules (id, criteria, reason, owner,"
                + " created_at, expires_at, created_by, removed_by) VALUES (?, ?, ?, ?, ?, ?, ?, '')", Arrays.asList(
                rule.id(), json.ofMap(rule.criteria().asMap()), StoredText.of(rule.reason()),
                StoredText.of(rule.owner()), EpochMillis.of(rule.createdAt(), "createdAt"),
                rule.expiresAt().map(EpochMillis::clamped).orElse(null),
                StoredText.of(rule.createdBy()))).prepare(database)) {
            p.executeUpdate();
        }
        return apply(rule, "", List.of(), rule.createdAt()).size();
    }

    /**
     * Applies every rule active at {@code at} to the findings the running upsert created or reopened (its
     * {@code upsert_findings} staging rows marked {@code arrived}); returns the ids suppressed.
     */
    Set<String> applyToArrivals(Instant at) throws SQLException {
        Set<String> suppressed = new LinkedHashSet<>();
        for (SuppressionRule rule : activeAt(at)) {
            suppressed.addAll(apply(rule, " AND id IN (SELECT id FROM upsert_findings WHERE arrived)", List.of(), at));
        }
        return suppressed;
    }

    /** Findings held by rules whose expiry has passed return to NEW. */
    List<HistoryEntry> expire(Instant now) throws SQLException {
        List<HistoryEntry> out = new ArrayList<>();
        for (StoredRule r : all()) {
            if (r.removedAt().isEmpty() && !r.rule().activeAt(now)) {
                out.addAll(release(r.rule().id(), HistoryEntry.VIGIL, now, "suppression rule " + r.rule().id()
                        + " expired at " + r.rule().expiresAt().orElseThrow()));
            }
        }
        return out;
    }

    /** Marks the rule removed (it stays in the table for the audit trail) and returns its findings to NEW. */
    List<HistoryEntry> remove(String id, String actor, Instant at) throws SQLException {
        StoredRule r = find(id).orElseThrow(() -> new StoreException("There is no suppression rule '" + id
                + "'. The suppression report lists the rules."));
        if (r.removedAt().isPresent()) {
            throw new StoreException("Suppression rule '" + id + "' was already removed, at " + r.removedAt().get()
                    + " by " + r.removedBy() + ".");
        }
        try (PreparedStatement p = new BoundSql("UPDATE suppression_rules SET removed_at = ?, removed_by = ?"
                + " WHERE id = ?", List.of(EpochMillis.of(at, "removal time"), StoredText.of(actor), id))
                .prepare(database)) {
            p.executeUpdate();
        }
        return release(id, actor, at, "suppression rule " + id + " removed by " + actor);
    }

    List<SuppressionStatus> report(Instant now) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (PreparedStatement p = database.connection().prepareStatement("SELECT suppressed_by, count(*) FROM"
                + " findings WHERE workflow = 'SUPPRESSED' AND suppressed_by <> '' GROUP BY suppressed_by");
             ResultSet r = p.executeQuery()) {
            while (r.next()) {
                counts.put(r.getString(1), r.getLong(2));
            }
        }
        List<SuppressionStatus> out = new ArrayList<>();
        for (StoredRule r : all()) {
            SuppressionStatus.State state = r.removedAt().isPresent() ? SuppressionStatus.State.REMOVED
                    : r.rule().activeAt(now) ? SuppressionStatus.State.ACTIVE : SuppressionStatus.State.EXPIRED;
            out.add(new SuppressionStatus(r.rule(), state, counts.getOrDefault(r.rule().id(), 0L), r.lastApplied(),
                    r.removedAt(), r.removedBy()));
        }
        return out;
    }

    /**
     * Suppresses the findings the rule matches among the suppressible ones, narrowed by {@code scope}; writes one
     * history row each and stamps the rule's last application. Returns the ids suppressed.
     */
    private List<String> apply(SuppressionRule rule, String scope, List<Object> scopeParameters, Instant at)
            throws SQLException {
        BoundSql condition = new BoundSql(" WHERE " + FindingQuerySql.suppressible() + " AND ", List.of())
                .then(sql.matching(rule.criteria()).sql(), sql.matching(rule.criteria()).parameters())
                .then(scope, scopeParameters);
        long when = EpochMillis.of(at, "time of the suppression");
        String actor = "suppression:" + rule.id();
        if (!database.dialect().rowLock().isEmpty()) {
            // Hold the matching rows so the history rows and the update below describe the same findings.
            try (PreparedStatement p = new BoundSql("SELECT id FROM findings", List.of())
                    .then(condition.sql() + database.dialect().rowLock(), condition.parameters()).prepare(database)) {
                p.executeQuery().close();
            }
        }
        try (PreparedStatement p = new BoundSql(HistoryLog.INSERT_WORKFLOW_SELECT, List.of(when, actor,
                Workflow.SUPPRESSED.name(), StoredText.of("matches suppression rule " + rule.id() + " (owner "
                        + rule.owner() + "): " + rule.reason())))
                .then("FROM findings" + condition.sql(), condition.parameters()).prepare(database)) {
            p.executeUpdate();
        }
        List<String> ids = new ArrayList<>();
        try (PreparedStatement p = new BoundSql("UPDATE findings SET workflow = 'SUPPRESSED', suppressed_by = ?,"
                + " updated_at = ?", List.of(rule.id(), when))
                .then(condition.sql() + " RETURNING id", condition.parameters()).prepare(database);
             ResultSet r = p.executeQuery()) {
            while (r.next()) {
                ids.add(r.getString(1));
            }
        }
        if (!ids.isEmpty()) {
            try (PreparedStatement p = new BoundSql("UPDATE suppression_rules SET last_applied_at = ? WHERE id = ?",
                    List.of(when, rule.id())).prepare(database)) {
                p.executeUpdate();
            }
        }
        return ids;
    }

    /** Returns the findings a rule holds to NEW, with history rows. */
    private List<HistoryEntry> release(String ruleId, String actor, Instant at, String reason) throws SQLException {
        String condition = " WHERE workflow = 'SUPPRESSED' AND suppressed_by = ?";
        long when = EpochMillis.of(at, "time of the change");
        if (!database.dialect().rowLock().isEmpty()) {
            try (PreparedStatement p = new BoundSql("SELECT id FROM findings" + condition
                    + database.dialect().rowLock(), List.of(ruleId)).prepare(database)) {
                p.executeQuery().close();
            }
        }
        List<String> ids = new ArrayList<>();
        try (PreparedStatement p = new BoundSql("UPDATE findings SET workflow = 'NEW', suppressed_by = '',"
                + " updated_at = ?" + condition + " RETURNING id", List.of(when, ruleId)).prepare(database);
             ResultSet r = p.executeQuery()) {
            while (r.next()) {
                ids.add(r.getString(1));
            }
        }
        List<HistoryEntry> entries = new ArrayList<>(ids.size());
        for (String id : ids) {
            entries.add(new HistoryEntry(id, at, actor, HistoryEntry.WORKFLOW, Workflow.SUPPRESSED.name(),
                    Workflow.NEW.name(), reason));
        }
        new HistoryLog(database).append(entries);
        return entries;
    }

    private List<SuppressionRule> activeAt(Instant at) throws SQLException {
        List<SuppressionRule> out = new ArrayList<>();
        for (StoredRule r : all()) {
            if (r.removedAt().isEmpty() && r.rule().activeAt(at)) {
                out.add(r.rule());
            }
        }
        return out;
    }

    private Optional<StoredRule> find(String id) throws SQLException {
        return read(new BoundSql("SELECT " + RULE_COLUMNS + " FROM suppression_rules WHERE id = ?", List.of(id)))
                .stream().findFirst();
    }

    private List<StoredRule> all() throws SQLException {
        return read(new BoundSql("SELECT " + RULE_COLUMNS + " FROM suppression_rules ORDER BY created_at, id",
                List.of()));
    }

    private List<StoredRule> read(BoundSql select) throws SQLException {
        List<StoredRule> out = new ArrayList<>();
        try (PreparedStatement p = select.prepare(database); ResultSet r = p.executeQuery()) {
            while (r.next()) {
                String id = r.getString(1);
                try {
                    long expires = r.getLong(6);
                    boolean never = r.wasNull();
                    SuppressionRule rule = new SuppressionRule(id, SuppressionCriteria.parse(json.map(r.getString(2))),
                            r.getString(3), r.getString(4), Instant.ofEpochMilli(r.getLong(5)),
                            never ? Optional.empty() : Optional.of(Instant.ofEpochMilli(expires)),
                            r.getString(7));
                    long removed = r.getLong(8);
                    Optional<Instant> removedAt = r.wasNull() ? Optional.empty() : Optional.of(
                            Instant.ofEpochMilli(removed));
                    long applied = r.getLong(10);
                    Optional<Instant> lastApplied = r.wasNull() ? Optional.empty() : Optional.of(
                            Instant.ofEpochMilli(applied));
                    out.add(new StoredRule(rule, removedAt, r.getString(9), lastApplied));
                } catch (JsonProcessingException | IllegalArgumentException e) {
                    throw new StoreException("Suppression rule " + id + " in " + database.location() + " is damaged ("
                            + e.getMessage() + "). It was changed outside Vigil; remove that row and add the rule"
                            + " again.", e);
                }
            }
        }
        return out;
    }

    private record StoredRule(SuppressionRule rule, Optional<Instant> removedAt, String removedBy,
                              Optional<Instant> lastApplied) {
    }
}
