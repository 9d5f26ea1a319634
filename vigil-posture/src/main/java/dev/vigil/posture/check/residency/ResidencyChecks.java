package dev.vigil.posture.check.residency;

import dev.vigil.posture.check.Check;

import java.util.List;

/** The Data residency section: resources only in the posture policy's allowed regions. */
public final class ResidencyChecks {

    private ResidencyChecks() {
    }

    public static List<Check> checks() {
        return List.of(new AllowedRegionsCheck());
    }
}
