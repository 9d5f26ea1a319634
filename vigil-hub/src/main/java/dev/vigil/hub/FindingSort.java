package dev.vigil.hub;

/**
 * Orders for {@link FindingStore#list}. Every order ends with the finding id, so paging with limit and offset
 * neither repeats nor skips findings.
 */
public enum FindingSort {
    /** Most severe first, then most recent activity first: what to look at next. The default. */
    SEVERITY,
    /** Most recent activity ({@code lastSeen}) first. */
    LAST_SEEN,
    /** Most recently started activity ({@code firstSeen}) first. */
    FIRST_SEEN,
    /** Most contributing events first, then most recent activity first. */
    COUNT,
    /** Highest risk score first, then most severe, then most recent activity. */
    RISK
}
