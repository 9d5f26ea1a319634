package dev.vigil.posture.check.root;

import dev.vigil.posture.check.Check;

import java.util.List;

/**
 * The Root account section: MFA on the root user, no root access keys, no recent root use. Evidence is the
 * account summary and credential report exported per account under region {@code global}
 * ({@code iam.get-account-summary.json}, {@code iam.get-credential-report.json}) plus root uses from CloudTrail.
 */
public final class RootChecks {

    private RootChecks() {
    }

    public static List<Check> checks() {
        return List.of(new RootMfaCheck(), new RootAccessKeysCheck(), new RootRecentUseCheck());
    }
}
