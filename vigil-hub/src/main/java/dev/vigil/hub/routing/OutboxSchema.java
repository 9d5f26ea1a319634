package dev.vigil.hub.routing;

import java.util.List;

/**
 * The outbox table, as plain SQL that DuckDB and PostgreSQL both accept (VARCHAR, INTEGER, BIGINT; times as
 * epoch milliseconds like the rest of the store). Released as schema migration 3: these statements are frozen,
 * since workspaces in the field have run them; change the table with a new migration.
 *
 * <ul>
 *   <li>{@code idempotency_key} is the primary key: enqueueing the same change for the same destination again
 *       inserts nothing;</li>
 *   <li>{@code status} is PENDING, DELIVERED or DEAD; {@code attempts} counts deliveries tried,
 *       {@code next_attempt_at} is when a PENDING row is next due, {@code last_error} why the last one failed;</li>
 *   <li>{@code ticket_ref} is the Jira issue key or ServiceNow sys_id a delivery created or found, which a later
 *       RESOLVED change of the same finding to the same destination uses; {@code note} says e.g. that an
 *       existing ticket was found instead of created;</li>
 *   <li>{@code payload} is the notification as JSON, so a row can be delivered after a restart with nothing else
 *       to hand.</li>
 * </ul>
 */
public final class OutboxSchema {

    /** The table's name. */
    public static final String TABLE = "routing_outbox";

    private OutboxSchema() {
    }

    /** The statements creating the outbox table and its indexes, in order. */
    public static List<String> statements() {
        return List.of(
                """
                CREATE TABLE routing_outbox (
                    idempotency_key VARCHAR NOT NULL PRIMARY KEY,
                    destination     VARCHAR NOT NULL,
                    route           VARCHAR NOT NULL,
                    finding_id      VARCHAR NOT NULL,
                    event_kind      VARCHAR NOT NULL,
                    changed_at      BIGINT NOT NULL,
                    payload         VARCHAR NOT NULL,
                    status          VARCHAR NOT NULL,
                    attempts        INTEGER NOT NULL,
                    next_attempt_at BIGINT NOT NULL,
                    created_at      BIGINT NOT NULL,
                    updated_at      BIGINT NOT NULL,
                    delivered_at    BIGINT,
                    last_error      VARCHAR,
                    ticket_ref      VARCHAR,
                    note            VARCHAR
                )""",
                "CREATE INDEX routing_outbox_due ON routing_outbox (status, next_attempt_at)",
                "CREATE INDEX routing_outbox_finding ON routing_outbox (destination, finding_id)");
    }
}
