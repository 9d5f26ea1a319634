package dev.vigil.posture.check.securityhub;

import dev.vigil.posture.check.Check;

import java.util.List;

/** The Security Hub section of the built-in catalogue, in report order. */
public final class SecurityHubChecks {

    private SecurityHubChecks() {
    }

    public static List<Check> checks() {
        return List.of(new EnabledAllRegionsCheck(), new DelegatedAdministratorCheck(), new StandardsEnabledCheck());
    }
}
