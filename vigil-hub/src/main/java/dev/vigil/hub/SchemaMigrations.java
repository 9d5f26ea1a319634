package dev.vigil.hub;

import java.util.List;
import java.util.Map;

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
 *
 * <p>Design notes for version 2 (the findings hub):
 * <ul>
 *   <li>origin: {@code product}, {@code product_finding_id}, {@code format}, {@code origin_location},
 *       {@code raw_original}, {@code confidence} (-1 unknown). Rows from version 1 are Vigil's own findings, so they
 *       get product {@code Vigil}, format {@code vigil} and their own id as product finding id;</li>
 *   <li>lifecycle: {@code workflow} and {@code record_state} hold the enum names ({@code NEW}…, {@code ACTIVE}…)
 *       as text, readable in any SQL client; {@code suppressed_by} the id of the suppression rule that set
 *       SUPPRESSED (empty otherwise); {@code updated_at} the last change of any kind (epoch ms; rows from version 1
 *       take their last observation);</li>
 *   <li>{@code risk} and {@code risk_reasons} (JSON text) are written by whoever scores findings;</li>
 *   <li>{@code type_list}: the types again, for filtering by type glob without parsing JSON per row. Each type
 *       is held JSON-escaped exactly as in {@code types} (so the column is ASCII and never contains a raw newline)
 *       and enclosed in newlines: {@code \nTTPs/A\nEffects/B\n}, empty for no types. A glob becomes a
 *       regular expression over that column where {@code *} cannot cross a newline, so it matches one type, never
 *       the junction of two. Version-1 rows derive it from {@code types} with string functions, which is exact
 *       because in Jackson's compact JSON an unescaped {@code ","} occurs only between elements;</li>
 *   <li>{@code finding_history}: one row per change of workflow or record state, with {@code seq} from a
 *       sequence so changes within one millisecond keep their order. The time column is {@code changed_at}
 *       because {@code at} is a keyword in DuckDB. Indexed by finding (it is only ever inserted into);</li>
 *   <li>{@code suppression_rules}: {@code criteria} is JSON text (field → pattern); a removed rule is kept with
 *       {@code removed_at}/{@code removed_by} for the audit trail; {@code last_applied_at} is when it last
 *       suppressed a finding;</li>
 *   <li>PostgreSQL only: B-tree indexes on severity, account, region, first_seen, last_seen, workflow, product
 *       and risk (the RISK sort), for the reasons given under version 1. DuckDB gets none.</li>
 * </ul>
 *
 * <p>Version 3 is the routing outbox ({@code dev.vigil.hub.routing.OutboxSchema}).
 *
 * <p>Design notes for version 4 (claims): a dispatcher takes a due outbox row by a conditional UPDATE to status
 * SENDING with a random {@code claim_token} and {@code claimed_until} (epoch ms, the end of its lease), and only
 * the holder of that token may mark the row afterwards. Both columns are NULL for rows that nobody holds. No new
 * index: claimable rows are found through {@code routing_outbox_due} (status, next_attempt_at), whose status
 * prefix also serves the expired-lease lookup of the few SENDING rows.
 *
 * <p>Design notes for version 5 (baseline state): one row per named state ({@code name}, e.g. the behavioural
 * baselines' {@code cloudtrail}), the state an opaque, versioned byte string its owner reads and checks
 * ({@code dev.vigil.engine.baseline.BaselineSnapshot}); {@code updated_at} epoch ms. BLOB in DuckDB, BYTEA in
 * PostgreSQL, hence dialect statements only.
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
                    "CREATE INDEX findings_rule_id ON findings (rule_id)")),
            new Migration(2, "findings hub: origin, lifecycle, risk, history and suppression rules", List.of(
                    "ALTER TABLE findings ADD COLUMN product VARCHAR DEFAULT 'Vigil'",
                    "ALTER TABLE findings ADD COLUMN product_finding_id VARCHAR DEFAULT ''",
                    "ALTER TABLE findings ADD COLUMN format VARCHAR DEFAULT 'vigil'",
                    "ALTER TABLE findings ADD COLUMN origin_location VARCHAR DEFAULT ''",
                    "ALTER TABLE findings ADD COLUMN raw_original VARCHAR DEFAULT ''",
                    "ALTER TABLE findings ADD COLUMN confidence INTEGER DEFAULT -1",
                    "ALTER TABLE findings ADD COLUMN workflow VARCHAR DEFAULT 'NEW'",
                    "ALTER TABLE findings ADD COLUMN record_state VARCHAR DEFAULT 'ACTIVE'",
                    "ALTER TABLE findings ADD COLUMN risk INTEGER DEFAULT 0",
                    "ALTER TABLE findings ADD COLUMN risk_reasons VARCHAR DEFAULT '[]'",
                    "ALTER TABLE findings ADD COLUMN suppressed_by VARCHAR DEFAULT ''",
                    "ALTER TABLE findings ADD COLUMN updated_at BIGINT DEFAULT 0",
                    "ALTER TABLE findings ADD COLUMN type_list VARCHAR DEFAULT ''",
                    """
                    UPDATE findings SET product_finding_id = id, updated_at = last_observed_at,
                        type_list = CASE WHEN types = '[]' THEN ''
                            ELSE chr(10) || replace(substr(types, 3, length(types) - 4), '","', chr(10)) || chr(10)
                        END""",
                    "CREATE SEQUENCE finding_history_seq",
                    """
                    CREATE TABLE finding_history (
                        seq        BIGINT NOT NULL,
                        finding_id VARCHAR NOT NULL,
                        changed_at BIGINT NOT NULL,
                        actor      VARCHAR NOT NULL,
                        field      VARCHAR NOT NULL,
                        old_value  VARCHAR NOT NULL,
                        new_value  VARCHAR NOT NULL,
                        reason     VARCHAR NOT NULL
                    )""",
                    "CREATE INDEX finding_history_finding ON finding_history (finding_id)",
                    """
                    CREATE TABLE suppression_rules (
                        id              VARCHAR PRIMARY KEY,
                        criteria        VARCHAR NOT NULL,
                        reason          VARCHAR NOT NULL,
                        owner           VARCHAR NOT NULL,
                        created_at      BIGINT NOT NULL,
                        expires_at      BIGINT,
                        created_by      VARCHAR NOT NULL,
                        removed_at      BIGINT,
                        removed_by      VARCHAR NOT NULL DEFAULT '',
                        last_applied_at BIGINT
                    )"""),
                    Map.of(SqlDialect.POSTGRESQL, List.of(
                            "CREATE INDEX findings_severity ON findings (severity)",
                            "CREATE INDEX findings_account ON findings (account)",
                            "CREATE INDEX findings_region ON findings (region)",
                            "CREATE INDEX findings_first_seen ON findings (first_seen)",
                            "CREATE INDEX findings_last_seen ON findings (last_seen)",
                            "CREATE INDEX findings_workflow ON findings (workflow)",
                            "CREATE INDEX findings_product ON findings (product)",
                            "CREATE INDEX findings_risk ON findings (risk)"))),
            new Migration(3, "routing outbox", dev.vigil.hub.routing.OutboxSchema.statements()),
            new Migration(4, "routing outbox: claims with a lease", List.of(
                    "ALTER TABLE routing_outbox ADD COLUMN claim_token VARCHAR",
                    "ALTER TABLE routing_outbox ADD COLUMN claimed_until BIGINT")),
            new Migration(5, "baseline state", List.of(), Map.of(
                    SqlDialect.DUCKDB, List.of(BaselineStates.table("BLOB")),
                    SqlDialect.POSTGRESQL, List.of(BaselineStates.table("BYTEA")))));

    private SchemaMigrations() {
    }

    /** The newest schema version this build of Vigil knows. */
    static int latestVersion() {
        return ALL.getLast().version();
    }
}
