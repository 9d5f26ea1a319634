package dev.vigil.metrics.store;

/** The metric database could not be used; the message says what happened and what to do. */
public final class MetricStoreException extends RuntimeException {
    MetricStoreException(String message) {
        super(message);
    }

    MetricStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
