package dev.vigil.hub.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * A finding's risk score, 0–100, and the factors that made it. The score is the sum of the factors' points clamped
 * to 0–100.
 */
public record RiskScore(int score, List<RiskFactor> factors) {

    public RiskScore {
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("risk score must be 0-100, was " + score);
        }
        factors = List.copyOf(factors);
    }

    /** The sum of the factors before clamping. */
    public int points() {
        return factors.stream().mapToInt(RiskFactor::points).sum();
    }

    /** "Risk 75: High severity (+40); seen 37 times (+5); …", noting when the sum was clamped. */
    public String explanation() {
        List<String> sentences = new ArrayList<>();
        factors.forEach(f -> sentences.add(f.sentence()));
        String text = "Risk " + score + ": " + String.join("; ", sentences);
        int points = points();
        return points == score ? text : text + "; total " + points + " capped to " + score;
    }
}
