package dev.vigil.posture.check.rds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.InventoryScope;
import dev.vigil.posture.check.Verdicts;
import dev.vigil.posture.inventory.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The RDS checks: storage encryption ("Encryption"), public accessibility ("Exposure"), backup retention and
 * Multi-AZ ("Resilience").
 *
 * <p>Aurora (and Multi-AZ DB cluster) members take storage encryption, backup retention and availability from their
 * cluster, so those checks judge the AWS::RDS::DBCluster item and skip its members; a member whose cluster item is
 * absent is judged on its own values where they are meaningful. Config's property casing differs between the two
 * types ({@code dBClusterIdentifier} vs {@code dbclusterIdentifier}), so fields are read case-insensitively.
 */
public final class RdsChecks {

    static final String INSTANCE = "AWS::RDS::DBInstance";
    static final String CLUSTER = "AWS::RDS::DBCluster";

    private RdsChecks() {
    }

    public static List<Check> checks() {
        return List.of(new StorageEncryptedCheck(), new NotPubliclyAccessibleCheck(), new BackupRetentionCheck(),
                new MultiAzCheck());
    }

    /** What a storage/backup/availability check judges: a cluster, a standalone instance, or a member without its cluster. */
    record Subject(Resource resource, Kind kind, String clusterId) {
    }

    enum Kind { INSTANCE, CLUSTER, MEMBER_WITHOUT_CLUSTER }

    /** Clusters, standalone instances, and members whose cluster item is absent, in one account. */
    static List<Subject> clusterLevelSubjects(Estate estate, String account) {
        List<Subject> out = new ArrayList<>();
        List<Resource> clusters = estate.inventory().ofType(CLUSTER, account).toList();
        clusters.forEach(c -> out.add(new Subject(c, Kind.CLUSTER, clusterName(c))));
        for (Resource instance : estate.inventory().ofType(INSTANCE, account).toList()) {
            String clusterId = field(instance, "dBClusterIdentifier").asText("");
            if (clusterId.isBlank()) {
                out.add(new Subject(instance, Kind.INSTANCE, ""));
            } else if (clusters.stream().noneMatch(c -> clusterName(c).equalsIgnoreCase(clusterId)
                    && c.region().equals(instance.region()))) {
                out.add(new Subject(instance, Kind.MEMBER_WITHOUT_CLUSTER, clusterId));
            }
        }
        return out;
    }

    /** One verdict per subject; an account with none gets one NOT_APPLICABLE saying so. */
    static List<CheckResult> each(Estate estate, Verdicts v, Function<Subject, CheckResult> judge) {
        List<CheckResult> out = new ArrayList<>();
        for (String account : estate.accounts()) {
            List<Subject> subjects = clusterLevelSubjects(estate, account);
            if (subjects.isEmpty()) {
                out.add(InventoryScope.nothingToJudge(estate, v, account, "RDS DB instances or clusters"));
            }
            subjects.forEach(s -> out.add(judge.apply(s)));
        }
        return out;
    }

    /** True for a read replica of another instance: availability and backups are the source's job. */
    static boolean readReplica(Resource instance) {
        return !field(instance, "readReplicaSourceDBInstanceIdentifier").asText("").isBlank();
    }

    static String clusterName(Resource cluster) {
        String id = field(cluster, "dBClusterIdentifier").asText("");
        return !id.isBlank() ? id : cluster.name().isBlank() ? cluster.id() : cluster.name();
    }

    /** A top-level configuration field, matched without regard to case. */
    static JsonNode field(Resource resource, String name) {
        JsonNode exact = resource.config(name);
        if (!exact.isMissingNode()) {
            return exact;
        }
        if (resource.configuration().isObject()) {
            for (Map.Entry<String, JsonNode> e : resource.configuration().properties()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue();
                }
            }
        }
        return MissingNode.getInstance();
    }

    /** A boolean field; empty when absent or not a boolean. */
    static Optional<Boolean> flag(Resource resource, String name) {
        JsonNode value = field(resource, name);
        return value.isBoolean() ? Optional.of(value.booleanValue()) : Optional.empty();
    }

    /** "DB instance" or "DB cluster", for reasons. */
    static String noun(Subject s) {
        return s.kind() == Kind.CLUSTER ? "DB cluster" : "DB instance";
    }
}
