package dev.vigil.posture.check.guardduty;

import dev.vigil.posture.check.Check;

import java.util.List;

/** The GuardDuty section of the built-in catalogue, in report order. */
public final class GuardDutyChecks {

    private GuardDutyChecks() {
    }

    public static List<Check> checks() {
        return List.of(new EnabledAllRegionsCheck(), new CentralAdministrationCheck(), new ProtectionFeaturesCheck());
    }
}
