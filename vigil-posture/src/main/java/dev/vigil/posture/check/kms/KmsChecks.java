package dev.vigil.posture.check.kms;

import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.InventoryScope;
import dev.vigil.posture.check.Verdicts;
import dev.vigil.posture.inventory.Resource;

import java.util.List;
import java.util.function.Function;

/**
 * The KMS checks of the "Encryption" and "Exposure" sections: key rotation, no key scheduled for deletion, no key
 * policy open to anyone. They judge AWS::KMS::Key configuration items, plus the {@code kms get-key-rotation-status}
 * and {@code kms get-key-policy} exports where Config does not carry the answer.
 */
public final class KmsChecks {

    static final String KEY = "AWS::KMS::Key";

    private KmsChecks() {
    }

    public static List<Check> checks() {
        return List.of(new KeyRotationCheck(), new NoPendingDeletionCheck(), new NoPublicKeyPolicyCheck());
    }

    /** One verdict per live key; an account without keys gets one verdict saying why. */
    static List<CheckResult> eachKey(Estate estate, Verdicts v, Function<Resource, CheckResult> judge) {
        return InventoryScope.eachResource(estate, v, KEY, "KMS keys", judge);
    }

    /** The key id used in export file names: {@code configuration.keyId}, else the Config resource id. */
    static String keyId(Resource key) {
        String id = key.config("keyId").asText("");
        return id.isBlank() ? key.id() : id;
    }

    /** True for keys AWS creates and manages for a service (alias/aws/...): the customer cannot change them. */
    static boolean awsManaged(Resource key) {
        return key.config("keyManager").asText("").equalsIgnoreCase("AWS");
    }
}
