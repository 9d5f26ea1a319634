package dev.vigil.posture.check.ebs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.Severity;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckMetadata;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.Exported;
import dev.vigil.posture.check.Remediation;
import dev.vigil.posture.check.Verdicts;

import java.util.ArrayList;
import java.util.List;

/**
 * ebs.default_encryption: EBS encryption by default is on in every enabled region of every account. Config does not
 * record this account setting; it comes from the {@code ec2 get-ebs-encryption-by-default} export per region.
 */
final class EbsDefaultEncryptionCheck implements Check {

    static final CheckMetadata METADATA = new CheckMetadata(
            "ebs.default_encryption",
            "EBS encryption by default is on in every enabled region",
            "Encryption", Severity.MEDIUM, Verdicts.ACCOUNT,
            "With encryption by default, every new volume and snapshot copy in the region is encrypted, whoever "
                    + "creates it and whatever tool they use, so unencrypted volumes stop appearing.",
            new Remediation("Turn on EBS encryption by default in each region (optionally choosing the default KMS key).",
                    """
                    aws ec2 enable-ebs-encryption-by-default --region <region>
                    aws ec2 modify-ebs-default-kms-key-id --kms-key-id <key-arn> --region <region>
                    """,
                    "",
                    """
                    resource "aws_ebs_encryption_by_default" "this" {
                      enabled = true
                    }
                    """),
            List.of("ec2:GetEbsEncryptionByDefault"));

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<CheckResult> evaluate(Estate estate) {
        Verdicts v = new Verdicts(METADATA);
        List<CheckResult> out = new ArrayList<>();
        for (String account : estate.accounts()) {
            for (String region : estate.enabledRegions(account)) {
                Exported exported = Exported.lookup(estate, account, region, "ec2", "get-ebs-encryption-by-default");
                if (!(exported instanceof Exported.Present p)) {
                    out.add(v.unavailable(account, region, exported));
                    continue;
                }
                JsonNode flag = p.body().path("EbsEncryptionByDefault");
                if (!flag.isBoolean()) {
                    out.add(v.scope(CheckStatus.ERROR, account, region, "The get-ebs-encryption-by-default export has "
                            + "no EbsEncryptionByDefault flag; export it again with `aws ec2 get-ebs-encryption-by-default --region " + region + "`."));
                } else if (flag.booleanValue()) {
                    out.add(v.scope(CheckStatus.PASS, account, region, "EBS encryption by default is on."));
                } else {
                    out.add(v.scope(CheckStatus.FAIL, account, region, "EBS encryption by default is off, so new volumes may be unencrypted."));
                }
            }
        }
        return out;
    }
}
