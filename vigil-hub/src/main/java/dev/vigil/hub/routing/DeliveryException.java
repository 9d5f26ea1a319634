package dev.vigil.hub.routing;

import java.time.Duration;
import java.util.Optional;

/**
 * A delivery did not happen. {@link #retryable()} says whether trying again later can help (a 5xx answer, a
 * timeout, a refused connection, an SMTP 4xx reply, a ticket that an earlier change has not created yet) or not
 * (a 4xx answer other than 408/429, an SMTP 5xx reply); a 429 may say when to come back ({@link #retryAfter()}).
 */
final class DeliveryException extends Exception {

    private final boolean retryable;
    private final Duration retryAfter;

    private DeliveryException(String message, boolean retryable, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    static DeliveryException retry(String message) {
        return new DeliveryException(message, true, null, null);
    }

    static DeliveryException retry(String message, Throwable cause) {
        return new DeliveryException(message, true, null, cause);
    }

    static DeliveryException retryAfter(String message, Duration after) {
        return new DeliveryException(message, true, after, null);
    }

    static DeliveryException permanent(String message) {
        return new DeliveryException(message, false, null, null);
    }

    boolean retryable() {
        return retryable;
    }

    Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
