package dev.vigil.posture.framework;

import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;

import java.util.List;
import java.util.Objects;

/**
 * A requirement's verdict and the check results that decided it.
 *
 * @param requirement the requirement
 * @param status      its verdict (see {@link FrameworkScorer} for the rule)
 * @param results     results of its mapped checks, in input order; empty for a manual requirement
 * @param unanswered  mapped check ids that produced no result at all (not run, or a check bug): the requirement
 *                    is then not fully judged and, unless something failed, ERROR
 */
public record RequirementScore(Requirement requirement, CheckStatus status, List<CheckResult> results,
                               List<String> unanswered) {

    public RequirementScore {
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(status, "status");
        results = List.copyOf(results);
        unanswered = List.copyOf(unanswered);
    }

    /** The mapped results with the given status, in input order. */
    public List<CheckResult> withStatus(CheckStatus s) {
        return results.stream().filter(r -> r.status() == s).toList();
    }
}
