package dev.vigil.hub.analysis;

import dev.vigil.model.Workflow;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * How findings are correlated into incident candidates.
 *
 * @param window             two findings sharing an entity link when the gap between their activity windows is at
 *                           most this long (overlapping windows always link); default 24 h
 * @param minMembers         candidates with fewer findings are not reported; default 2
 * @param minTactics         candidates spanning fewer distinct known tactics are not reported; default 2
 * @param excludedWorkflows  findings in these workflow states take no part; default SUPPRESSED, because a finding
 *                           reviewed as needing no action (a known scanner, a CI role) would otherwise pull unrelated
 *                           activity together
 * @param extraGenericValues principal, access key or resource values that must never link, on top of the built-in
 *                           generic values (empty, {@code -}, {@code unknown}, service principals…); any case
 */
public record CorrelationOptions(Duration window, int minMembers, int minTactics, Set<Workflow> excludedWorkflows,
                                 Set<String> extraGenericValues, int maxFindingsPerEntityWindow) {

    public static final Duration DEFAULT_WINDOW = Duration.ofHours(24);

    /**
     * Default for {@link #maxFindingsPerEntityWindow()}. Findings are already aggregated (one per rule and key facts,
     * with a count), so an intruder's principal or key carries tens of distinct findings a day, not hundreds; an
     * entity on more is infrastructure that everything touches.
     */
    public static final int DEFAULT_MAX_FINDINGS_PER_ENTITY_WINDOW = 500;

    public CorrelationOptions {
        Objects.requireNonNull(window, "window");
        if (window.isNegative()) {
            throw new IllegalArgumentException("correlation window must not be negative, was " + window);
        }
        if (minMembers < 1) {
            throw new IllegalArgumentException("minMembers must be at least 1, was " + minMembers);
        }
        if (minTactics < 0) {
            throw new IllegalArgumentException("minTactics must not be negative, was " + minTactics);
        }
        excludedWorkflows = excludedWorkflows.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(excludedWorkflows));
        extraGenericValues = Set.copyOf(extraGenericValues);
        if (maxFindingsPerEntityWindow < 2) {
            throw new IllegalArgumentException("maxFindingsPerEntityWindow must be at least 2, was "
                    + maxFindingsPerEntityWindow);
        }
    }

    /** 24 h window, at least 2 findings and 2 tactics, suppressed findings left out. */
    public static CorrelationOptions defaults() {
        return new CorrelationOptions(DEFAULT_WINDOW, 2, 2, Set.of(Workflow.SUPPRESSED), Set.of(),
                DEFAULT_MAX_FINDINGS_PER_ENTITY_WINDOW);
    }

    public CorrelationOptions withWindow(Duration newWindow) {
        return new CorrelationOptions(newWindow, minMembers, minTactics, excludedWorkflows, extraGenericValues,
                maxFindingsPerEntityWindow);
    }

    /** Report candidates with at least this many findings and distinct known tactics (1 and 0 report everything). */
    public CorrelationOptions withMinimums(int newMinMembers, int newMinTactics) {
        return new CorrelationOptions(window, newMinMembers, newMinTactics, excludedWorkflows, extraGenericValues,
                maxFindingsPerEntityWindow);
    }

    public CorrelationOptions withExcludedWorkflows(Set<Workflow> workflows) {
        return new CorrelationOptions(window, minMembers, minTactics, workflows, extraGenericValues,
                maxFindingsPerEntityWindow);
    }

    public CorrelationOptions withMaxFindingsPerEntityWindow(int max) {
        return new CorrelationOptions(window, minMembers, minTactics, excludedWorkflows, extraGenericValues, max);
    }

    public CorrelationOptions withExtraGenericValues(Set<String> values) {
        return new CorrelationOptions(window, minMembers, minTactics, excludedWorkflows, values,
                maxFindingsPerEntityWindow);
    }
}
