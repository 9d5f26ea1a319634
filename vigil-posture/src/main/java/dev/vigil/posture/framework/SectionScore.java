package dev.vigil.posture.framework;

import java.util.Objects;

/** A framework section's requirements, tallied. */
public record SectionScore(String section, Tally tally) {
    public SectionScore {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(tally, "tally");
    }
}
