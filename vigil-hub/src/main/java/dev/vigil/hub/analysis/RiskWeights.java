package dev.vigil.hub.analysis;

import dev.vigil.model.FindingOrigin;
import dev.vigil.model.Severity;

/**
 * Every weight of the risk score and the incident candidate score, in one place with the reasoning. Scores are
 * sums of integer points clamped to 0–100; the same inputs always give the same score.
 *
 * <p>The scale is set so that severity alone spans most of it (a critical finding on nothing in particular scores
 * 55, an informational one 2), and the context factors together can move a finding by about one severity level
 * in either direction: a high finding on a critical, internet-facing asset that is part of a multi-tactic incident
 * outranks a critical finding nobody would miss, which is the point of prioritising.
 */
final class RiskWeights {

    /** Points of a finding's severity: the reporting product's own judgement is the largest single factor. */
    static int severity(Severity severity) {
        return switch (severity) {
            case CRITICAL -> 55;
            case HIGH -> 40;
            case MEDIUM -> 25;
            case LOW -> 10;
            case INFORMATIONAL -> 2;
        };
    }

    /**
     * Points of the affected asset's criticality. A low-criticality asset (a sandbox) lowers the score a little:
     * the user has said it matters less than an unlabelled one.
     */
    static int criticality(Criticality criticality) {
        return switch (criticality) {
            case CRITICAL -> 25;
            case HIGH -> 20;
            case MEDIUM -> 10;
            case LOW -> -5;
        };
    }

    /** Points when the resource is reachable from the internet: anyone can try what the finding suggests. */
    static final int INTERNET_EXPOSED = 15;

    /**
     * Points of the product's confidence (0–100). GuardDuty reports confidence 0 for findings it judged false
     * positives, hence the strong deduction; low confidence lowers the score, high confidence raises it a little
     * (the severity already reflects the product's view of a true positive). Unknown confidence is neutral.
     */
    static int confidence(int confidence) {
        if (confidence == FindingOrigin.UNKNOWN_CONFIDENCE) {
            return 0;
        }
        if (confidence == 0) {
            return -20;
        }
        if (confidence < 20) {
            return -10;
        }
        if (confidence < 50) {
            return 0;
        }
        return confidence < 80 ? 5 : 10;
    }

    /**
     * Points of recurrence: activity seen again and again is either ongoing or a pattern worth a look, but a count
     * is weak evidence of harm (noisy rules recur too), so the steps are small and logarithmic.
     */
    static int recurrence(long count) {
        if (count >= 100) {
            return 8;
        }
        if (count >= 10) {
            return 5;
        }
        return count >= 2 ? 2 : 0;
    }

    /** Per distinct tactic of an incident candidate; each tactic is one more stage of a possible intrusion. */
    static final int PER_TACTIC = 5;

    /** Tactics beyond five add nothing more: by then the candidate is already at the top of the list. */
    static final int MAX_TACTIC_POINTS = 25;

    /** Points a finding gets for being part of an incident candidate spanning that many tactics. */
    static int candidateMembership(int tactics) {
        return Math.min(MAX_TACTIC_POINTS, PER_TACTIC * tactics);
    }

    /** Points of a candidate that reached exfiltration or impact: the intruder got what they came for. */
    static final int REACHED_OBJECTIVE = 10;

    /** Points of a candidate that includes defense evasion: someone tried to hide, which benign changes rarely do. */
    static final int EVADED_DEFENSES = 5;

    /** Points of a candidate spanning several accounts: movement across account boundaries. */
    static final int CROSSED_ACCOUNTS = 5;

    /**
     * An incident candidate's score: its most severe member's severity points, plus the tactic points, plus the
     * objective, evasion and cross-account points; clamped to 0–100.
     */
    static int candidate(Severity mostSevere, int tactics, boolean reachedObjective, boolean evadedDefenses,
                         int accounts) {
        int points = severity(mostSevere) + candidateMembership(tactics)
                + (reachedObjective ? REACHED_OBJECTIVE : 0)
                + (evadedDefenses ? EVADED_DEFENSES : 0)
                + (accounts > 1 ? CROSSED_ACCOUNTS : 0);
        return clamp(points);
    }

    static int clamp(int points) {
        return Math.max(0, Math.min(100, points));
    }

    private RiskWeights() {
    }
}
