package dev.vigil.posture.check.dynamodb;

import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.EstateFixture;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DynamoDbChecksTest {

    static final String ACCT = "111111111111";
    static final String REGION = "eu-west-1";
    static final String KEY_ARN = "arn:aws:kms:eu-west-1:111111111111:key/k-1";

    static EstateFixture table(String configuration, String supplementary) {
        return new EstateFixture().resource(DynamoDbChecks.TABLE, "orders", ACCT, REGION, configuration, supplementary, Map.of());
    }

    static CheckResult only(Check check, EstateFixture f) {
        List<CheckResult> results = check.evaluate(f.estate());
        assertThat(results).extracting(CheckResult::resourceType).contains(DynamoDbChecks.TABLE);
        return results.stream().filter(r -> r.resourceType().equals(DynamoDbChecks.TABLE)).findFirst().orElseThrow();
    }

    @Test
    void aTableUnderACustomerManagedKeyPasses() {
        EstateFixture f = table("{\"tableName\":\"orders\",\"ssedescription\":{\"status\":\"ENABLED\",\"ssetype\":\"KMS\",\"kmsmasterKeyArn\":\""
                + KEY_ARN + "\"}}", "{}")
                .resource("AWS::KMS::Key", "k-1", ACCT, REGION, "{\"keyManager\":\"CUSTOMER\"}");
        CheckResult r = only(new KmsEncryptionCheck(), f);
        assertThat(r.status()).isEqualTo(CheckStatus.PASS);
        assertThat(r.reason()).contains("customer-managed");
    }

    @Test
    void theApisCasingReadsTheSame() {
        CheckResult r = only(new KmsEncryptionCheck(), table(
                "{\"tableName\":\"orders\",\"SSEDescription\":{\"Status\":\"ENABLED\",\"SSEType\":\"KMS\"}}", "{}"));
        assertThat(r.status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void aTableOnTheAwsOwnedKeyFailsAndAnEmptyItemIsAnError() {
        CheckResult owned = only(new KmsEncryptionCheck(), table("{\"tableName\":\"orders\",\"tableStatus\":\"ACTIVE\"}", "{}"));
        assertThat(owned.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(owned.reason()).contains("AWS owned key");
        assertThat(only(new KmsEncryptionCheck(), table("{}", "{}")).status()).isEqualTo(CheckStatus.ERROR);
    }

    static String pitr(String status) {
        return "{\"ContinuousBackupsDescription\":{\"continuousBackupsStatus\":\"ENABLED\","
                + "\"pointInTimeRecoveryDescription\":{\"pointInTimeRecoveryStatus\":\"" + status + "\"}}}";
    }

    @Test
    void pointInTimeRecoveryIsReadFromConfig() {
        assertThat(only(new PointInTimeRecoveryCheck(), table("{\"tableName\":\"orders\"}", pitr("ENABLED"))).status())
                .isEqualTo(CheckStatus.PASS);
        assertThat(only(new PointInTimeRecoveryCheck(), table("{\"tableName\":\"orders\"}", pitr("DISABLED"))).status())
                .isEqualTo(CheckStatus.FAIL);
        String doubleEncoded = "{\"ContinuousBackupsDescription\":"
                + com.fasterxml.jackson.databind.node.TextNode.valueOf(EstateFixture.json(pitr("DISABLED"))
                .path("ContinuousBackupsDescription").toString()) + "}";
        assertThat(only(new PointInTimeRecoveryCheck(), table("{\"tableName\":\"orders\"}", doubleEncoded)).status())
                .isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void pointInTimeRecoveryFallsBackToTheExportAndErrsWithoutEither() {
        EstateFixture f = table("{\"tableName\":\"orders\"}", "{}").export(ACCT, REGION, "dynamodb",
                "describe-continuous-backups", "orders", """
                        {"ContinuousBackupsDescription":{"ContinuousBackupsStatus":"ENABLED",
                         "PointInTimeRecoveryDescription":{"PointInTimeRecoveryStatus":"ENABLED"}}}""");
        assertThat(only(new PointInTimeRecoveryCheck(), f).status()).isEqualTo(CheckStatus.PASS);
        CheckResult missing = only(new PointInTimeRecoveryCheck(), table("{\"tableName\":\"orders\"}", "{}"));
        assertThat(missing.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(missing.reason()).contains("dynamodb.describe-continuous-backups.orders.json");
    }
}
