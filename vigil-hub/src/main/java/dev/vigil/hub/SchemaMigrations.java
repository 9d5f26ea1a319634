package dev.vigil.hub;

import java.util.List;

/**
 * Every schema change ever shipped, in order. Append only: a released migration is never edited, because
 * workspaces in the field have already applied it; fix forward with a new one.
 *
 * <p>Design notes for version 1:
 * <ul>
 *   <li>times are BIGINT epoch milliseconds (see {@link EpochMillis});</li>
 *   <li>{@code attack}, {@code types} and {@code keys} are JSON text (see {@link JsonColumns});</li>
 *   <li>{@code finding_evidence} has no foreign key to {@code findings}: DuckDB executes an UPDATE of indexed
 *       columns as delete plus insert, which a foreign key would reject;</li>
 *   <li>evidence is keyed by {@code evidence_key} (see {@link EvidenceRow}) rather than by the event id alone,
 *       because some sources give no event id;</li>
 *   <li>indexes: only {@code rule_id}, which never changes for a finding (the id is derived from it). DuckDB
 *       executes an UPDATE that touches any indexed column as delete plus insert into every index; with ART
 *       indexes on severity, account, region, first_seen and last_seen, re-upserting 100k findings took about
 *       twice as long (index maintenance and a much larger commit), while DuckDB answers those filters from
 *       its per-block min/max statistics in milliseconds anyway. A PostgreSQL schema, whose B-tree indexes do
 *       serve range filters and whose updates do not work this way, should add indexes on severity, account,
 *       region, first_seen and last_seen. The principal filter is a substring search, which no ordinary index
 *       serves.</li>
 * </ul>
 */
final class SchemaMigrations {

    static final List<Migration> ALL = List.of(
            new Migration(1, "findings and their evidence", List.of(
                    """
                    CREATE TABLE findings (
                        id                VARCHAR PRIMARY KEY,
                        rule_id           VARCHAR NOT NULL,
                        title             VARCHAR NOT NULL,
                        description       VARCHAR NOT NULL,
                        severity          INTEGER NOT NULL,
                        attack            VARCHAR NOT NULL,
                        types             VARCHAR NOT NULL,
                        keys              VARCHAR NOT NULL,
                        account           VARCHAR NOT NULL,
                        region            VARCHAR NOT NULL,
                        principal         VARCHAR NOT NULL,
                        resource          VARCHAR NOT NULL,
                        first_seen        BIGINT NOT NULL,
                        last_seen         BIGINT NOT NULL,
                        count             BIGINT NOT NULL,
                        first_observed_at BIGINT NOT NULL,
                        last_observed_at  BIGINT NOT NULL,
                        observations      BIGINT NOT NULL
                    )""",
                    """
                    CREATE TABLE finding_evidence (
                        finding_id   VARCHAR NOT NULL,
                        evidence_key VARCHAR NOT NULL,
                        event_id     VARCHAR NOT NULL,
                        event_time   BIGINT NOT NULL,
                        origin       VARCHAR NOT NULL,
                        raw_json     VARCHAR NOT NULL,
                        PRIMARY KEY (finding_id, evidence_key)
                    )""",
                    "CREATE INDEX findings_rule_id ON findings (rule_id)")));

    private SchemaMigrations() {
    }

    /** The newest schema version this build of Vigil knows. */
    static int latestVersion() {
        return ALL.getLast().version();
    }
}
