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

/**
 * rds.multi_az: databases survive the loss of an Availability Zone. A standalone instance needs {@code multiAZ};
 * a cluster's {@code multiAZ} says its members span zones. An Aurora member is judged through its cluster; when the
 * cluster item is absent the member's own flag says nothing about the cluster, so the verdict is ERROR.
 */
final class MultiAzCheck implements Check {

    static final CheckMetadata METADATA = new CheckMetadata(
            "rds.multi_az",
            "RDS databases are deployed across multiple Availability Zones",
            "Resilience", Severity.LOW, RdsChecks.INSTANCE,
            "A Multi-AZ deployment keeps a standby (or cluster members) in another Availability Zone and fails "
                    + "over automatically, so a zone outage or instance failure costs minutes, not a restore from backup.",
            new Remediation("Convert the instance to Multi-AZ, or add a reader in another zone to the cluster.",
                    """
                    aws rds modify-db-instance --db-instance-identifier <db> --multi-az --apply-immediately
                    aws rds create-db-instance --db-cluster-identifier <cluster> --db-instance-identifier <cluster>-reader --engine <engine> --db-instance-class <class> --availability-zone <other-az>
                    """,
                    """
                    Database:
                      Type: AWS::RDS::DBInstance
                      Properties:
                        MultiAZ: true
                    """,
                    """
                    resource "aws_db_instance" "example" {
                      multi_az = true
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
            if (s.kind() == RdsChecks.Kind.MEMBER_WITHOUT_CLUSTER) {
                return v.error(s.resource(), "Not judged: the instance belongs to cluster '" + Verdicts.clip(s.clusterId())
                        + "', whose Config item (AWS::RDS::DBCluster) is not in the inventory; include it.");
            }
            if (s.kind() == RdsChecks.Kind.INSTANCE && RdsChecks.readReplica(s.resource())) {
                return v.notApplicable(s.resource(), "Read replica: its source's deployment provides availability.");
            }
            Optional<Boolean> multiAz = RdsChecks.flag(s.resource(), "multiAZ");
            if (multiAz.isEmpty()) {
                return v.error(s.resource(), "The " + RdsChecks.noun(s) + "'s Config item has no multiAZ flag; re-record it.");
            }
            return multiAz.get()
                    ? v.pass(s.resource(), "The " + RdsChecks.noun(s) + " spans multiple Availability Zones.")
                    : v.fail(s.resource(), "The " + RdsChecks.noun(s) + " runs in a single Availability Zone.");
        });
    }
}
