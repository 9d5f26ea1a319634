package dev.vigil.live;

/** A live run could not start (no credentials, no account it may read); the message says what to fix. */
public final class LiveCollectionException extends RuntimeException {

    public LiveCollectionException(String message, Throwable cause) {
        super(message, cause);
    }

    public LiveCollectionException(String message) {
        super(message);
    }
}
