package dev.vigil.posture.check.s3;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.Severity;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckMetadata;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.Remediation;
import dev.vigil.posture.check.Verdicts;
import dev.vigil.posture.inventory.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * s3.no_public_access: nothing grants the public access to the bucket that Block Public Access leaves in force.
 *
 * <p>Two routes make a bucket public: a policy statement allowing any principal with no restricting condition
 * (neutralised by RestrictPublicBuckets, at bucket or account level) and an ACL grant to the AllUsers or
 * AuthenticatedUsers groups (neutralised by IgnorePublicAcls). The account-level block is read only when the
 * bucket's own block does not already neutralise what was found.
 */
final class NoPublicAccessCheck implements Check {

    static final CheckMetadata METADATA = new CheckMetadata(
            "s3.no_public_access",
            "No S3 bucket is readable or writable by the public",
            "Exposure", Severity.CRITICAL, S3Checks.BUCKET,
            "A bucket policy open to \"*\" or an ACL grant to AllUsers or AuthenticatedUsers lets anyone on the "
                    + "internet (or any AWS customer) reach the bucket's data. Public data leaks through S3 remain "
                    + "among the most common cloud breaches.",
            new Remediation("Remove the public statements or ACL grants, or turn on Block Public Access "
                    + "(RestrictPublicBuckets and IgnorePublicAcls) for the bucket or the account.",
                    """
                    aws s3api put-public-access-block --bucket <bucket> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true
                    aws s3api put-bucket-acl --bucket <bucket> --acl private
                    """,
                    """
                    Bucket:
                      Type: AWS::S3::Bucket
                      Properties:
                        OwnershipControls:
                          Rules: [{ ObjectOwnership: BucketOwnerEnforced }]
                        PublicAccessBlockConfiguration:
                          BlockPublicAcls: true
                          IgnorePublicAcls: true
                          BlockPublicPolicy: true
                          RestrictPublicBuckets: true
                    """,
                    """
                    resource "aws_s3_bucket_public_access_block" "example" {
                      bucket                  = aws_s3_bucket.example.id
                      block_public_acls       = true
                      ignore_public_acls      = true
                      block_public_policy     = true
                      restrict_public_buckets = true
                    }
                    """),
            List.of("config:BatchGetResourceConfig", "s3:GetBucketPolicy", "s3:GetBucketAcl",
                    "s3:GetBucketPublicAccessBlock", "s3:GetAccountPublicAccessBlock"));

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<CheckResult> evaluate(Estate estate) {
        Verdicts v = new Verdicts(METADATA);
        return S3Checks.eachBucket(estate, v, bucket -> {
            BucketPublicity.Verdict verdict = BucketPublicity.of(estate, bucket);
            return v.of(verdict.status(), bucket, verdict.reason());
        });
    }

    /** ACL grants to the AllUsers or AuthenticatedUsers groups, as "Read to AllUsers". */
    static List<String> publicAclGrants(Resource bucket) {
        List<String> out = new ArrayList<>();
        Optional<JsonNode> acl = S3Checks.acl(bucket);
        if (acl.isEmpty()) {
            return out;
        }
        JsonNode grants = acl.get().path("grantList").isArray() ? acl.get().path("grantList") : acl.get().path("grantSet");
        for (JsonNode grant : grants) {
            String group = publicGroup(grant.path("grantee"));
            if (group != null) {
                out.add(Verdicts.clip(grant.path("permission").asText("access")) + " to " + group);
            }
        }
        return out;
    }

    /** "AllUsers" or "AuthenticatedUsers" when the grantee (a name, a URI, or an object holding either) is one. */
    private static String publicGroup(JsonNode grantee) {
        List<String> texts = new ArrayList<>();
        if (grantee.isTextual()) {
            texts.add(grantee.asText());
        } else if (grantee.isObject()) {
            grantee.forEach(value -> { if (value.isTextual()) texts.add(value.asText()); });
        }
        for (String text : texts) {
            if (text.equals("AllUsers") || text.endsWith("/global/AllUsers")) {
                return "AllUsers";
            }
            if (text.equals("AuthenticatedUsers") || text.endsWith("/global/AuthenticatedUsers")) {
                return "AuthenticatedUsers";
            }
        }
        return null;
    }
}
