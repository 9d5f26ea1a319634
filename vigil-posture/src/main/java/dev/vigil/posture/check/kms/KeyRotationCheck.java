package dev.vigil.posture.check.kms;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.Severity;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckMetadata;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.Exported;
import dev.vigil.posture.check.Remediation;
import dev.vigil.posture.check.Verdicts;
import dev.vigil.posture.inventory.Resource;

import java.util.List;
import java.util.Locale;

/**
 * kms.key_rotation: customer-managed symmetric encryption keys rotate their key material automatically.
 *
 * <p>The rotation flag comes from the {@code kms get-key-rotation-status.<KeyId>} export when given (it is what the
 * KMS API says now), else from Config's {@code supplementaryConfiguration.KeyRotationStatus}, which Config records
 * for some keys only. AWS-managed keys rotate on AWS's schedule; asymmetric, HMAC and imported-material keys and
 * keys in custom key stores cannot rotate automatically, so they are NOT_APPLICABLE.
 */
final class KeyRotationCheck implements Check {

    static final CheckMetadata METADATA = new CheckMetadata(
            "kms.key_rotation",
            "Customer-managed KMS keys rotate their key material automatically",
            "Encryption", Severity.MEDIUM, KmsChecks.KEY,
            "Automatic rotation gives a key new cryptographic material every year (or the period you set) while "
                    + "old ciphertext stays readable. It limits how much data any one piece of key material protects "
                    + "and is what most frameworks mean by key lifecycle management. AWS-managed keys, asymmetric and "
                    + "HMAC keys and keys with imported material are not applicable.",
            new Remediation("Enable automatic rotation on each customer-managed symmetric encryption key.",
                    "aws kms enable-key-rotation --key-id <key-id> --rotation-period-in-days 365",
                    """
                    Key:
                      Type: AWS::KMS::Key
                      Properties:
                        EnableKeyRotation: true
                        KeyPolicy: <policy>
                    """,
                    """
                    resource "aws_kms_key" "example" {
                      enable_key_rotation     = true
                      rotation_period_in_days = 365
                    }
                    """),
            List.of("config:BatchGetResourceConfig", "kms:GetKeyRotationStatus"));

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<CheckResult> evaluate(Estate estate) {
        Verdicts v = new Verdicts(METADATA);
        return KmsChecks.eachKey(estate, v, key -> judge(estate, v, key));
    }

    private static CheckResult judge(Estate estate, Verdicts v, Resource key) {
        if (KmsChecks.awsManaged(key)) {
            return v.notApplicable(key, "AWS-managed key: AWS rotates it every year and you cannot change that.");
        }
        String state = key.config("keyState").asText("");
        if (state.startsWith("Pending") && state.contains("Deletion")) {
            return v.notApplicable(key, "The key is scheduled for deletion, so rotation no longer matters (see kms.no_pending_deletion).");
        }
        String notRotatable = whyNotRotatable(key);
        if (notRotatable != null) {
            return v.notApplicable(key, notRotatable);
        }
        Exported exported = Exported.lookup(estate, key.account(), key.region(), "kms", "get-key-rotation-status",
                KmsChecks.keyId(key));
        Boolean enabled = switch (exported) {
            case Exported.Present p -> flag(p.body().path("KeyRotationEnabled"));
            case Exported.Failed f -> null;
            case Exported.Missing m -> flag(key.supplementary("KeyRotationStatus"));
        };
        if (enabled == null) {
            if (exported instanceof Exported.Present) {
                return v.error(key, "The get-key-rotation-status export has no KeyRotationEnabled flag; export it again with `aws kms get-key-rotation-status --key-id "
                        + Verdicts.clip(KmsChecks.keyId(key)) + "`.");
            }
            return v.error(key, Verdicts.unavailableReason(exported));
        }
        if (enabled) {
            JsonNode period = exported instanceof Exported.Present p ? p.body().path("RotationPeriodInDays") : null;
            return v.pass(key, "Automatic key rotation is enabled"
                    + (period != null && period.canConvertToInt() ? " every " + period.asInt() + " days." : "."));
        }
        return v.fail(key, "Automatic key rotation is disabled on this customer-managed key.");
    }

    /** Why the key type cannot rotate automatically, or null when it can. */
    private static String whyNotRotatable(Resource key) {
        String usage = key.config("keyUsage").asText("ENCRYPT_DECRYPT");
        String spec = key.config("keySpec").asText(key.config("customerMasterKeySpec").asText("SYMMETRIC_DEFAULT"));
        String origin = key.config("origin").asText("AWS_KMS");
        if (!usage.equalsIgnoreCase("ENCRYPT_DECRYPT") || !spec.equalsIgnoreCase("SYMMETRIC_DEFAULT")) {
            return "Asymmetric and HMAC keys (" + Verdicts.clip(spec) + ", " + Verdicts.clip(usage)
                    + ") cannot rotate automatically; rotate them by replacing the key.";
        }
        if (!origin.equalsIgnoreCase("AWS_KMS")) {
            return "Keys with " + Verdicts.clip(origin) + " key material cannot rotate automatically; rotate them manually.";
        }
        return null;
    }

    /** A boolean written as JSON true/false or as text; null when absent or anything else. */
    private static Boolean flag(JsonNode node) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual() && (node.asText().equalsIgnoreCase("true") || node.asText().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(node.asText().toLowerCase(Locale.ROOT));
        }
        return null;
    }
}
