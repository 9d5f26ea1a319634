package dev.vigil.engine.baseline;

/**
 * Saved baseline state that cannot be read: corrupt, truncated, or written by a newer Vigil. The message says
 * which and what to do; the caller goes on without the prior state (learning starts again) rather than failing.
 */
public final class BaselineSnapshotException extends Exception {

    BaselineSnapshotException(String message) {
        super(message);
    }

    BaselineSnapshotException(String message, Throwable cause) {
        super(message, cause);
    }
}
