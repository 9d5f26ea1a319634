package dev.vigil.posture.input;

/** Why a configuration item was skipped; {@link #reason()} is the stable key counted in the summary. */
final class BadItem extends Exception {
    private final String reason;

    BadItem(String reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
