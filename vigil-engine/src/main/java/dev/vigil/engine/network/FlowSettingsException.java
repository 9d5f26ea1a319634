package dev.vigil.engine.network;

/** A flow-detection settings file that cannot be used; the message names {@code FILE#line N} and the fix. */
public final class FlowSettingsException extends Exception {

    private final String location;

    public FlowSettingsException(String location, String message) {
        super(location + ": " + message);
        this.location = location;
    }

    /** {@code FILE#line N}, or the file alone when no line applies. */
    public String location() {
        return location;
    }
}
