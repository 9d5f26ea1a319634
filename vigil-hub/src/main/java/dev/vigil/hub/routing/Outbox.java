package dev.vigil.hub.routing;

import dev.vigil.hub.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

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
 * <p>Several dispatchers may share one database (processes on one PostgreSQL database, or a restarted process
 * after a crash): each takes a row by {@link #claim claiming} it for a lease before delivering it, so no row is
 * delivered by two of them at once, and a row whose dispatcher died is taken over when its lease ends.
 *
 * <p>Not thread-safe: one Outbox per connection, used by one thread.
 */
public final class Outbox {

    private static final String COLUMNS = "idempotency_key, destination, route, finding_id, event_kind, changed_at,"
            + " payload, status, attempts, next_attempt_at, created_at, updated_at, delivered_at, last_error,"
            + " ticket_ref, note";

    /** PENDING and due, or SENDING with its lease ended; binds the time twice. */
    private static final String CLAIMABLE = "(status = 'PENDING' AND next_attempt_at <= ?)"
            + " OR (status = 'SENDING' AND claimed_until <= ?)";

    private static final String UNCLAIMED = "claim_token = NULL, claimed_until = NULL";
    /** The row is still held by the claim whose key and token are bound last. */
    private static final String HELD = "idempotency_key = ? AND status = 'SENDING' AND claim_token = ?";

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

    /**
     * The keys of rows a dispatcher may claim at {@code now}, oldest change first: PENDING rows whose next attempt
     * is due, and SENDING rows whose claim's lease has ended (their dispatcher stopped before it finished). Only
     * {@link #claim} decides which dispatcher gets one.
     */
    List<String> claimable(Instant now, int limit) {
        String sql = "SELECT idempotency_key FROM routing_outbox WHERE " + CLAIMABLE
                + " ORDER BY changed_at, created_at, idempotency_key LIMIT ?";
        List<String> keys = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            long at = now.toEpochMilli();
            p.setLong(1, at);
            p.setLong(2, at);
            p.setInt(3, limit);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    keys.add(r.getString(1));
                }
            }
        } catch (SQLException e) {
            throw failure("read the due notifications", e);
        }
        return keys;
    }

    /**
     * Takes one row for delivery, if it is still claimable at {@code now}: status SENDING, a new random claim
     * token, and a lease until {@code now + lease}; the try is counted in {@code attempts} now, so that a
     * dispatcher dying mid-delivery still uses up an attempt. The UPDATE is conditional, so when several
     * dispatchers race for a row exactly one changes it (PostgreSQL re-checks the condition on the row a
     * concurrent winner committed, and finds it no longer claimable).
     *
     * @return the claimed row, read back under the claim; empty when another dispatcher has it or it was
     *         delivered, retried or given up on meanwhile
     */
    Optional<ClaimedRow> claim(String key, Instant now, Duration lease) {
        String token = UUID.randomUUID().toString();
        String sql = "UPDATE routing_outbox SET status = 'SENDING', claim_token = ?, claimed_until = ?,"
                + " attempts = attempts + 1, updated_at = ? WHERE idempotency_key = ? AND (" + CLAIMABLE + ")";
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            long at = now.toEpochMilli();
            p.setString(1, token);
            p.setLong(2, now.plus(lease).toEpochMilli());
            p.setLong(3, at);
            p.setString(4, key);
            p.setLong(5, at);
            p.setLong(6, at);
            if (p.executeUpdate() != 1) {
                return Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("claim outbox row " + key, e);
        }
        try (PreparedStatement p = connection.prepareStatement("SELECT destination, route, payload, attempts,"
                + " created_at FROM routing_outbox WHERE idempotency_key = ? AND claim_token = ?")) {
            p.setString(1, key);
            p.setString(2, token);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty(); // the lease was so short that another dispatcher took it over already
                }
                return Optional.of(new ClaimedRow(key, token, r.getString(1), r.getString(2), r.getString(3),
                        r.getInt(4) - 1, Instant.ofEpochMilli(r.getLong(5))));
            }
        } catch (SQLException e) {
            throw failure("read claimed outbox row " + key, e);
        }
    }

    /**
     * A row this dispatcher holds; {@link #entry()} parses its payload.
     *
     * @param token    the claim's token: only its holder may mark the row
     * @param attempts deliveries tried before this one
     */
    record ClaimedRow(String key, String token, String destination, String route, String payload, int attempts,
                      Instant createdAt) {
        OutboxEntry entry() {
            return new OutboxEntry(key, destination, route, NotificationJson.fromJson(payload), attempts, createdAt);
        }
    }

    /**
     * Marks a claimed row DELIVERED, with the ticket it created or found.
     *
     * @return false when the claim was lost: its lease ended and another dispatcher took the row over, which will
     *         mark it itself
     */
    boolean markDelivered(ClaimedRow row, DeliveryReceipt receipt, Instant now) {
        return release("UPDATE routing_outbox SET status = 'DELIVERED', delivered_at = ?, updated_at = ?,"
                        + " last_error = NULL, ticket_ref = ?, note = ?, " + UNCLAIMED + " WHERE " + HELD,
                "mark delivered", row, now.toEpochMilli(), now.toEpochMilli(), receipt.ticketRef(), receipt.note());
    }

    /** Returns a claimed row to PENDING, due at {@code nextAttempt}. @return false when the claim was lost */
    boolean markRetry(ClaimedRow row, String error, Instant nextAttempt, Instant now) {
        return release("UPDATE routing_outbox SET status = 'PENDING', next_attempt_at = ?, updated_at = ?,"
                        + " last_error = ?, " + UNCLAIMED + " WHERE " + HELD,
                "schedule a retry", row, nextAttempt.toEpochMilli(), now.toEpochMilli(), error);
    }

    /** Gives up on a claimed row. @return false when the claim was lost */
    boolean markDead(ClaimedRow row, String error, Instant now) {
        return release("UPDATE routing_outbox SET status = 'DEAD', updated_at = ?, last_error = ?, " + UNCLAIMED
                + " WHERE " + HELD, "mark dead", row, now.toEpochMilli(), error);
    }

    /**
     * Puts DEAD rows back to PENDING, due now, with their attempts reset (after the user fixed the cause).
     *
     * @return how many rows were requeued
     */
    public int requeueDead(Clock clock) {
        long now = clock.millis();
        try (PreparedStatement p = connection.prepareStatement("UPDATE routing_outbox SET status = 'PENDING',"
                + " attempts = 0, next_attempt_at = ?, updated_at = ?, " + UNCLAIMED + " WHERE status = 'DEAD'")) {
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
                + " AND status IN ('PENDING', 'SENDING') AND changed_at < ?";
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

    /** Runs an UPDATE ending in {@link #HELD}: {@code values}, then the row's key and token. */
    private boolean release(String sql, String what, ClaimedRow row, Object... values) {
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
            p.setString(values.length + 1, row.key());
            p.setString(values.length + 2, row.token());
            return p.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failure(what + " for outbox row " + row.key(), e);
        }
    }

    private static StoreException failure(String what, SQLException e) {
        return new StoreException("Could not " + what + " (" + e.getMessage() + "). Check that the workspace"
                + " database is writable and has the routing_outbox table.", e);
    }
}
