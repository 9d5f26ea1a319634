package dev.vigil.hub;

import java.util.Objects;

/**
 * A finding's risk score and its explanation, as the scorer computed them.
 *
 * @param score       0 to 100
 * @param reasonsJson the explanation as JSON text (stored as given, shown as given)
 */
public record RiskScore(int score, String reasonsJson) {

    public RiskScore {
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("a risk score must be 0-100, was " + score);
        }
        Objects.requireNonNull(reasonsJson, "reasonsJson");
    }
}
