package dev.vigil.engine.baseline;

/** The categorical features learned per principal and per account; each value has a first-seen time. */
enum Feature {
    API("api", "new-api", 1),
    REGION("region", "new-region", 2),
    NETWORK("network", "new-network", 2),
    USER_AGENT("userAgent", "new-user-agent", 2);

    private final String jsonName;
    private final String signal;
    private final int weight;

    Feature(String jsonName, String signal, int weight) {
        this.jsonName = jsonName;
        this.signal = signal;
        this.weight = weight;
    }

    String jsonName() {
        return jsonName;
    }

    /** The signal's name in a finding's summary, e.g. {@code new-network}. */
    String signal() {
        return signal;
    }

    /** Its weight in the anomaly score (docs/baselines.md, "Scoring"). */
    int weight() {
        return weight;
    }
}
