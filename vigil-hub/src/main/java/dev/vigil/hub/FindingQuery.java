package dev.vigil.hub;

import dev.vigil.model.Severity;
import java.time.Instant;
import java.util.Objects;

/**
 * Which stored findings to return, in what order, and which page of them.
 *
 * <p>Start from {@link #all()} (every finding, sorted by {@link FindingSort#SEVERITY}, first
 * {@value #DEFAULT_LIMIT}) and narrow it with the {@code with…} methods; every filter left unset matches
 * everything, and set filters combine with AND. A {@code null} or empty text filter means "no filter".
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
 */
public record FindingQuery(Severity minSeverity, String ruleId, String account, String region,
                           String principalContains, Instant since, Instant until,
                           int limit, long offset, FindingSort sort) {

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

    /** Every finding, most severe and most recent first, first {@value #DEFAULT_LIMIT}. */
    public static FindingQuery all() {
        return new FindingQuery(Severity.INFORMATIONAL, null, null, null, null, null, null,
                DEFAULT_LIMIT, 0, FindingSort.SEVERITY);
    }

    public FindingQuery withMinSeverity(Severity value) {
        return new FindingQuery(value, ruleId, account, region, principalContains, since, until, limit, offset, sort);
    }

    public FindingQuery withRuleId(String value) {
        return new FindingQuery(minSeverity, value, account, region, principalContains, since, until, limit, offset,
                sort);
    }

    public FindingQuery withAccount(String value) {
        return new FindingQuery(minSeverity, ruleId, value, region, principalContains, since, until, limit, offset,
                sort);
    }

    public FindingQuery withRegion(String value) {
        return new FindingQuery(minSeverity, ruleId, account, value, principalContains, since, until, limit, offset,
                sort);
    }

    public FindingQuery withPrincipalContaining(String value) {
        return new FindingQuery(minSeverity, ruleId, account, region, value, since, until, limit, offset, sort);
    }

    public FindingQuery withSince(Instant value) {
        return new FindingQuery(minSeverity, ruleId, account, region, principalContains, value, until, limit, offset,
                sort);
    }

    public FindingQuery withUntil(Instant value) {
        return new FindingQuery(minSeverity, ruleId, account, region, principalContains, since, value, limit, offset,
                sort);
    }

    public FindingQuery withLimit(int value) {
        return new FindingQuery(minSeverity, ruleId, account, region, principalContains, since, until, value, offset,
                sort);
    }

    /** Same as {@code withLimit(NO_LIMIT)}. */
    public FindingQuery withoutLimit() {
        return withLimit(NO_LIMIT);
    }

    public FindingQuery withOffset(long value) {
        return new FindingQuery(minSeverity, ruleId, account, region, principalContains, since, until, limit, value,
                sort);
    }

    public FindingQuery withSort(FindingSort value) {
        return new FindingQuery(minSeverity, ruleId, account, region, principalContains, since, until, limit, offset,
                value);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
