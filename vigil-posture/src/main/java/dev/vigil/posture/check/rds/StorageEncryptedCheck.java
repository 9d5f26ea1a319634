package dev.vigil.posture.check.rds;

import dev.vigil.model.Severity;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckMetadata;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.Remediation;
import dev.vigil.posture.check.Verdicts;

import java.util.List;
import java.util.Optional;

/** rds.storage_encrypted: RDS instances and clusters encrypt their storage ({@code storageEncrypted}). */
final class StorageEncryptedCheck implements Check {

    static final CheckMetadata METADATA = new CheckMetadata(
            "rds.storage_encrypted",
            "RDS databases encrypt their storage",
            "Encryption", Severity.MEDIUM, RdsChecks.INSTANCE,
            "Storage encryption covers the database files, automated backups, snapshots and read replicas, and "
                    + "puts their use behind a KMS key policy. It can only be chosen when the database is created.",
            new Remediation("Encryption cannot be turned on in place: snapshot the database, copy the snapshot "
                    + "with a KMS key, restore from the encrypted copy and switch clients over.",
                    """
                    aws rds create-db-snapshot --db-instance-identifier <db> --db-snapshot-identifier <db>-plain
                    aws rds copy-db-snapshot --source-db-snapshot-identifier <db>-plain --target-db-snapshot-identifier <db>-enc --kms-key-id <key-arn>
                    aws rds restore-db-instance-from-db-snapshot --db-instance-identifier <db>-new --db-snapshot-identifier <db>-enc
                    """,
                    """
                    Database:
                      Type: AWS::RDS::DBInstance
                      Properties:
                        StorageEncrypted: true
                        KmsKeyId: <key-arn>
                    """,
                    """
                    resource "aws_db_instance" "example" {
                      storage_encrypted = true
                      kms_key_id        = aws_kms_key.rds.arn
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
        return RdsChecks.each(estate, v, s -> {
            Optional<Boolean> encrypted = RdsChecks.flag(s.resource(), "storageEncrypted");
            if (encrypted.isEmpty()) {
                return v.error(s.resource(), "The " + RdsChecks.noun(s) + "'s Config item has no storageEncrypted flag; re-record it.");
            }
            return encrypted.get()
                    ? v.pass(s.resource(), "The " + RdsChecks.noun(s) + "'s storage is encrypted.")
                    : v.fail(s.resource(), "The " + RdsChecks.noun(s) + "'s storage is not encrypted.");
        });
    }
}
