package dev.vigil.engine.sigma;

import java.util.Optional;

/** Sigma's {@code status} values: how far a rule has been tested. Vigil runs rules of every status. */
public enum RuleStatus {
    STABLE("stable"),
    TEST("test"),
    EXPERIMENTAL("experimental"),
    DEPRECATED("deprecated"),
    UNSUPPORTED("unsupported");

    private final String sigmaName;

    RuleStatus(String sigmaName) {
        this.sigmaName = sigmaName;
    }

    public String sigmaName() {
        return sigmaName;
    }

    /** The status written exactly as the specification spells it (lower case). */
    public static Optional<RuleStatus> bySigmaName(String name) {
        for (RuleStatus s : values()) {
            if (s.sigmaName.equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
