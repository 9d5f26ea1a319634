package dev.vigil.engine.sigma;

import java.util.Optional;

/** Sigma correlation types Vigil evaluates. */
public enum CorrelationType {
    /** Number of matching events in the timespan. */
    EVENT_COUNT("event_count", false),
    /** Number of distinct values of a field among matching events in the timespan. */
    VALUE_COUNT("value_count", true),
    /** Sum of a numeric field over matching events in the timespan. */
    VALUE_SUM("value_sum", true),
    /** Mean of a numeric field over matching events in the timespan. */
    VALUE_AVG("value_avg", true),
    /** A percentile (nearest rank) of a numeric field over matching events in the timespan. */
    VALUE_PERCENTILE("value_percentile", true),
    /** Number of different referenced rules that matched in the timespan (by default: all of them). */
    TEMPORAL("temporal", false),
    /** All referenced rules matched in the timespan, in the order they are listed. */
    TEMPORAL_ORDERED("temporal_ordered", false);

    private final String sigmaName;
    private final boolean needsField;

    CorrelationType(String sigmaName, boolean needsField) {
        this.sigmaName = sigmaName;
        this.needsField = needsField;
    }

    public String sigmaName() {
        return sigmaName;
    }

    /** True for the types that measure a field named in the condition ({@code field:}). */
    public boolean needsField() {
        return needsField;
    }

    /** True for temporal and temporal_ordered, which relate different rules rather than count one kind of event. */
    public boolean temporal() {
        return this == TEMPORAL || this == TEMPORAL_ORDERED;
    }

    /** True for the types that read the field as a number. */
    public boolean numeric() {
        return this == VALUE_SUM || this == VALUE_AVG || this == VALUE_PERCENTILE;
    }

    public static Optional<CorrelationType> bySigmaName(String name) {
        for (CorrelationType t : values()) {
            if (t.sigmaName.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The Sigma names, for messages. */
    public static String names() {
        StringBuilder b = new StringBuilder();
        for (CorrelationType t : values()) {
            b.append(b.isEmpty() ? "" : ", ").append(t.sigmaName);
        }
        return b.toString();
    }
}
