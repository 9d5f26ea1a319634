package dev.vigil.posture.framework;

import dev.vigil.posture.check.CheckStatus;

import java.util.Collection;
import java.util.OptionalDouble;

/**
 * How many requirements ended in each status, and the score they give.
 *
 * <p>Score = passed / (passed + failed). Requirements that could not be judged (ERROR: missing export, access
 * denied, no result), that need a person (MANUAL) or have nothing in scope (NOT_APPLICABLE) are counted and shown
 * but move the score neither way: not knowing is neither passing nor failing, and hiding it inside the ratio would
 * let a run with every export missing look compliant. With nothing judged there is no score.
 */
public record Tally(int passed, int failed, int errors, int manual, int notApplicable) {

    public static final Tally EMPTY = new Tally(0, 0, 0, 0, 0);

    /** The tally of a collection of statuses. */
    public static Tally of(Collection<CheckStatus> statuses) {
        Tally t = EMPTY;
        for (CheckStatus s : statuses) {
            t = t.plus(s);
        }
        return t;
    }

    public Tally plus(CheckStatus s) {
        return switch (s) {
            case PASS -> new Tally(passed + 1, failed, errors, manual, notApplicable);
            case FAIL -> new Tally(passed, failed + 1, errors, manual, notApplicable);
            case ERROR -> new Tally(passed, failed, errors + 1, manual, notApplicable);
            case MANUAL -> new Tally(passed, failed, errors, manual + 1, notApplicable);
            case NOT_APPLICABLE -> new Tally(passed, failed, errors, manual, notApplicable + 1);
        };
    }

    /** passed / (passed + failed) in [0, 1], or empty when nothing passed or failed. */
    public OptionalDouble score() {
        int judged = passed + failed;
        return judged == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) passed / judged);
    }

    /** Every requirement counted, whatever its status. */
    public int total() {
        return passed + failed + errors + manual + notApplicable;
    }
}
