package dev.vigil.posture.check;

/**
 * The outcome of a check on one resource or scope.
 *
 * <p>Missing data or denied access is never FAIL: it is ERROR (the check could not look) with a sentence saying
 * what to export or which permission to grant; NOT_APPLICABLE when nothing in scope exists; MANUAL when the
 * requirement needs a person to judge.
 */
public enum CheckStatus {
    PASS, FAIL, NOT_APPLICABLE, MANUAL, ERROR
}
