package dev.vigil.hub.routing;

/**
 * A value read from the environment that must never appear in a log line, an error message or a
 * {@code toString()}: records that hold one print {@code (secret)} instead.
 */
record Secret(String value) {

    @Override
    public String toString() {
        return "(secret)";
    }
}
