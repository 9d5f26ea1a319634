package dev.vigil.posture.check.organizations;

import dev.vigil.posture.check.Check;

import java.util.List;

/**
 * The Organizations section: every listed account was assessed, and the policy's expected SCPs are attached.
 * Reads the management account's {@code organizations} exports under region {@code global}.
 */
public final class OrganizationsChecks {

    private OrganizationsChecks() {
    }

    public static List<Check> checks() {
        return List.of(new AccountsAssessedCheck(), new ExpectedScpsCheck());
    }
}
