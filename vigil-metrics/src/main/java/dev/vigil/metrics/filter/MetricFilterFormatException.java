package dev.vigil.metrics.filter;

/** A metric filter definition file that cannot be used; the message names the source, the entry and the fix. */
public final class MetricFilterFormatException extends IllegalArgumentException {

    MetricFilterFormatException(String message) {
        super(message);
    }

    MetricFilterFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
