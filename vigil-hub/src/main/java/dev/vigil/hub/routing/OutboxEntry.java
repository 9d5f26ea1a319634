package dev.vigil.hub.routing;

import java.time.Instant;

/**
 * One row of the outbox being delivered: the change, where it goes, and how often delivery was tried.
 *
 * @param key        the idempotency key ({@link IdempotencyKey})
 * @param attempts   deliveries tried before this one
 * @param createdAt  when it was enqueued; orders a finding's changes to one destination
 */
record OutboxEntry(String key, String destination, String route, Notification notification, int attempts,
                   Instant createdAt) {
}
