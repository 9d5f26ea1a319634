package dev.vigil.posture.check.s3;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.Severity;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckMetadata;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.PolicyExposure;
import dev.vigil.posture.check.Remediation;
import dev.vigil.posture.check.Verdicts;
import dev.vigil.posture.inventory.PolicyDocuments;
import dev.vigil.posture.inventory.Resource;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * s3.tls_only: the bucket policy denies every request made without TLS. What counts: a Deny statement for every
 * principal ({@code "*"} or {@code {"AWS":"*"}}) with {@code Bool} (or {@code BoolIfExists})
 * {@code aws:SecureTransport = false} as its only condition, whose actions cover reading and writing objects
 * ({@code s3:*}, {@code s3:GetObject} and {@code s3:PutObject}…) and whose resources cover both the bucket and its
 * objects.
 *
 * <p>A statement that denies insecure transport but is narrowed is partial and FAILs: another condition key (the Deny
 * then applies only when both hold, e.g. only outside one VPC endpoint), a principal other than everyone
 * ({@code arn:aws:iam::*:role/x} denies only roles named x), or {@code NotPrincipal}, {@code NotAction},
 * {@code NotResource} (which exempt what they list). A separate {@code s3:TlsVersion} Deny is not a substitute and is
 * not read.
 */
final class TlsOnlyCheck implements Check {

    static final CheckMetadata METADATA = new CheckMetadata(
            "s3.tls_only",
            "S3 bucket policies deny requests that do not use TLS",
            "Exposure", Severity.MEDIUM, S3Checks.BUCKET,
            "S3 accepts plain HTTP unless the bucket policy refuses it. Denying requests where aws:SecureTransport "
                    + "is false guarantees that data and credentials-signed requests for the bucket only travel encrypted.",
            new Remediation("Add a statement that denies s3:* to every principal on the bucket and its objects when "
                    + "aws:SecureTransport is false.",
                    """
                    aws s3api put-bucket-policy --bucket <bucket> --policy '{"Version":"2012-10-17","Statement":[{"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::<bucket>","arn:aws:s3:::<bucket>/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}'
                    """,
                    """
                    BucketPolicy:
                      Type: AWS::S3::BucketPolicy
                      Properties:
                        Bucket: !Ref Bucket
                        PolicyDocument:
                          Statement:
                            - Sid: DenyInsecureTransport
                              Effect: Deny
                              Principal: "*"
                              Action: "s3:*"
                              Resource: [!GetAtt Bucket.Arn, !Sub "${Bucket.Arn}/*"]
                              Condition: { Bool: { "aws:SecureTransport": "false" } }
                    """,
                    ""),
            List.of("config:BatchGetResourceConfig", "s3:GetBucketPolicy"));

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<CheckResult> evaluate(Estate estate) {
        Verdicts v = new Verdicts(METADATA);
        return S3Checks.eachBucket(estate, v, bucket -> judge(v, bucket));
    }

    private static CheckResult judge(Verdicts v, Resource bucket) {
        if (!S3Checks.hasSupplementary(bucket)) {
            return v.error(bucket, S3Checks.noSupplementary());
        }
        if (S3Checks.unreadablePolicy(bucket)) {
            return v.error(bucket, S3Checks.unreadablePolicyReason());
        }
        Optional<JsonNode> policy = S3Checks.policy(bucket);
        if (policy.isEmpty()) {
            return v.fail(bucket, "The bucket has no policy, so S3 accepts requests over plain HTTP.");
        }
        String name = S3Checks.name(bucket);
        boolean partial = false;
        for (JsonNode s : PolicyDocuments.statements(policy.get())) {
            if (!deniesInsecureTransport(s)) {
                continue;
            }
            List<String> actions = PolicyDocuments.strings(s.path("Action"));
            boolean objectActions = covers(actions, "s3:GetObject") && covers(actions, "s3:PutObject");
            List<String> resources = PolicyDocuments.strings(s.path("Resource"));
            boolean bucketArn = resources.stream().anyMatch(r -> PolicyExposure.resourceMatches(r, "arn:aws:s3:::" + name));
            boolean objects = resources.stream().anyMatch(r -> PolicyExposure.resourceMatches(r, "arn:aws:s3:::" + name + "/any-key"));
            if (objectActions && bucketArn && objects && !narrowed(s)) {
                return v.pass(bucket, "The bucket policy denies all requests that do not use TLS.");
            }
            partial = true;
        }
        return v.fail(bucket, partial
                ? "The bucket policy's Deny for non-TLS requests is partial (some actions, resources or principals, or "
                        + "an extra condition); deny s3:* on the bucket and its objects to Principal \"*\" with only "
                        + "aws:SecureTransport false as the condition."
                : "The bucket policy has no Deny for requests where aws:SecureTransport is false.");
    }

    /** A Deny statement that names aws:SecureTransport false in a Bool condition, whether or not it is narrowed. */
    private static boolean deniesInsecureTransport(JsonNode s) {
        if (!PolicyExposure.isEffect(s, "Deny")) {
            return false;
        }
        for (Map.Entry<String, JsonNode> op : s.path("Condition").properties()) {
            for (Map.Entry<String, JsonNode> key : op.getValue().properties()) {
                if (isInsecureTransportTest(op.getKey(), key.getKey(), key.getValue())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * True when the Deny does not reach every principal and request: a principal other than everyone, an exempting
     * {@code Not…} element, or any condition besides aws:SecureTransport false (conditions are ANDed, so each extra
     * one shrinks the set of requests denied).
     */
    private static boolean narrowed(JsonNode s) {
        if (!everyone(s.path("Principal")) || s.has("NotPrincipal") || s.has("NotAction") || s.has("NotResource")) {
            return true;
        }
        for (Map.Entry<String, JsonNode> op : s.path("Condition").properties()) {
            if (!op.getValue().isObject() || op.getValue().isEmpty()) {
                return true;
            }
            for (Map.Entry<String, JsonNode> key : op.getValue().properties()) {
                if (!isInsecureTransportTest(op.getKey(), key.getKey(), key.getValue())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isInsecureTransportTest(String operator, String key, JsonNode values) {
        String op = operator.toLowerCase(Locale.ROOT);
        return (op.equals("bool") || op.equals("boolifexists")) && key.equalsIgnoreCase("aws:SecureTransport")
                && PolicyExposure.conditionValues(values).stream().anyMatch(x -> x.strip().equalsIgnoreCase("false"));
    }

    /** {@code "*"} or {@code {"AWS":"*"}} (also as a one-element list): every caller, not a pattern of them. */
    private static boolean everyone(JsonNode principal) {
        if (principal.isTextual()) {
            return principal.asText().strip().equals("*");
        }
        for (Map.Entry<String, JsonNode> e : principal.properties()) {
            if (e.getKey().equalsIgnoreCase("AWS")
                    && PolicyDocuments.strings(e.getValue()).stream().anyMatch(p -> p.strip().equals("*"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean covers(List<String> patterns, String action) {
        return patterns.stream().anyMatch(p -> PolicyExposure.actionMatches(p, action));
    }
}
