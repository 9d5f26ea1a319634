package dev.vigil.hub.routing;

import java.time.Instant;

/**
 * One outbox row as shown to users ({@code vigil findings outbox}, the docs): which change, where to, and how its
 * delivery went. {@code deliveredAt}, {@code lastError}, {@code ticketRef} and {@code note} may be null.
 */
public record OutboxRow(String idempotencyKey, String destination, String route, String findingId,
                        EventKind eventKind, Instant changedAt, OutboxStatus status, int attempts,
                        Instant nextAttemptAt, Instant deliveredAt, String lastError, String ticketRef, String note) {
}
