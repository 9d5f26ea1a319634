package dev.vigil.posture.check.kms;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.Severity;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckMetadata;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.Exported;
import dev.vigil.posture.check.PolicyExposure;
import dev.vigil.posture.check.Remediation;
import dev.vigil.posture.check.Verdicts;
import dev.vigil.posture.inventory.PolicyDocuments;
import dev.vigil.posture.inventory.Resource;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * kms.no_public_key_policy: no customer-managed key policy allows any principal without a restricting condition.
 * Config does not record key policies, so this reads the {@code kms get-key-policy.<KeyId>} export (the CLI prints
 * {@code {"Policy": "<policy JSON as a string>"}}).
 */
final class NoPublicKeyPolicyCheck implements Check {

    static final CheckMetadata METADATA = new CheckMetadata(
            "kms.no_public_key_policy",
            "No KMS key policy grants access to everyone",
            "Exposure", Severity.CRITICAL, KmsChecks.KEY,
            "A key policy is the primary control over a KMS key. A statement that allows \"*\" without a condition "
                    + "naming the organisation or the calling accounts lets any AWS account use or manage the key, "
                    + "and with it decrypt whatever the key protects.",
            new Remediation("Replace the wildcard principal with the accounts or roles that need the key, or add a "
                    + "condition such as aws:PrincipalOrgID or kms:CallerAccount.",
                    """
                    aws kms get-key-policy --key-id <key-id> --policy-name default --query Policy --output text > policy.json
                    # edit policy.json: restrict Principal "*" statements, then
                    aws kms put-key-policy --key-id <key-id> --policy-name default --policy file://policy.json
                    """,
                    """
                    Key:
                      Type: AWS::KMS::Key
                      Properties:
                        KeyPolicy:
                          Version: "2012-10-17"
                          Statement:
                            - Sid: AccountAdmin
                              Effect: Allow
                              Principal: { AWS: !Sub "arn:aws:iam::${AWS::AccountId}:root" }
                              Action: "kms:*"
                              Resource: "*"
                    """,
                    ""),
            List.of("config:BatchGetResourceConfig", "kms:GetKeyPolicy"));

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
            return v.notApplicable(key, "AWS-managed key: AWS writes its policy, which only its service can use for your account.");
        }
        Exported exported = Exported.lookup(estate, key.account(), key.region(), "kms", "get-key-policy",
                KmsChecks.keyId(key));
        if (!(exported instanceof Exported.Present present)) {
            return v.error(key, Verdicts.unavailableReason(exported));
        }
        Optional<JsonNode> policy = PolicyDocuments.parse(present.body().path("Policy"));
        if (policy.isEmpty()) {
            return v.error(key, "The get-key-policy export holds no readable Policy document; export it again with `aws kms get-key-policy --key-id "
                    + Verdicts.clip(KmsChecks.keyId(key)) + " --policy-name default`.");
        }
        List<PolicyExposure.PublicGrant> grants = PolicyExposure.publicGrants(policy.get());
        if (!grants.isEmpty()) {
            return v.fail(key, "The key policy's " + grants.stream().map(PolicyExposure.PublicGrant::describe)
                    .collect(Collectors.joining("; ")) + ", with no condition limiting the caller's account or organisation.");
        }
        return v.pass(key, "No key policy statement allows access to everyone.");
    }
}
