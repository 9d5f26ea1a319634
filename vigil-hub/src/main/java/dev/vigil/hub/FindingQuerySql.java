package dev.vigil.hub;

import dev.vigil.model.Severity;
import dev.vigil.model.Workflow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Translates a {@link FindingQuery} or {@link SuppressionCriteria} into SQL conditions, an ORDER BY and a page,
 * all values bound. Every common filter is a plain comparison or LIKE over a column; the type glob is one regular
 * expression over {@code type_list} (see {@link TypeList}), so no filter parses JSON per row.
 */
final class FindingQuerySql {

    private final SqlDialect dialect;
    private final JsonColumns json;

    FindingQuerySql(SqlDialect dialect, JsonColumns json) {
        this.dialect = dialect;
        this.json = json;
    }

    /** {@code " WHERE …"} (or empty) and its parameters. */
    BoundSql where(FindingQuery q) {
        Conditions c = new Conditions();
        if (q.minSeverity() != Severity.INFORMATIONAL) {
            c.add("severity >= ?", q.minSeverity().ocsfId());
        }
        if (q.ruleId() != null) {
            ruleGlob(c, q.ruleId());
        }
        if (q.account() != null) {
            c.add("account = ?", StoredText.of(q.account()));
        }
        if (q.region() != null) {
            c.add("region = ?", StoredText.of(q.region()));
        }
        if (q.principalContains() != null) {
            var contains = dialect.containsIgnoringCase("principal", StoredText.of(q.principalContains()));
            c.add(contains.sql(), contains.parameter());
        }
        if (q.resourceContains() != null) {
            var contains = dialect.containsIgnoringCase("resource", StoredText.of(q.resourceContains()));
            c.add(contains.sql(), contains.parameter());
        }
        if (q.since() != null) {
            c.add("last_seen >= ?", EpochMillis.clamped(q.since()));
        }
        if (q.until() != null) {
            c.add("first_seen < ?", EpochMillis.clamped(q.until()));
        }
        if (q.product() != null) {
            c.add("product = ?", StoredText.of(q.product()));
        }
        if (q.typeGlob() != null) {
            typeGlob(c, q.typeGlob());
        }
        if (!q.workflows().isEmpty()) {
            List<Object> names = q.workflows().stream().sorted().map(w -> (Object) w.name()).toList();
            c.addIn("workflow", names);
        }
        if (q.recordState() != null) {
            c.add("record_state = ?", q.recordState().name());
        }
        if (!q.ids().isEmpty()) {
            c.addIn("id", q.ids().stream().sorted().map(id -> (Object) StoredText.of(id)).toList());
        }
        return c.where();
    }

    /** The conditions a suppression rule's criteria set, joined with AND (never empty: criteria need one). */
    BoundSql matching(SuppressionCriteria criteria) {
        Conditions c = new Conditions();
        criteria.rule().ifPresent(v -> ruleGlob(c, v));
        criteria.type().ifPresent(v -> typeGlob(c, v));
        criteria.product().ifPresent(v -> c.add("product = ?", StoredText.of(v)));
        criteria.account().ifPresent(v -> c.add("account = ?", StoredText.of(v)));
        criteria.region().ifPresent(v -> c.add("region = ?", StoredText.of(v)));
        criteria.principal().ifPresent(v -> c.add("principal LIKE ? ESCAPE '\\'", LikePattern.glob(StoredText.of(v))));
        criteria.resource().ifPresent(v -> c.add("resource LIKE ? ESCAPE '\\'", LikePattern.glob(StoredText.of(v))));
        criteria.severityAtMost().ifPresent(v -> c.add("severity <= ?", v.ocsfId()));
        return new BoundSql("(" + String.join(" AND ", c.sql) + ")", c.parameters);
    }

    /** The condition for findings a suppression rule may take over: active, and not already acted upon. */
    static String suppressible() {
        return "record_state = 'ACTIVE' AND workflow IN ('" + Workflow.NEW.name() + "', '" + Workflow.NOTIFIED.name()
                + "')";
    }

    private static void ruleGlob(Conditions c, String glob) {
        String ruleId = StoredText.of(glob);
        if (ruleId.indexOf('*') >= 0) {
            c.add("rule_id LIKE ? ESCAPE '\\'", LikePattern.glob(ruleId));
        } else {
            c.add("rule_id = ?", ruleId);
        }
    }

    // LIKE first: it is exact for a type without stars, and an order of magnitude cheaper than the regular
    // expression that settles globs.
    private void typeGlob(Conditions c, String glob) {
        c.add("type_list LIKE ? ESCAPE '\\'", TypeList.likeFor(glob, json));
        if (glob.indexOf('*') >= 0) {
            c.add(dialect.regexMatch("type_list"), TypeList.regexFor(glob, json));
        }
    }

    static String orderBy(FindingSort sort) {
        return switch (sort) {
            case SEVERITY -> " ORDER BY severity DESC, last_seen DESC, id";
            case LAST_SEEN -> " ORDER BY last_seen DESC, id";
            case FIRST_SEEN -> " ORDER BY first_seen DESC, id";
            case COUNT -> " ORDER BY count DESC, last_seen DESC, id";
            case RISK -> " ORDER BY risk DESC, severity DESC, last_seen DESC, id";
        };
    }

    private static final class Conditions {
        final List<String> sql = new ArrayList<>();
        final List<Object> parameters = new ArrayList<>();

        void add(String condition, Object parameter) {
            sql.add(condition);
            parameters.add(parameter);
        }

        void addIn(String column, List<Object> values) {
            sql.add(column + " IN (" + String.join(", ", Collections.nCopies(values.size(), "?")) + ")");
            parameters.addAll(values);
        }

        BoundSql where() {
            return new BoundSql(sql.isEmpty() ? "" : " WHERE " + String.join(" AND ", sql), parameters);
        }
    }
}
