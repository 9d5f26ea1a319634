package dev.vigil.hub.routing;

import dev.vigil.hub.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The persistent outbox: notifications waiting to be delivered, in the {@value OutboxSchema#TABLE} table of the
 * workspace database (create it with {@link OutboxSchema#statements()}).
 *
 * <p>Enqueueing happens in the same process step as the change it reports, and delivery happens later from the
 * table ({@link Dispatcher}); so a crash loses nothing (the row is still PENDING) and delivers nothing twice that
 * the destination can tell apart (the idempotency key is stable). Each statement commits on its own when the
 * connection is in auto-commit mode; in a caller's transaction it joins it, so a change and its notifications
 * can be committed together.
 *
 * <p>Not thread-safe; one dispatcher per database (see the routing documentation).
 */
public final class Outbox {

    private static final String COLUMNS = "idempotency_key, destination, route, finding_id, event_kind, changed_at,"
            + " payload, status, attempts, next_attempt_at, created_at, updated_at, delivered_at, last_error,"
            + " ticket_ref, note";

    private final Connection connection;

    public Outbox(Connection connection) {
        this.connection = connection;
    }

    /**
     * Writes one PENDING row for each destination the configuration routes this change to (each destination once,
     * however many routes name it). A change already enqueued for a destination adds nothing.
     *
     * @return the number of rows added
     */
    public int enqueue(Notification notification, RoutingConfig config, Clock clock) {
        int added = 0;
        for (var e : config.destinationsFor(notification).entrySet()) {
            added += enqueue(notification, e.getKey(), e.getValue(), clock.instant()) ? 1 : 0;
        }
        return added;
    }

    /** @return whether a row was added (false: this change was already enqueued for this destination) */
    boolean enqueue(Notification n, String destination, String route, Instant now) {
        String sql = "INSERT INTO routing_outbox (" + COLUMNS + ")"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?, NULL, NULL, NULL, NULL)"
                + " ON CONFLICT (idempotency_key) DO NOTHING";
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            long at = now.toEpochMilli();
            p.setString(1, IdempotencyKey.of(destination, n));
            p.setString(2, destination);
            p.setString(3, route);
            p.setString(4, n.findingId());
            p.setString(5, n.kind().name());
            p.setLong(6, n.changedAt().toEpochMilli());
            p.setString(7, NotificationJson.toJson(n));
            p.setLong(8, at);
            p.setLong(9, at);
            p.setLong(10, at);
            return p.executeUpdate() > 0;
        } catch (SQLException e) {
            throw failure("enqueue a notification of finding " + n.findingId() + " for " + destination, e);
        }
    }

    /** PENDING rows due at {@code now}, oldest change first. A row whose payload is damaged is returned as such. */
    List<DueRow> due(Instant now, int limit) {
        String sql = "SELECT idempotency_key, destination, route, payload, attempts, created_at FROM routing_outbox"
                + " WHERE status = 'PENDING' AND next_attempt_at <= ?"
                + " ORDER BY changed_at, created_at, idempotency_key LIMIT ?";
        List<DueRow> rows = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            p.setLong(1, now.toEpochMilli());
            p.setInt(2, limit);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    rows.add(new DueRow(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getInt(5),
                            Instant.ofEpochMilli(r.getLong(6))));
                }
            }
        } catch (SQLException e) {
            throw failure("read the due notifications", e);
        }
        return rows;
    }

    /** A due row as stored; {@link #entry()} parses its payload. */
    record DueRow(String key, String destination, String route, String payload, int attempts, Instant createdAt) {
        OutboxEntry entry() {
            return new OutboxEntry(key, destination, route, NotificationJson.fromJson(payload), attempts, createdAt);
        }
    }

    void markDelivered(String key, DeliveryReceipt receipt, Instant now) {
        update("UPDATE routing_outbox SET status = 'DELIVERED', attempts = attempts + 1, delivered_at = ?,"
                        + " updated_at = ?, last_error = NULL, ticket_ref = ?, note = ?"
                        + " WHERE idempotency_key = ? AND status = 'PENDING'",
                "mark delivered", key, now.toEpochMilli(), now.toEpochMilli(), receipt.ticketRef(), receipt.note(), key);
    }

    void markRetry(String key, String error, Instant nextAttempt, Instant now) {
        update("UPDATE routing_outbox SET attempts = attempts + 1, next_attempt_at = ?, updated_at = ?,"
                        + " last_error = ? WHERE idempotency_key = ? AND status = 'PENDING'",
                "schedule a retry", key, nextAttempt.toEpochMilli(), now.toEpochMilli(), error, key);
    }

    void markDead(String key, String error, Instant now) {
        update("UPDATE routing_outbox SET status = 'DEAD', attempts = attempts + 1, updated_at = ?, last_error = ?"
                        + " WHERE idempotency_key = ? AND status = 'PENDING'",
                "mark dead", key, now.toEpochMilli(), error, key);
    }

    /**
     * Puts DEAD rows back to PENDING, due now, with their attempts reset (after the user fixed the cause).
     *
     * @return how many rows were requeued
     */
    public int requeueDead(Clock clock) {
        long now = clock.millis();
        try (PreparedStatement p = connection.prepareStatement("UPDATE routing_outbox SET status = 'PENDING',"
                + " attempts = 0, next_attempt_at = ?, updated_at = ? WHERE status = 'DEAD'")) {
            p.setLong(1, now);
            p.setLong(2, now);
            return p.executeUpdate();
        } catch (SQLException e) {
            throw failure("requeue the dead notifications", e);
        }
    }

    /** See {@link TicketHistory#latestTicket}. */
    Optional<String> latestTicket(String destination, String findingId) {
        String sql = "SELECT ticket_ref FROM routing_outbox WHERE destination = ? AND finding_id = ?"
                + " AND status = 'DELIVERED' AND ticket_ref IS NOT NULL"
                + " ORDER BY changed_at DESC, delivered_at DESC LIMIT 1";
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            p.setString(1, destination);
            p.setString(2, findingId);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("look up the ticket of finding " + findingId + " at " + destination, e);
        }
    }

    /** See {@link TicketHistory#earlierPending}. */
    boolean earlierPending(OutboxEntry entry) {
        String sql = "SELECT count(*) FROM routing_outbox WHERE destination = ? AND finding_id = ?"
                + " AND status = 'PENDING' AND changed_at < ?";
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            p.setString(1, entry.destination());
            p.setString(2, entry.notification().findingId());
            p.setLong(3, entry.notification().changedAt().toEpochMilli());
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw failure("look for earlier changes of finding " + entry.notification().findingId(), e);
        }
    }

    /** How many rows are in each status. */
    public Map<OutboxStatus, Long> counts() {
        Map<OutboxStatus, Long> counts = new EnumMap<>(OutboxStatus.class);
        for (OutboxStatus s : OutboxStatus.values()) {
            counts.put(s, 0L);
        }
        try (PreparedStatement p = connection.prepareStatement(
                "SELECT status, count(*) FROM routing_outbox GROUP BY status");
             ResultSet r = p.executeQuery()) {
            while (r.next()) {
                counts.put(OutboxStatus.valueOf(r.getString(1)), r.getLong(2));
            }
        } catch (SQLException e) {
            throw failure("count the outbox rows", e);
        }
        return counts;
    }

    /**
     * The findings whose CREATED, REOPENED or ESCALATED notification was delivered at or after {@code since}, each
     * once, in id order: the findings whose owner has now been told.
     */
    public List<String> findingsNotifiedSince(Instant since) {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement("SELECT DISTINCT finding_id FROM routing_outbox"
                + " WHERE status = 'DELIVERED' AND delivered_at >= ?"
                + " AND event_kind IN ('CREATED', 'REOPENED', 'ESCALATED') ORDER BY finding_id")) {
            p.setLong(1, since.toEpochMilli());
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
        } catch (SQLException e) {
            throw failure("list the findings notified", e);
        }
        return ids;
    }

    /** The most recently changed rows first, at most {@code limit}. */
    public List<OutboxRow> list(int limit) {
        String sql = "SELECT " + COLUMNS + " FROM routing_outbox ORDER BY updated_at DESC, idempotency_key LIMIT ?";
        List<OutboxRow> rows = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            p.setInt(1, limit);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    long delivered = r.getLong("delivered_at");
                    boolean hasDelivered = !r.wasNull();
                    rows.add(new OutboxRow(r.getString("idempotency_key"), r.getString("destination"),
                            r.getString("route"), r.getString("finding_id"), EventKind.valueOf(r.getString("event_kind")),
                            Instant.ofEpochMilli(r.getLong("changed_at")), OutboxStatus.valueOf(r.getString("status")),
                            r.getInt("attempts"), Instant.ofEpochMilli(r.getLong("next_attempt_at")),
                            hasDelivered ? Instant.ofEpochMilli(delivered) : null, r.getString("last_error"),
                            r.getString("ticket_ref"), r.getString("note")));
                }
            }
        } catch (SQLException e) {
            throw failure("list the outbox", e);
        }
        return rows;
    }

    private void update(String sql, String what, String key, Object... values) {
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                if (v == null) {
                    p.setNull(i + 1, Types.VARCHAR);
                } else if (v instanceof Long l) {
                    p.setLong(i + 1, l);
                } else {
                    p.setString(i + 1, v.toString());
                }
            }
            p.executeUpdate();
        } catch (SQLException e) {
            throw failure(what + " for outbox row " + key, e);
        }
    }

    private static StoreException failure(String what, SQLException e) {
        return new StoreException("Could not " + what + " (" + e.getMessage() + "). Check that the workspace"
                + " database is writable and has the routing_outbox table.", e);
    }
}
