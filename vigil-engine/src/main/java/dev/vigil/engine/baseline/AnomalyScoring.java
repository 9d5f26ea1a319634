package dev.vigil.engine.baseline;

/**
 * When a principal's departures from its baseline are reported and how severe they are (docs/baselines.md,
 * "What is reported" and "Scoring"). The signal weights are fixed; these are the choices a team may reasonably make
 * differently.
 *
 * @param reportNewApiAlone         also report a known principal calling APIs it never called from its usual network,
 *                                  user agent and region, at Low (default false: people's work varies, and this
 *                                  alone is the commonest false alarm)
 * @param regionNeedsAccountNovelty a region new to the principal counts as a change of context only when no
 *                                  principal of the account used it during the account's learning period; otherwise
 *                                  it only adds to the score (default true: colleagues' regions are ordinary)
 * @param userAgentNeedsAccountNovelty the same for a user-agent family (default true: picking up a tool that
 *                                  colleagues already use, say terraform, is ordinary; a stolen key is nearly
 *                                  always used from a new network, which always counts)
 * @param sensitiveTacticWeight     added to the score of findings whose tactic changes or takes something
 *                                  (persistence, privilege escalation, defense evasion, credential access,
 *                                  exfiltration, impact); default 2
 * @param mediumScore               least score reported at Medium (default 4)
 * @param highScore                 least score reported at High (default 7)
 */
public record AnomalyScoring(boolean reportNewApiAlone, boolean regionNeedsAccountNovelty,
                             boolean userAgentNeedsAccountNovelty, int sensitiveTacticWeight, int mediumScore,
                             int highScore) {

    public AnomalyScoring {
        if (sensitiveTacticWeight < 0 || sensitiveTacticWeight > 100) {
            throw new IllegalArgumentException("sensitive tactic weight must be between 0 and 100, was "
                    + sensitiveTacticWeight);
        }
        if (mediumScore < 1 || highScore < mediumScore || highScore > 1_000) {
            throw new IllegalArgumentException("scores must satisfy 1 <= medium <= high <= 1000, were medium "
                    + mediumScore + " and high " + highScore);
        }
    }

    public static AnomalyScoring defaults() {
        return new AnomalyScoring(false, true, true, 2, 4, 7);
    }

    AnomalyScoring withReportNewApiAlone(boolean v) {
        return new AnomalyScoring(v, regionNeedsAccountNovelty, userAgentNeedsAccountNovelty, sensitiveTacticWeight,
                mediumScore, highScore);
    }

    AnomalyScoring withRegionNeedsAccountNovelty(boolean v) {
        return new AnomalyScoring(reportNewApiAlone, v, userAgentNeedsAccountNovelty, sensitiveTacticWeight,
                mediumScore, highScore);
    }

    AnomalyScoring withUserAgentNeedsAccountNovelty(boolean v) {
        return new AnomalyScoring(reportNewApiAlone, regionNeedsAccountNovelty, v, sensitiveTacticWeight,
                mediumScore, highScore);
    }

    AnomalyScoring withSensitiveTacticWeight(int v) {
        return new AnomalyScoring(reportNewApiAlone, regionNeedsAccountNovelty, userAgentNeedsAccountNovelty, v,
                mediumScore, highScore);
    }

    AnomalyScoring withMediumScore(int v) {
        return new AnomalyScoring(reportNewApiAlone, regionNeedsAccountNovelty, userAgentNeedsAccountNovelty,
                sensitiveTacticWeight, v, highScore);
    }

    AnomalyScoring withHighScore(int v) {
        return new AnomalyScoring(reportNewApiAlone, regionNeedsAccountNovelty, userAgentNeedsAccountNovelty,
                sensitiveTacticWeight, mediumScore, v);
    }
}
