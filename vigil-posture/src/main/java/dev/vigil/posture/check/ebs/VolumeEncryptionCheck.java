package dev.vigil.posture.check.ebs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.Severity;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckMetadata;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.Remediation;
import dev.vigil.posture.check.Verdicts;
import dev.vigil.posture.inventory.Resource;

import java.util.List;

/** ebs.volume_encryption: every EBS volume is encrypted ({@code configuration.encrypted}). */
final class VolumeEncryptionCheck implements Check {

    static final CheckMetadata METADATA = new CheckMetadata(
            "ebs.volume_encryption",
            "EBS volumes are encrypted",
            "Encryption", Severity.MEDIUM, EbsChecks.VOLUME,
            "An encrypted volume protects data at rest, its snapshots and the data moving between the instance and "
                    + "the storage. Unencrypted snapshots can be shared or copied out of the account without a key "
                    + "policy standing in the way.",
            new Remediation("Volumes cannot be encrypted in place: snapshot the volume, copy the snapshot with "
                    + "encryption, create a volume from it and swap it in; then turn on encryption by default.",
                    """
                    aws ec2 create-snapshot --volume-id <volume-id>
                    aws ec2 copy-snapshot --source-region <region> --source-snapshot-id <snapshot-id> --encrypted --kms-key-id <key-arn>
                    aws ec2 create-volume --snapshot-id <encrypted-snapshot-id> --availability-zone <az>
                    """,
                    """
                    Volume:
                      Type: AWS::EC2::Volume
                      Properties:
                        AvailabilityZone: <az>
                        Size: 100
                        Encrypted: true
                        KmsKeyId: <key-arn>
                    """,
                    """
                    resource "aws_ebs_volume" "example" {
                      availability_zone = "<az>"
                      size              = 100
                      encrypted         = true
                      kms_key_id        = aws_kms_key.ebs.arn
                    }
                    """),
            List.of("config:BatchGetResourceConfig", "ec2:DescribeVolumes"));

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<CheckResult> evaluate(Estate estate) {
        Verdicts v = new Verdicts(METADATA);
        return EbsChecks.eachVolume(estate, v, volume -> judge(v, volume));
    }

    private static CheckResult judge(Verdicts v, Resource volume) {
        JsonNode encrypted = volume.config("encrypted");
        if (!encrypted.isBoolean()) {
            return v.error(volume, "The volume's Config item has no encrypted flag; re-record it or export `aws ec2 describe-volumes`.");
        }
        return encrypted.booleanValue()
                ? v.pass(volume, "The volume is encrypted.")
                : v.fail(volume, "The volume is not encrypted.");
    }
}
