package dev.vigil.posture.check.backup;

import dev.vigil.posture.check.Check;

import java.util.List;

/**
 * The AWS Backup check of the "Resilience" section. {@link BackupSelection} and {@link BackupSelections} are also
 * used by the EBS backup-coverage check.
 */
public final class BackupChecks {

    private BackupChecks() {
    }

    public static List<Check> checks() {
        return List.of(new PlanRulesCheck());
    }
}
