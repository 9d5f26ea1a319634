package dev.vigil.posture.check.rds;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.Severity;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckMetadata;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.Remediation;
import dev.vigil.posture.check.Verdicts;

import java.util.List;

/**
 * rds.backup_retention: automated backups are kept at least the policy's {@code min-backup-retention-days}
 * ({@code backupRetentionPeriod}; 0 means automated backups are off). Read replicas are NOT_APPLICABLE: their
 * source's backups protect the data.
 */
final class BackupRetentionCheck implements Check {

    static final CheckMetadata METADATA = new CheckMetadata(
            "rds.backup_retention",
            "RDS automated backups are kept at least the required number of days",
            "Resilience", Severity.MEDIUM, RdsChecks.INSTANCE,
            "Automated backups allow point-in-time restore within the retention period. Without them, or with a "
                    + "period shorter than the time it takes to notice corruption or tampering, there is nothing "
                    + "to restore to.",
            new Remediation("Set the backup retention period to at least the required days (RDS allows up to 35).",
                    """
                    aws rds modify-db-instance --db-instance-identifier <db> --backup-retention-period 14 --apply-immediately
                    aws rds modify-db-cluster --db-cluster-identifier <cluster> --backup-retention-period 14 --apply-immediately
                    """,
                    """
                    Database:
                      Type: AWS::RDS::DBInstance
                      Properties:
                        BackupRetentionPeriod: 14
                    """,
                    """
                    resource "aws_db_instance" "example" {
                      backup_retention_period = 14
                    }
                    """),
            List.of("config:BatchGetResourceConfig", "rds:DescribeDBInstances", "rds:DescribeDBClusters"));

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<CheckResult> evaluate(Estate estate) {
        Verdicts v = new Verdicts(METADATA);
        int min = estate.policy().minBackupRetentionDays();
        return RdsChecks.each(estate, v, s -> {
            if (s.kind() != RdsChecks.Kind.CLUSTER && RdsChecks.readReplica(s.resource())) {
                return v.notApplicable(s.resource(), "Read replica: the source instance's backups protect its data.");
            }
            JsonNode days = RdsChecks.field(s.resource(), "backupRetentionPeriod");
            boolean numericText = days.isTextual() && days.asText().strip().matches("\\d{1,6}");
            if (!days.isIntegralNumber() && !numericText) {
                return v.error(s.resource(), "The " + RdsChecks.noun(s) + "'s Config item has no backupRetentionPeriod; re-record it.");
            }
            int d = numericText ? Integer.parseInt(days.asText().strip())
                    : days.canConvertToInt() ? days.intValue() : Integer.MAX_VALUE;
            if (d <= 0) {
                return v.fail(s.resource(), "Automated backups are disabled (retention 0 days).");
            }
            return d >= min
                    ? v.pass(s.resource(), "Automated backups are kept " + d + " days (policy: at least " + min + ").")
                    : v.fail(s.resource(), "Automated backups are kept only " + d + " days; the policy requires " + min + ".");
        });
    }
}
