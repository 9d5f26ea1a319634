package dev.vigil.engine.baseline;

import dev.vigil.model.Severity;

import java.util.List;
import java.util.Map;

/**
 * One call after a principal's learning period that departs from its baseline, with the score of its signals.
 *
 * @param call     the call
 * @param tactic   its tactic (S3 bytes-out spikes: Exfiltration; otherwise the API's)
 * @param subject  what the finding is about, part of its identity: {@code api=…}, {@code volume=…} or
 *                 {@code context=…}
 * @param signals  the signals that fired, e.g. {@code new-api}, {@code new-network}
 * @param novel    per new feature, the value that was new
 * @param spikes   per volume signal ({@code calls}, {@code s3-bytes-out}), what the minute held and the threshold
 * @param score    the sum of the signals' weights
 */
record Anomaly(Sighting call, Tactic tactic, String subject, List<String> signals, Map<Feature, String> novel,
               Map<String, Spike> spikes, int score) {

    /** A minute above its learned volume. */
    record Spike(long minute, long observed, double mean, double deviation, long peak, double threshold,
                 boolean hourOfWeek) {
    }

    /** Scores up to 3 are low, 4 to 6 medium, 7 and more high (docs/baselines.md, "Scoring"). */
    Severity severity() {
        return score >= 7 ? Severity.HIGH : score >= 4 ? Severity.MEDIUM : Severity.LOW;
    }
}
