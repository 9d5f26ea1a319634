package dev.vigil.hub.routing;

import java.time.Duration;

/**
 * How hard the dispatcher tries: at most {@code maxAttempts} deliveries per row, waiting
 * {@code initialBackoff × 2^(attempt−1)} (capped at {@code maxBackoff}, with jitter) between them, honouring a
 * server's Retry-After up to {@code maxRetryAfter}; every HTTP request and SMTP read times out after
 * {@code timeout}.
 */
record DeliveryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter,
                      Duration timeout) {

    static final DeliveryPolicy DEFAULT = new DeliveryPolicy(8, Duration.ofSeconds(30), Duration.ofHours(1),
            Duration.ofHours(6), Duration.ofSeconds(10));
}
