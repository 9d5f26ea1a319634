package dev.vigil.engine.intel;

import java.time.Instant;
import java.util.Objects;

/**
 * One loaded indicator set, for the scan summary and {@code vigil intel list}-style output.
 *
 * @param name       the set's name
 * @param category   what its indicators mean
 * @param confidence the set's confidence (indicators may carry their own)
 * @param custom     the user's own list (".Custom" finding types) rather than a third-party feed
 * @param addresses  addresses and CIDR blocks loaded
 * @param domains    domain names loaded
 * @param expires    when the whole set stops matching, or null when it does not expire
 * @param source     the indicator file, as given
 */
public record IntelSetSummary(String name, IntelCategory category, int confidence, boolean custom, int addresses,
                              int domains, Instant expires, String source) {
    public IntelSetSummary {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(source, "source");
    }

    /** Indicators of both kinds. */
    public int indicators() {
        return addresses + domains;
    }

    /** True when the set has expired at the given time (its indicators no longer match). */
    public boolean expiredAt(Instant time) {
        return expires != null && !time.isBefore(expires);
    }
}
