package dev.vigil.engine.baseline;

import dev.vigil.model.Severity;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The score and severity of one finding: the anomalies of one principal under one tactic. Each distinct signal
 * among them counts once, whatever the number of calls, so a finding's severity says how many ways the activity
 * departs from the baseline rather than how long it went on. Weights (docs/baselines.md, "Scoring"): new network,
 * new user agent and new region 2 each; new API(s) 1; new hour of the week 1; API, region or user agent new to the
 * whole account 1 each; call-volume spike and S3 bytes-out spike 3 each; a sensitive tactic
 * {@link AnomalyScoring#sensitiveTacticWeight()}. A finding made only of new APIs from the usual context
 * ({@link AnomalyScoring#reportNewApiAlone()}) is Low whatever its score.
 *
 * @param signals the distinct signals, in a fixed order; {@code sensitive-tactic} last when it counted
 * @param score   the sum of their weights
 */
record AnomalyScore(List<String> signals, int score, Severity severity) {

    static final int HOUR_WEIGHT = 1;
    static final int ACCOUNT_WEIGHT = 1;
    static final int SPIKE_WEIGHT = 3;
    static final String SENSITIVE = "sensitive-tactic";

    static AnomalyScore of(List<Anomaly> group, Tactic tactic, AnomalyScoring scoring) {
        Set<String> signals = new LinkedHashSet<>();
        for (Anomaly a : group) {
            signals.addAll(a.signals());
        }
        int score = 0;
        for (String s : signals) {
            score += weight(s);
        }
        if (tactic.sensitive() && scoring.sensitiveTacticWeight() > 0) {
            signals.add(SENSITIVE);
            score += scoring.sensitiveTacticWeight();
        }
        boolean apiAlone = group.stream().allMatch(Anomaly::apiAlone);
        Severity severity = apiAlone || score < scoring.mediumScore() ? Severity.LOW
                : score < scoring.highScore() ? Severity.MEDIUM : Severity.HIGH;
        return new AnomalyScore(List.copyOf(signals), score, severity);
    }

    private static int weight(String signal) {
        if (signal.endsWith("-spike")) {
            return SPIKE_WEIGHT;
        }
        if (signal.endsWith("-for-account")) {
            return ACCOUNT_WEIGHT;
        }
        if (signal.equals(AnomalyJudge.NEW_HOUR)) {
            return HOUR_WEIGHT;
        }
        for (Feature f : Feature.values()) {
            if (signal.equals(f.signal())) {
                return f.weight();
            }
        }
        throw new IllegalArgumentException("no weight for signal " + signal);
    }
}
