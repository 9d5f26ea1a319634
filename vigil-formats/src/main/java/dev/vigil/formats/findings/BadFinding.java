package dev.vigil.formats.findings;

/**
 * A finding that cannot be used: a required field is missing or has the wrong type. Carries a machine-stable reason
 * and a message naming the field; the reader turns it into a {@link dev.vigil.model.Problem} and skips the finding.
 */
final class BadFinding extends Exception {
    private final String reason;

    BadFinding(String reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
