package dev.vigil.model;

import java.util.Locale;

/**
 * Where a finding is in its investigation, as Security Hub's {@code Workflow.Status} defines it: NEW until someone
 * or something acts, NOTIFIED once the owner has been told, SUPPRESSED when reviewed and judged to need no action,
 * RESOLVED when fixed (or, for a posture check, when the check passes again).
 */
public enum Workflow {
    NEW, NOTIFIED, SUPPRESSED, RESOLVED;

    /** Parses a workflow status in any case, naming the valid values when it is none of them. */
    public static Workflow parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown workflow status '" + text
                    + "'; use one of NEW, NOTIFIED, SUPPRESSED, RESOLVED", e);
        }
    }
}
