package dev.vigil.cli;

import dev.vigil.engine.sigma.SigmaCorrelation;
import dev.vigil.engine.sigma.SigmaDocument;
import dev.vigil.engine.sigma.SigmaRule;

/** The three kinds of Sigma document, as {@code vigil rules list} and {@code rules test} name them. */
enum RuleType {
    DETECTION, CORRELATION, FILTER;

    static RuleType of(SigmaDocument doc) {
        if (doc instanceof SigmaRule) {
            return DETECTION;
        }
        if (doc instanceof SigmaCorrelation) {
            return CORRELATION;
        }
        // Sigma defines exactly three document types; the engine's sealed interface gains filters next
        return FILTER;
    }

    String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
