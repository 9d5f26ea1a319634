package dev.vigil.cli;

/** A failure the user can fix; its message says what happened and what to do. Printed without a stack trace. */
final class UserError extends RuntimeException {
    UserError(String message) {
        super(message);
    }

    UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
