package dev.vigil.hub.routing;

/**
 * The routing configuration cannot be used. The message names the file, the destination or route, the field and
 * what to change, and is meant to be shown to the user as it is. It never contains a secret's value.
 */
public final class RoutingConfigException extends RuntimeException {

    public RoutingConfigException(String message) {
        super(message);
    }

    public RoutingConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
