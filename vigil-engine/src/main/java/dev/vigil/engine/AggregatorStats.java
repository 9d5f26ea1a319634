package dev.vigil.engine;

/**
 * What the stateful stage did with the hits it was given, for the run summary.
 *
 * @param hits             hits accepted
 * @param lateHits         hits for correlations dropped because they arrived later than the allowed lateness
 * @param untimedHits      hits for correlations dropped because their event had no time
 * @param groupOverflows   times a correlation group exceeded its hit cap and was evaluated early
 * @param evidenceDropped  raw records of waiting hits dropped because the evidence budget was full (or, for a scan,
 *                         cited records that could not be read again); findings built from them still name the
 *                         records' eventIDs and origins
 */
public record AggregatorStats(long hits, long lateHits, long untimedHits, long groupOverflows, long evidenceDropped) {
}
