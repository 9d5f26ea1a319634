package dev.vigil.hub;

/**
 * The findings store could not do what was asked. The message says what happened and what to do next, and is
 * meant to be shown to the user as it is.
 */
public sealed class StoreException extends RuntimeException permits AmbiguousIdException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
