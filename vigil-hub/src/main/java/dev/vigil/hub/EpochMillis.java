package dev.vigil.hub;

import java.time.Instant;

/**
 * Instants as the store holds them: milliseconds since the epoch, UTC, in a BIGINT column.
 *
 * <p>Milliseconds because that is the precision of every log time Vigil reads ({@code Event.timeMillis()}), and
 * a plain integer because it holds every such time, including the far-off ones a hostile log can claim, which
 * a SQL TIMESTAMP column cannot.
 */
final class EpochMillis {

    private EpochMillis() {
    }

    /**
     * @throws IllegalArgumentException naming {@code what} when the instant is beyond ±292 million years
     */
    static long of(Instant instant, String what) {
        try {
            return instant.toEpochMilli();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(what + " " + instant + " is too far from 1970 to store", e);
        }
    }

    /** For query bounds: instants beyond the range clamp to it, which keeps "since the beginning" meaning all. */
    static long clamped(Instant instant) {
        if (instant.isBefore(Instant.ofEpochMilli(Long.MIN_VALUE))) {
            return Long.MIN_VALUE;
        }
        if (instant.isAfter(Instant.ofEpochMilli(Long.MAX_VALUE))) {
            return Long.MAX_VALUE;
        }
        return instant.toEpochMilli();
    }
}
