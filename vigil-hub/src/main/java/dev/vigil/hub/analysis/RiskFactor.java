package dev.vigil.hub.analysis;

import java.util.Objects;

/**
 * One reason for a finding's risk score.
 *
 * @param kind     which factor
 * @param points   its contribution (negative lowers the score)
 * @param sentence the reason in words, ending with the points: "High severity (+40)"
 */
public record RiskFactor(Kind kind, int points, String sentence) {

    /** The factors of the risk score, in the order they are listed. */
    public enum Kind { SEVERITY, ASSET_CRITICALITY, INTERNET_EXPOSURE, CONFIDENCE, RECURRENCE, INCIDENT_CANDIDATE }

    public RiskFactor {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sentence, "sentence");
    }

    static RiskFactor of(Kind kind, int points, String reason) {
        return new RiskFactor(kind, points, reason + " (" + (points >= 0 ? "+" : "") + points + ")");
    }
}
