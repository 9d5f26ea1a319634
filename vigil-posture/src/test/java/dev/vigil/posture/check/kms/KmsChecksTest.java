package dev.vigil.posture.check.kms;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.EstateFixture;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KmsChecksTest {

    static final String ACCT = "111111111111";
    static final String REGION = "eu-west-1";
    static final String KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
    static final String CUSTOMER_KEY = """
            {"keyId":"1234abcd-12ab-34cd-56ef-1234567890ab","keyManager":"CUSTOMER","keyState":"Enabled",
             "keyUsage":"ENCRYPT_DECRYPT","keySpec":"SYMMETRIC_DEFAULT","origin":"AWS_KMS"}""";

    static CheckResult only(Check check, EstateFixture fixture) {
        List<CheckResult> results = check.evaluate(fixture.estate());
        assertThat(results).hasSize(1);
        assertThat(results.get(0).checkId()).isEqualTo(check.metadata().id());
        return results.get(0);
    }

    static EstateFixture key(String configuration) {
        return new EstateFixture().resource(KmsChecks.KEY, KEY_ID, ACCT, REGION, configuration);
    }

    @Test
    void rotationPassesAndFailsOnTheExportedFlag() {
        CheckResult on = only(new KeyRotationCheck(), key(CUSTOMER_KEY).export(ACCT, REGION, "kms",
                "get-key-rotation-status", KEY_ID, "{\"KeyRotationEnabled\":true,\"RotationPeriodInDays\":365}"));
        assertThat(on.status()).isEqualTo(CheckStatus.PASS);
        assertThat(on.reason()).contains("365");
        assertThat(on.resource()).endsWith(":key/" + KEY_ID);

        CheckResult off = only(new KeyRotationCheck(), key(CUSTOMER_KEY).export(ACCT, REGION, "kms",
                "get-key-rotation-status", KEY_ID, "{\"KeyRotationEnabled\":false}"));
        assertThat(off.status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void rotationFallsBackToConfigsSupplementaryFlag() {
        EstateFixture f = new EstateFixture().resource(KmsChecks.KEY, KEY_ID, ACCT, REGION, CUSTOMER_KEY,
                "{\"KeyRotationStatus\":false}", Map.of());
        assertThat(only(new KeyRotationCheck(), f).status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void rotationWithoutDataIsAnErrorNamingTheExportAndDeniedQuotesTheCode() {
        CheckResult missing = only(new KeyRotationCheck(), key(CUSTOMER_KEY));
        assertThat(missing.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(missing.reason()).contains("kms.get-key-rotation-status." + KEY_ID + ".json");

        CheckResult denied = only(new KeyRotationCheck(), key(CUSTOMER_KEY).export(ACCT, REGION, "kms",
                "get-key-rotation-status", KEY_ID, "{\"Error\":{\"Code\":\"AccessDeniedException\",\"Message\":\"no\"}}"));
        assertThat(denied.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(denied.reason()).contains("AccessDeniedException");
    }

    @Test
    void rotationDoesNotApplyToAwsManagedAsymmetricOrImportedKeys() {
        assertThat(only(new KeyRotationCheck(), key(CUSTOMER_KEY.replace("CUSTOMER", "AWS"))).status())
                .isEqualTo(CheckStatus.NOT_APPLICABLE);
        assertThat(only(new KeyRotationCheck(), key(CUSTOMER_KEY.replace("\"SYMMETRIC_DEFAULT\"", "\"RSA_2048\"")
                .replace("ENCRYPT_DECRYPT", "SIGN_VERIFY"))).status()).isEqualTo(CheckStatus.NOT_APPLICABLE);
        assertThat(only(new KeyRotationCheck(), key(CUSTOMER_KEY.replace("AWS_KMS", "EXTERNAL"))).status())
                .isEqualTo(CheckStatus.NOT_APPLICABLE);
    }

    @Test
    void anAccountWithConfigDataButNoKeysIsNotApplicableAndOneWithoutConfigDataIsAnError() {
        CheckResult none = only(new KeyRotationCheck(), new EstateFixture()
                .resource("AWS::S3::Bucket", "logs", ACCT, REGION, "{\"name\":\"logs\"}"));
        assertThat(none.status()).isEqualTo(CheckStatus.NOT_APPLICABLE);
        assertThat(none.resource()).isEqualTo(ACCT);

        CheckResult unseen = only(new KeyRotationCheck(), new EstateFixture().export(ACCT, REGION, "ec2",
                "describe-regions", "{\"Regions\":[]}"));
        assertThat(unseen.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(unseen.reason()).contains("no AWS Config data");
    }

    @Test
    void pendingDeletionFailsNamingTheDate() {
        CheckResult r = only(new NoPendingDeletionCheck(), key(CUSTOMER_KEY.replace("\"Enabled\"", "\"PendingDeletion\"")
                .replace("}", ",\"deletionDate\":\"2026-06-20T00:00:00Z\"}")));
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.reason()).contains("2026-06-20");
        assertThat(only(new NoPendingDeletionCheck(), key(CUSTOMER_KEY)).status()).isEqualTo(CheckStatus.PASS);
        assertThat(only(new NoPendingDeletionCheck(), key("{\"keyId\":\"x\"}")).status()).isEqualTo(CheckStatus.ERROR);
    }

    static String keyPolicy(String statement) {
        // The CLI prints the policy as a JSON string inside the response.
        return "{\"Policy\":" + TextNode.valueOf("{\"Version\":\"2012-10-17\",\"Statement\":[" + statement + "]}") + "}";
    }

    @Test
    void aKeyPolicyOpenToEveryoneFailsAndARestrictedOnePasses() {
        CheckResult open = only(new NoPublicKeyPolicyCheck(), key(CUSTOMER_KEY).export(ACCT, REGION, "kms",
                "get-key-policy", KEY_ID, keyPolicy(
                        "{\"Sid\":\"Everyone\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}")));
        assertThat(open.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(open.reason()).contains("Everyone").contains("kms:Decrypt");

        CheckResult restricted = only(new NoPublicKeyPolicyCheck(), key(CUSTOMER_KEY).export(ACCT, REGION, "kms",
                "get-key-policy", KEY_ID, keyPolicy(
                        "{\"Sid\":\"Org\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"kms:Decrypt\",\"Resource\":\"*\","
                                + "\"Condition\":{\"StringEquals\":{\"kms:CallerAccount\":\"111111111111\"}}}")));
        assertThat(restricted.status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void aKeyPolicyThatIsMissingOrUnreadableIsAnError() {
        CheckResult missing = only(new NoPublicKeyPolicyCheck(), key(CUSTOMER_KEY));
        assertThat(missing.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(missing.reason()).contains("kms.get-key-policy." + KEY_ID + ".json");
        CheckResult garbled = only(new NoPublicKeyPolicyCheck(), key(CUSTOMER_KEY).export(ACCT, REGION, "kms",
                "get-key-policy", KEY_ID, "{\"Policy\":\"not json\"}"));
        assertThat(garbled.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(only(new NoPublicKeyPolicyCheck(), key(CUSTOMER_KEY.replace("CUSTOMER", "AWS"))).status())
                .isEqualTo(CheckStatus.NOT_APPLICABLE);
    }
}
