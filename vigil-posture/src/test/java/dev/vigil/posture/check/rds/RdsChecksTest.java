package dev.vigil.posture.check.rds;

import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.EstateFixture;
import dev.vigil.posture.check.PosturePolicy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RdsChecksTest {

    static final String ACCT = "111111111111";
    static final String REGION = "eu-west-1";
    static final String GOOD = """
            {"dBInstanceIdentifier":"orders","engine":"postgres","storageEncrypted":true,"publiclyAccessible":false,
             "multiAZ":true,"backupRetentionPeriod":14,"endpoint":{"address":"orders.abc.eu-west-1.rds.amazonaws.com","port":5432}}""";

    static EstateFixture db(String configuration) {
        return new EstateFixture().resource(RdsChecks.INSTANCE, "orders", ACCT, REGION, configuration);
    }

    static CheckResult only(Check check, EstateFixture f) {
        List<CheckResult> results = check.evaluate(f.estate());
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    @Test
    void storageEncryptionPassesFailsAndErrsOnTheFlag() {
        assertThat(only(new StorageEncryptedCheck(), db(GOOD)).status()).isEqualTo(CheckStatus.PASS);
        assertThat(only(new StorageEncryptedCheck(), db(GOOD.replace("\"storageEncrypted\":true", "\"storageEncrypted\":false")))
                .status()).isEqualTo(CheckStatus.FAIL);
        assertThat(only(new StorageEncryptedCheck(), db(GOOD.replace("\"storageEncrypted\":true,", ""))).status())
                .isEqualTo(CheckStatus.ERROR);
    }

    @Test
    void auroraMembersAreJudgedThroughTheirCluster() {
        EstateFixture f = new EstateFixture()
                .resource(RdsChecks.CLUSTER, "cluster-ABC", ACCT, REGION,
                        "{\"dbclusterIdentifier\":\"ledger\",\"storageEncrypted\":false,\"multiAZ\":true,\"backupRetentionPeriod\":1}")
                .resource(RdsChecks.INSTANCE, "ledger-1", ACCT, REGION,
                        "{\"dBInstanceIdentifier\":\"ledger-1\",\"dBClusterIdentifier\":\"ledger\",\"storageEncrypted\":false,\"publiclyAccessible\":false,\"multiAZ\":false}");
        CheckResult r = only(new StorageEncryptedCheck(), f);
        assertThat(r.resourceType()).isEqualTo(RdsChecks.CLUSTER);
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.reason()).contains("DB cluster");
        assertThat(only(new MultiAzCheck(), f).status()).isEqualTo(CheckStatus.PASS);
        assertThat(only(new BackupRetentionCheck(), f).status()).isEqualTo(CheckStatus.FAIL);
        // public accessibility is an instance setting: the member is judged
        assertThat(only(new NotPubliclyAccessibleCheck(), f).resourceType()).isEqualTo(RdsChecks.INSTANCE);
    }

    @Test
    void aMemberWhoseClusterIsMissingCannotBeJudgedForMultiAz() {
        CheckResult r = only(new MultiAzCheck(), new EstateFixture().resource(RdsChecks.INSTANCE, "ledger-1", ACCT, REGION,
                "{\"dBClusterIdentifier\":\"ledger\",\"multiAZ\":false}"));
        assertThat(r.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(r.reason()).contains("ledger");
    }

    @Test
    void publicAccessibilityFailsNamingTheEndpoint() {
        assertThat(only(new NotPubliclyAccessibleCheck(), db(GOOD)).status()).isEqualTo(CheckStatus.PASS);
        CheckResult open = only(new NotPubliclyAccessibleCheck(), db(GOOD.replace("\"publiclyAccessible\":false", "\"publiclyAccessible\":true")));
        assertThat(open.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(open.reason()).contains("orders.abc.eu-west-1.rds.amazonaws.com");
        assertThat(only(new NotPubliclyAccessibleCheck(), db("{}")).status()).isEqualTo(CheckStatus.ERROR);
    }

    static PosturePolicy minDays(int days) {
        PosturePolicy d = PosturePolicy.defaults();
        return new PosturePolicy(d.logArchiveAccount(), d.securityAccount(), d.enabledRegions(), d.allowedRegions(),
                d.criticalBuckets(), d.criticalTag(), d.dataEventBuckets(), d.expectedScps(), d.trailDeliveryMaxAge(),
                d.rootUseWindow(), days, d.requiredGuardDutyFeatures());
    }

    @Test
    void backupRetentionIsComparedWithThePolicy() {
        assertThat(only(new BackupRetentionCheck(), db(GOOD)).status()).isEqualTo(CheckStatus.PASS);
        CheckResult strict = only(new BackupRetentionCheck(), db(GOOD).policy(minDays(30)));
        assertThat(strict.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(strict.reason()).contains("14").contains("30");
        CheckResult off = only(new BackupRetentionCheck(), db(GOOD.replace("14", "0")));
        assertThat(off.reason()).contains("disabled");
        assertThat(only(new BackupRetentionCheck(), db("{\"engine\":\"mysql\"}")).status()).isEqualTo(CheckStatus.ERROR);
        assertThat(only(new BackupRetentionCheck(), db(GOOD.replace("14", "0").replace("}",
                ",\"readReplicaSourceDBInstanceIdentifier\":\"orders-primary\"}"))).status()).isEqualTo(CheckStatus.NOT_APPLICABLE);
    }

    @Test
    void multiAzFollowsTheFlag() {
        assertThat(only(new MultiAzCheck(), db(GOOD)).status()).isEqualTo(CheckStatus.PASS);
        assertThat(only(new MultiAzCheck(), db(GOOD.replace("\"multiAZ\":true", "\"multiAZ\":false"))).status())
                .isEqualTo(CheckStatus.FAIL);
        assertThat(only(new MultiAzCheck(), new EstateFixture().resource("AWS::EC2::Volume", "vol-1", ACCT, REGION, "{}"))
                .status()).isEqualTo(CheckStatus.NOT_APPLICABLE);
        assertThat(only(new MultiAzCheck(), new EstateFixture().export(ACCT, REGION, "ec2", "describe-regions", "{}"))
                .status()).isEqualTo(CheckStatus.ERROR);
    }
}
