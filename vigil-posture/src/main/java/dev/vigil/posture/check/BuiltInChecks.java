package dev.vigil.posture.check;

import dev.vigil.posture.check.backup.BackupChecks;
import dev.vigil.posture.check.cloudtrail.CloudTrailChecks;
import dev.vigil.posture.check.cloudwatch.CloudWatchChecks;
import dev.vigil.posture.check.config.ConfigChecks;
import dev.vigil.posture.check.dynamodb.DynamoDbChecks;
import dev.vigil.posture.check.ebs.EbsChecks;
import dev.vigil.posture.check.guardduty.GuardDutyChecks;
import dev.vigil.posture.check.kms.KmsChecks;
import dev.vigil.posture.check.organizations.OrganizationsChecks;
import dev.vigil.posture.check.rds.RdsChecks;
import dev.vigil.posture.check.residency.ResidencyChecks;
import dev.vigil.posture.check.root.RootChecks;
import dev.vigil.posture.check.s3.S3Checks;
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
        out.addAll(CloudTrailChecks.checks());
        out.addAll(CloudWatchChecks.checks());
        out.addAll(ConfigChecks.checks());
        out.addAll(GuardDutyChecks.checks());
        out.addAll(SecurityHubChecks.checks());
        out.addAll(VpcChecks.checks());
        out.addAll(RootChecks.checks());
        out.addAll(KmsChecks.checks());
        out.addAll(S3Checks.checks());
        out.addAll(EbsChecks.checks());
        out.addAll(RdsChecks.checks());
        out.addAll(DynamoDbChecks.checks());
        out.addAll(BackupChecks.checks());
        out.addAll(OrganizationsChecks.checks());
        out.addAll(ResidencyChecks.checks());
        return Collections.unmodifiableList(out);
    }
}
