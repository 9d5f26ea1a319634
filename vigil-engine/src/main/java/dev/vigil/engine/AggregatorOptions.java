package dev.vigil.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the stateful stage.
 *
 * @param allowedLateness how far behind the latest event time seen a correlated hit may arrive and still count.
 *                        CloudTrail delivers records up to about 15 minutes late and its files are not in time order;
 *                        the default of one hour covers that with room to spare. Later hits are dropped and counted in
 *                        {@link AggregatorStats#lateHits()}. Larger values keep correlation state longer.
 * @param maxHitsPerGroup most hits a correlation keeps for one group (e.g. one principal) while its windows are
 *                        open. When a group exceeds it, its oldest windows are evaluated early with the hits seen so
 *                        far and dropped (counted in {@link AggregatorStats#groupOverflows()}); results stay exact for
 *                        thresholds far below the cap. Memory per group is at most this many slim hits.
 * @param evidenceBudgetChars raw-record text kept for hits waiting in correlation windows, shared by all
 *                        correlations; beyond it the oldest raw records are dropped (ids and origins stay). This is
 *                        what keeps broad base rules (every read-only call) from holding the input in memory.
 */
public record AggregatorOptions(Duration allowedLateness, int maxHitsPerGroup, long evidenceBudgetChars) {

    public static final Duration DEFAULT_ALLOWED_LATENESS = Duration.ofHours(1);
    public static final int DEFAULT_MAX_HITS_PER_GROUP = 10_000;
    /** Raw-record text held for hits in open correlation windows: 32 Mi characters, about 32 MB for ASCII logs. */
    public static final long DEFAULT_EVIDENCE_BUDGET_CHARS = 32L << 20;

    public AggregatorOptions(Duration allowedLateness, int maxHitsPerGroup) {
        this(allowedLateness, maxHitsPerGroup, DEFAULT_EVIDENCE_BUDGET_CHARS);
    }

    public AggregatorOptions {
        Objects.requireNonNull(allowedLateness, "allowedLateness");
        if (allowedLateness.isNegative()) {
            throw new IllegalArgumentException("allowed lateness must be zero or positive, got " + allowedLateness);
        }
        if (evidenceBudgetChars < 0) {
            throw new IllegalArgumentException("evidence budget must be zero or positive, got " + evidenceBudgetChars);
        }
        if (maxHitsPerGroup < 2) {
            throw new IllegalArgumentException("maxHitsPerGroup must be at least 2, got " + maxHitsPerGroup);
        }
    }

    public static AggregatorOptions defaults() {
        return new AggregatorOptions(DEFAULT_ALLOWED_LATENESS, DEFAULT_MAX_HITS_PER_GROUP);
    }

    public AggregatorOptions withAllowedLateness(Duration lateness) {
        return new AggregatorOptions(lateness, maxHitsPerGroup, evidenceBudgetChars);
    }

    public AggregatorOptions withEvidenceBudgetChars(long chars) {
        return new AggregatorOptions(allowedLateness, maxHitsPerGroup, chars);
    }

    public AggregatorOptions withMaxHitsPerGroup(int max) {
        return new AggregatorOptions(allowedLateness, max, evidenceBudgetChars);
    }
}
