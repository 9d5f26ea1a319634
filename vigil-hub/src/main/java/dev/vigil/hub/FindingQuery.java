package dev.vigil.hub;

import dev.vigil.model.RecordState;
import dev.vigil.model.Severity;
import dev.vigil.model.Workflow;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which stored findings to return, in what order, and which page of them.
 *
 * <p>Start from {@link #all()} (every ACTIVE finding, sorted by {@link FindingSort#SEVERITY}, first
 * {@value #DEFAULT_LIMIT}) and narrow it with the {@code with…} methods; every filter left unset matches
 * everything, and set filters combine with AND. A {@code null} or empty text filter means "no filter".
 * Archived findings are left out unless asked for ({@code withRecordState(ARCHIVED)} or {@code null} for both),
 * as Security Hub's console does.
 *
 * @param minSeverity       findings at least this severe; {@link Severity#INFORMATIONAL} matches all
 * @param ruleId            rule id, exact, or a glob where {@code *} matches any run of characters
 *                          ({@code aws.cloudtrail.*}); every other character, {@code ?} {@code %} {@code _}
 *                          included, matches itself; case-sensitive
 * @param account           AWS account id, exact
 * @param region            AWS region, exact
 * @param principalContains text the principal contains, ignoring case
 * @param since             findings whose activity reaches this instant or later ({@code lastSeen >= since})
 * @param until             findings whose activity started before this instant ({@code firstSeen < until});
 *                          with {@code since}, a finding matches when its activity overlaps {@code [since, until)}
 * @param limit             at most this many findings, at least 1; {@link #NO_LIMIT} for all
 * @param offset            skip this many findings first (paging)
 * @param sort              the order
 * @param product           reporting product, exact
 * @param typeGlob          a glob that at least one of the finding's types matches, as {@code ruleId}'s globs
 * @param workflows         workflow statuses to include; empty for all
 * @param recordState       the record state to include; {@code null} for both
 * @param resourceContains  text the resource contains, ignoring case
 * @param ids               finding ids to include, exact; empty for all
 */
public record FindingQuery(Severity minSeverity, String ruleId, String account, String region,
                           String principalContains, Instant since, Instant until,
                           int limit, long offset, FindingSort sort,
                           String product, String typeGlob, Set<Workflow> workflows, RecordState recordState,
                           String resourceContains, Set<String> ids) {

    /** The page size of {@link #all()}. */
    public static final int DEFAULT_LIMIT = 100;

    /** A limit meaning "every matching finding". */
    public static final int NO_LIMIT = Integer.MAX_VALUE;

    public FindingQuery {
        minSeverity = Objects.requireNonNullElse(minSeverity, Severity.INFORMATIONAL);
        ruleId = emptyToNull(ruleId);
        account = emptyToNull(account);
        region = emptyToNull(region);
        principalContains = emptyToNull(principalContains);
        sort = Objects.requireNonNullElse(sort, FindingSort.SEVERITY);
        product = emptyToNull(product);
        typeGlob = emptyToNull(typeGlob);
        workflows = workflows == null || workflows.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(workflows));
        resourceContains = emptyToNull(resourceContains);
        ids = ids == null ? Set.of() : Set.copyOf(ids);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1 (use FindingQuery.NO_LIMIT for all), was "
                    + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, was " + offset);
        }
        if (since != null && until != null && !since.isBefore(until)) {
            throw new IllegalArgumentException("since (" + since + ") must be before until (" + until + ")");
        }
    }

    /** Every ACTIVE finding, most severe and most recent first, first {@value #DEFAULT_LIMIT}. */
    public static FindingQuery all() {
        return new FindingQuery(Severity.INFORMATIONAL, null, null, null, null, null, null,
                DEFAULT_LIMIT, 0, FindingSort.SEVERITY, null, null, Set.of(), RecordState.ACTIVE, null, Set.of());
    }

    /** Same as {@code withLimit(NO_LIMIT)}. */
    public FindingQuery withoutLimit() {
        return withLimit(NO_LIMIT);
    }

    public FindingQuery withMinSeverity(Severity value) {
        return new FindingQuery(value, ruleId, account, region, principalContains, since, until, limit, offset, sort, product, typeGlob, workflows, recordState, resourceContains, ids);
    }

    public FindingQuery withRuleId(String value) {
        return new FindingQuery(minSeverity, value, account, region, principalContains, since, until, limit, offset, sort, product, typeGlob, workflows, recordState, resourceContains, ids);
    }

    public FindingQuery withAccount(String value) {
        return new FindingQuery(minSeverity, ruleId, value, region, principalContains, since, until, limit, offset, sort, product, typeGlob, workflows, recordState, resourceContains, ids);
    }

    public FindingQuery withRegion(String value) {
        return new FindingQuery(minSeverity, ruleId, account, value, principalContains, since, until, limit, offset, sort, product, typeGlob, workflows, recordState, resourceContains, ids);
    }

    public FindingQuery withPrincipalContaining(String value) {
        return new FindingQuery(minSeverity, ruleId, account, region, value, since, until, limit, offset, sort, product, typeGlob, workflows, recordState, resourceContains, ids);
    }

    public FindingQuery withSince(Instant value) {
        return new FindingQuery(minSeverity, ruleId, account, region, principalContains, value, until, limit, offset, sort, product, typeGlob, workflows, recordState, resourceContains, ids);
    }

    public FindingQuery withUntil(Instant value) {
        return new FindingQuery(minSeverity, ruleId, account, region, principalContains, since, value, limit, offset, sort, product, typeGlob, workflows, recordState, resourceContains, ids);
    }

    public FindingQuery withLimit(int value) {
        return new FindingQuery(minSeverity, ruleId, account, region, principalContains, since, until, value, offset, sort, product, typeGlob, workflows, recordState, resourceContains, ids);
    }

    public FindingQuery withOffset(long value) {
        return new FindingQuery(minSeverity, ruleId, account, region, principalContains, since, until, limit, value, sort, product, typeGlob, workflows, recordState, resourceContains, ids);
    }

    public FindingQuery withSort(FindingSort value) {
        return new FindingQuery(minSeverity, ruleId, account, region, principalContains, since, until, limit, offset, value, product, typeGlob, workflows, recordState, resourceContains, ids);
    }

    /** Findings reported by this product, exact ({@code Vigil}, {@code GuardDuty}…). */
    public FindingQuery withProduct(String value) {
        return new FindingQuery(minSeverity, ruleId, account, region, principalContains, since, until, limit, offset, sort, value, typeGlob, workflows, recordState, resourceContains, ids);
    }

    /** Findings with at least one type matching this glob ({@code *} any run of characters, case-sensitive). */
    public FindingQuery withTypeGlob(String value) {
        return new FindingQuery(minSeverity, ruleId, account, region, principalContains, since, until, limit, offset, sort, product, value, workflows, recordState, resourceContains, ids);
    }

    /** Findings in any of these workflow statuses; empty for all. */
    public FindingQuery withWorkflows(Collection<Workflow> value) {
        return new FindingQuery(minSeverity, ruleId, account, region, principalContains, since, until, limit, offset, sort, product, typeGlob, Set.copyOf(value), recordState, resourceContains, ids);
    }

    /** Findings in this record state; {@code null} for either. {@link #all()} starts from ACTIVE. */
    public FindingQuery withRecordState(RecordState value) {
        return new FindingQuery(minSeverity, ruleId, account, region, principalContains, since, until, limit, offset, sort, product, typeGlob, workflows, value, resourceContains, ids);
    }

    /** Findings whose resource contains this text, ignoring case. */
    public FindingQuery withResourceContaining(String value) {
        return new FindingQuery(minSeverity, ruleId, account, region, principalContains, since, until, limit, offset, sort, product, typeGlob, workflows, recordState, value, ids);
    }

    /** Only these finding ids (exact); empty for all. */
    public FindingQuery withIds(Collection<String> value) {
        return new FindingQuery(minSeverity, ruleId, account, region, principalContains, since, until, limit, offset, sort, product, typeGlob, workflows, recordState, resourceContains, Set.copyOf(value));
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
