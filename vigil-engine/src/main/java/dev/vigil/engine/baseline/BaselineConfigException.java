package dev.vigil.engine.baseline;

/**
 * A baseline settings or mapping file that cannot be used; the message names the file and line
 * ({@code FILE#line N: …}) and says what to change.
 */
public final class BaselineConfigException extends Exception {

    BaselineConfigException(String message) {
        super(message);
    }

    BaselineConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
