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
 *                        thresholds far below the cap. Memory per group is at most this many records.
 */
public record AggregatorOptions(Duration allowedLateness, int maxHitsPerGroup) {

    public static final Duration DEFAULT_ALLOWED_LATENESS = Duration.ofHours(1);
    public static final int DEFAULT_MAX_HITS_PER_GROUP = 10_000;

    public AggregatorOptions {
        Objects.requireNonNull(allowedLateness, "allowedLateness");
        if (allowedLateness.isNegative()) {
            throw new IllegalArgumentException("allowed lateness must be zero or positive, got " + allowedLateness);
        }
        if (maxHitsPerGroup < 2) {
            throw new IllegalArgumentException("maxHitsPerGroup must be at least 2, got " + maxHitsPerGroup);
        }
    }

    public static AggregatorOptions defaults() {
        return new AggregatorOptions(DEFAULT_ALLOWED_LATENESS, DEFAULT_MAX_HITS_PER_GROUP);
    }

    public AggregatorOptions withAllowedLateness(Duration lateness) {
        return new AggregatorOptions(lateness, maxHitsPerGroup);
    }

    public AggregatorOptions withMaxHitsPerGroup(int max) {
        return new AggregatorOptions(allowedLateness, max);
    }
}
