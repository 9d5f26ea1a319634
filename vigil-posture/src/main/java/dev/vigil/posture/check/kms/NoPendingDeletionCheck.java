package dev.vigil.posture.check.kms;

import dev.vigil.model.Severity;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckMetadata;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.Remediation;
import dev.vigil.posture.check.Verdicts;
import dev.vigil.posture.inventory.Resource;

import java.util.List;

/**
 * kms.no_pending_deletion: no KMS key is scheduled for deletion. A deleted key makes every ciphertext under it
 * unreadable for good, so a scheduled deletion is either a mistake to cancel or an attacker's ransom move; the
 * waiting period is the only window to stop it.
 */
final class NoPendingDeletionCheck implements Check {

    static final CheckMetadata METADATA = new CheckMetadata(
            "kms.no_pending_deletion",
            "No KMS key is scheduled for deletion",
            "Encryption", Severity.HIGH, KmsChecks.KEY,
            "Deleting a KMS key destroys its key material: data encrypted under it can never be decrypted again. "
                    + "KMS waits 7 to 30 days before deleting, and that window is the only chance to confirm the "
                    + "deletion was intended, not a mistake or an attacker holding data to ransom.",
            new Remediation("Confirm with the key's owner; if the deletion was not intended, cancel it and re-enable the key.",
                    """
                    aws kms cancel-key-deletion --key-id <key-id>
                    aws kms enable-key --key-id <key-id>
                    """,
                    """
                    # Keep keys from being deleted with their stack:
                    Key:
                      Type: AWS::KMS::Key
                      DeletionPolicy: Retain
                      UpdateReplacePolicy: Retain
                    """,
                    """
                    resource "aws_kms_key" "example" {
                      deletion_window_in_days = 30
                      lifecycle { prevent_destroy = true }
                    }
                    """),
            List.of("config:BatchGetResourceConfig", "kms:DescribeKey"));

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<CheckResult> evaluate(Estate estate) {
        Verdicts v = new Verdicts(METADATA);
        return KmsChecks.eachKey(estate, v, key -> judge(v, key));
    }

    private static CheckResult judge(Verdicts v, Resource key) {
        String state = key.config("keyState").asText("");
        if (state.isBlank()) {
            return v.error(key, "The Config item has no keyState; re-record the key or export `aws kms describe-key`.");
        }
        if (state.equalsIgnoreCase("PendingDeletion") || state.equalsIgnoreCase("PendingReplicaDeletion")) {
            String date = key.config("deletionDate").asText("");
            return v.fail(key, "The key is " + Verdicts.clip(state) + (date.isBlank()
                    ? " (deletion date not recorded)" : " and will be deleted on " + Verdicts.clip(date))
                    + "; cancel it unless the deletion is intended.");
        }
        return v.pass(key, "The key is " + Verdicts.clip(state) + ", not scheduled for deletion.");
    }
}
