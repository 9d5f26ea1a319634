package dev.vigil.hub;

import dev.vigil.model.Severity;
import java.util.ArrayList;
import java.util.List;

/** Translates a {@link FindingQuery} into a WHERE clause, an ORDER BY and a page, all values bound. */
final class FindingQuerySql {

    private FindingQuerySql() {
    }

    /** {@code " WHERE …"} (or empty) and its parameters. */
    static BoundSql where(FindingQuery q) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (q.minSeverity() != Severity.INFORMATIONAL) {
            conditions.add("severity >= ?");
            parameters.add(q.minSeverity().ocsfId());
        }
        if (q.ruleId() != null) {
            String ruleId = StoredText.of(q.ruleId());
            if (ruleId.indexOf('*') >= 0) {
                conditions.add("rule_id LIKE ? ESCAPE '\\'");
                parameters.add(LikePattern.glob(ruleId));
            } else {
                conditions.add("rule_id = ?");
                parameters.add(ruleId);
            }
        }
        if (q.account() != null) {
            conditions.add("account = ?");
            parameters.add(StoredText.of(q.account()));
        }
        if (q.region() != null) {
            conditions.add("region = ?");
            parameters.add(StoredText.of(q.region()));
        }
        if (q.principalContains() != null) {
            // lower() on both sides so the database alone decides what "ignoring case" means.
            conditions.add("lower(principal) LIKE lower(?) ESCAPE '\\'");
            parameters.add(LikePattern.contains(StoredText.of(q.principalContains())));
        }
        if (q.since() != null) {
            conditions.add("last_seen >= ?");
            parameters.add(EpochMillis.clamped(q.since()));
        }
        if (q.until() != null) {
            conditions.add("first_seen < ?");
            parameters.add(EpochMillis.clamped(q.until()));
        }
        String sql = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return new BoundSql(sql, parameters);
    }

    static String orderBy(FindingSort sort) {
        return switch (sort) {
            case SEVERITY -> " ORDER BY severity DESC, last_seen DESC, id";
            case LAST_SEEN -> " ORDER BY last_seen DESC, id";
            case FIRST_SEEN -> " ORDER BY first_seen DESC, id";
            case COUNT -> " ORDER BY count DESC, last_seen DESC, id";
        };
    }
}
