package dev.vigil.posture.check;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs checks over an estate. A check that throws yields one ERROR result naming the exception, and the others run
 * on: a bug in one check must not hide the verdicts of forty others during an audit.
 */
public final class CheckRunner {

    private CheckRunner() {
    }

    public static List<CheckResult> run(List<? extends Check> checks, Estate estate) {
        List<CheckResult> out = new ArrayList<>();
        for (Check check : checks) {
            String id = check.metadata().id();
            try {
                out.addAll(check.evaluate(estate));
            } catch (RuntimeException bug) {
                out.add(new CheckResult(id, CheckStatus.ERROR, "", "", check.metadata().resourceType(), "",
                        "The check failed on this data (" + bug.getClass().getSimpleName() + ": "
                                + String.valueOf(bug.getMessage()) + "); please report it with the input files."));
            }
        }
        return out;
    }
}
