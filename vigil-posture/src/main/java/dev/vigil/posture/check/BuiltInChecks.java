package dev.vigil.posture.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Vigil's built-in check catalogue, in report order. Each section's checks live in their own package and are
 * listed here so the catalogue, the frameworks' validation and docs/posture.md see one list.
 */
public final class BuiltInChecks {

    private BuiltInChecks() {
    }

    public static List<Check> all() {
        List<Check> out = new ArrayList<>();
        // Sections are added here as they land.
        out.addAll(dev.vigil.posture.check.cloudwatch.CloudWatchChecks.checks());
        out.addAll(dev.vigil.posture.check.root.RootChecks.checks());
        out.addAll(dev.vigil.posture.check.organizations.OrganizationsChecks.checks());
        out.addAll(dev.vigil.posture.check.residency.ResidencyChecks.checks());
        return Collections.unmodifiableList(out);
    }
}
