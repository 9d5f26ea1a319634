package dev.vigil.hub.routing;

import java.time.Duration;

/**
 * How hard the dispatcher tries: at most {@code maxAttempts} deliveries per row, waiting
 * {@code initialBackoff × 2^(attempt−1)} (capped at {@code maxBackoff}, with jitter) between them, honouring a
 * server's Retry-After up to {@code maxRetryAfter}; every HTTP request and SMTP read times out after
 * {@code timeout}. A dispatcher holds a row it is delivering for {@code claimLease}: if it has not finished by
 * then (it crashed, or hangs), another dispatcher may take the row over. The lease must therefore be longer than
 * any one delivery takes — a ticket delivery makes up to three HTTP requests, each bounded by {@code timeout}.
 */
record DeliveryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter,
                      Duration timeout, Duration claimLease) {

    static final DeliveryPolicy DEFAULT = new DeliveryPolicy(8, Duration.ofSeconds(30), Duration.ofHours(1),
            Duration.ofHours(6), Duration.ofSeconds(10), Duration.ofMinutes(5));
}
