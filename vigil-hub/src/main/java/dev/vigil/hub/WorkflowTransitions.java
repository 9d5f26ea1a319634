package dev.vigil.hub;

import dev.vigil.model.Workflow;
import java.util.Optional;

/**
 * Which workflow changes a person may make, after Security Hub's lifecycle:
 *
 * <pre>
 * from \ to   NEW   NOTIFIED   SUPPRESSED   RESOLVED
 * NEW          -       yes        yes         yes
 * NOTIFIED    yes       -         yes         yes
 * SUPPRESSED  yes       no         -          yes
 * RESOLVED    yes       no         no          -
 * </pre>
 *
 * A resolved finding is reopened (to NEW) before anything else happens to it, and a suppressed one is
 * unsuppressed (to NEW) before its owner is notified, so the trail always shows the decision being undone.
 */
final class WorkflowTransitions {

    private WorkflowTransitions() {
    }

    /** Why the change is refused, or empty when it is allowed. */
    static Optional<String> refusal(Workflow from, Workflow to) {
        if (from == Workflow.RESOLVED && (to == Workflow.NOTIFIED || to == Workflow.SUPPRESSED)) {
            return Optional.of("it is RESOLVED; reopen it (set NEW) before marking it " + to);
        }
        if (from == Workflow.SUPPRESSED && to == Workflow.NOTIFIED) {
            return Optional.of("it is SUPPRESSED; unsuppress it (set NEW) before marking it NOTIFIED");
        }
        return Optional.empty();
    }
}
