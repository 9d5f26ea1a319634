package dev.vigil.posture.check.rds;

import dev.vigil.model.Severity;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckMetadata;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.InventoryScope;
import dev.vigil.posture.check.Remediation;
import dev.vigil.posture.check.Verdicts;

import java.util.List;
import java.util.Optional;

/**
 * rds.not_publicly_accessible: no DB instance has a public endpoint ({@code publiclyAccessible}). This is an
 * instance setting, Aurora members included, so every instance is judged.
 */
final class NotPubliclyAccessibleCheck implements Check {

    static final CheckMetadata METADATA = new CheckMetadata(
            "rds.not_publicly_accessible",
            "RDS DB instances are not publicly accessible",
            "Exposure", Severity.HIGH, RdsChecks.INSTANCE,
            "A publicly accessible instance gets a DNS name that resolves to a public IP, so only security groups "
                    + "stand between the internet and the database's login prompt. Databases belong in private subnets "
                    + "reached through the application, a bastion or a VPN.",
            new Remediation("Turn off public accessibility (and keep the instance in private subnets).",
                    "aws rds modify-db-instance --db-instance-identifier <db> --no-publicly-accessible --apply-immediately",
                    """
                    Database:
                      Type: AWS::RDS::DBInstance
                      Properties:
                        PubliclyAccessible: false
                    """,
                    """
                    resource "aws_db_instance" "example" {
                      publicly_accessible = false
                    }
                    """),
            List.of("config:BatchGetResourceConfig", "rds:DescribeDBInstances"));

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<CheckResult> evaluate(Estate estate) {
        Verdicts v = new Verdicts(METADATA);
        return InventoryScope.eachResource(estate, v, RdsChecks.INSTANCE, "RDS DB instances", instance -> {
            Optional<Boolean> open = RdsChecks.flag(instance, "publiclyAccessible");
            if (open.isEmpty()) {
                return v.error(instance, "The DB instance's Config item has no publiclyAccessible flag; re-record it.");
            }
            if (open.get()) {
                String address = RdsChecks.field(instance, "endpoint").path("address").asText("");
                return v.fail(instance, "The DB instance is publicly accessible"
                        + (address.isBlank() ? "." : " at " + Verdicts.clip(address) + "."));
            }
            return v.pass(instance, "The DB instance is not publicly accessible.");
        });
    }
}
