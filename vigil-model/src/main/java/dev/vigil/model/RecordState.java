package dev.vigil.model;

import java.util.Locale;

/**
 * Whether a finding is still current, as Security Hub's {@code RecordState} defines it: ACTIVE, or ARCHIVED when
 * the product that reported it no longer considers it live (for example GuardDuty archived it). Independent of
 * {@link Workflow}: an archived finding keeps its workflow status.
 */
public enum RecordState {
    ACTIVE, ARCHIVED;

    /** Parses a record state in any case, naming the valid values when it is neither. */
    public static RecordState parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown record state '" + text + "'; use ACTIVE or ARCHIVED", e);
        }
    }
}
