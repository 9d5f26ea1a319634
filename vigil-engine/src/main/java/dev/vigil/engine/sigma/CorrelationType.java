package dev.vigil.engine.sigma;

import java.util.Optional;

/** Sigma correlation types Vigil evaluates. */
public enum CorrelationType {
    /** Number of matching events in the timespan. */
    EVENT_COUNT("event_count"),
    /** Number of distinct values of a field among matching events in the timespan. */
    VALUE_COUNT("value_count");

    private final String sigmaName;

    CorrelationType(String sigmaName) {
        this.sigmaName = sigmaName;
    }

    public String sigmaName() {
        return sigmaName;
    }

    public static Optional<CorrelationType> bySigmaName(String name) {
        for (CorrelationType t : values()) {
            if (t.sigmaName.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
