package dev.vigil.engine.baseline;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One call after a principal's learning period that departs from its baseline enough to be reported (see
 * {@link AnomalyJudge} for when that is).
 *
 * @param call          the call
 * @param tactic        its tactic (S3 bytes-out spikes: Exfiltration; otherwise the API's)
 * @param novel         per feature new to the principal, the call's value
 * @param newHour       whether the principal was never active at this hour of the week during learning
 * @param newForAccount the features ({@link Feature#API}, {@link Feature#REGION}, {@link Feature#USER_AGENT}) whose
 *                      value is also new to the whole account
 * @param spikes        per volume signal ({@code calls}, {@code s3-bytes-out}), what the minute held and the threshold
 * @param apiAlone      reported only because {@link AnomalyScoring#reportNewApiAlone()} asks for new APIs without
 *                      any change of context
 */
record Anomaly(Sighting call, Tactic tactic, Map<Feature, String> novel, boolean newHour, Set<Feature> newForAccount,
               Map<String, Spike> spikes, boolean apiAlone) {

    /** A minute above its learned volume. */
    record Spike(long minute, long observed, double mean, double deviation, long peak, double threshold,
                 boolean hourOfWeek) {
    }

    /** The signals, in a fixed order: {@code new-api}, {@code new-network}, …, {@code calls-spike}. */
    List<String> signals() {
        List<String> out = new java.util.ArrayList<>();
        for (Feature f : Feature.values()) {
            if (novel.containsKey(f)) {
                out.add(f.signal());
            }
        }
        if (newHour) {
            out.add(AnomalyJudge.NEW_HOUR);
        }
        for (Feature f : newForAccount) {
            out.add(f.signal() + "-for-account");
        }
        spikes.keySet().forEach(kind -> out.add(kind + "-spike"));
        return out;
    }
}
