package dev.vigil.posture.check;

import dev.vigil.posture.check.cloudtrail.CloudTrailChecks;
import dev.vigil.posture.check.config.ConfigChecks;
import dev.vigil.posture.check.guardduty.GuardDutyChecks;
import dev.vigil.posture.check.securityhub.SecurityHubChecks;
import dev.vigil.posture.check.vpc.VpcChecks;

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
        out.addAll(CloudTrailChecks.checks());
        out.addAll(ConfigChecks.checks());
        out.addAll(GuardDutyChecks.checks());
        out.addAll(SecurityHubChecks.checks());
        out.addAll(VpcChecks.checks());
        return Collections.unmodifiableList(out);
    }
}
