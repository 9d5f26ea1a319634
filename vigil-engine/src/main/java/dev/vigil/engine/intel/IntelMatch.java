package dev.vigil.engine.intel;

import java.util.Objects;

/**
 * An address found in an indicator set.
 *
 * @param setName    the set's name, as configured (e.g. {@code abuse-feed}), shown on findings
 * @param category   what the set says about the address
 * @param confidence 0–100, the set's (or the indicator's own, when the format gives one)
 * @param indicator  the listed value that matched: an address or a CIDR block, as listed
 * @param custom     true for the user's own lists (GuardDuty's ".Custom" findings), false for third-party feeds
 */
public record IntelMatch(String setName, IntelCategory category, int confidence, String indicator, boolean custom) {
    public IntelMatch {
        Objects.requireNonNull(setName, "setName");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(indicator, "indicator");
        if (confidence < 0 || confidence > 100) {
            throw new IllegalArgumentException("confidence must be 0-100, was " + confidence);
        }
    }
}
