package dev.vigil.formats.flowlog;

/** A record that cannot be read; {@link #reason()} is the problem's stable reason, the message says why. */
final class MalformedRecord extends Exception {

    private final String reason;

    MalformedRecord(String reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
