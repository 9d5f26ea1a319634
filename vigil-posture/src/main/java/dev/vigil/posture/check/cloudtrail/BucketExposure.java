package dev.vigil.posture.check.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.inventory.PolicyDocuments;
import dev.vigil.posture.inventory.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a bucket can be read by the public, from its Config item: the bucket policy, the ACL and the public
 * access blocks (the bucket's own and the account's, from AWS::S3::AccountPublicAccessBlock or an exported
 * {@code s3control get-public-access-block}).
 */
final class BucketExposure {

    /** The public routes found, and whether the data was there to look. */
    record Finding(List<String> publicRoutes, boolean blocked, boolean dataPresent) {
    }

    private BucketExposure() {
    }

    static Finding of(Resource bucket, Estate estate) {
        boolean restrictPolicy = blockFlag(bucket.supplementary("PublicAccessBlockConfiguration"), "restrictPublicBuckets")
                || accountBlock(bucket.account(), estate, "restrictPublicBuckets");
        boolean ignoreAcls = blockFlag(bucket.supplementary("PublicAccessBlockConfiguration"), "ignorePublicAcls")
                || accountBlock(bucket.account(), estate, "ignorePublicAcls");
        JsonNode policyNode = bucket.supplementary("BucketPolicy");
        JsonNode aclNode = bucket.supplementary("AccessControlList");
        boolean dataPresent = !policyNode.isMissingNode() || !aclNode.isMissingNode()
                || !bucket.supplementary("PublicAccessBlockConfiguration").isMissingNode();
        List<String> routes = new ArrayList<>();
        if (!restrictPolicy && publicPolicy(policyNode.path("policyText"))) {
            routes.add("its bucket policy allows any principal without a condition");
        }
        if (!ignoreAcls && publicAcl(aclNode)) {
            routes.add("its ACL grants access to AllUsers or AuthenticatedUsers");
        }
        return new Finding(routes, restrictPolicy && ignoreAcls, dataPresent);
    }

    /** A bucket-level (camelCase, Config) or account-level (PascalCase, s3control) flag. */
    private static boolean blockFlag(JsonNode block, String camel) {
        String pascal = Character.toUpperCase(camel.charAt(0)) + camel.substring(1);
        return Trail.flag(block.path(camel)) || Trail.flag(block.path(pascal));
    }

    private static boolean accountBlock(String account, Estate estate, String flag) {
        boolean fromConfig = estate.inventory().ofType("AWS::S3::AccountPublicAccessBlock", account)
                .anyMatch(r -> blockFlag(r.configuration(), flag));
        boolean fromExport = estate.supplements().get(account, "global", "s3control", "get-public-access-block")
                .map(b -> blockFlag(b.path("PublicAccessBlockConfiguration"), flag)).orElse(false);
        return fromConfig || fromExport;
    }

    /** An Allow statement for {@code *} (or AWS {@code *}) with no Condition makes the bucket public. */
    private static boolean publicPolicy(JsonNode policyText) {
        Optional<JsonNode> doc = PolicyDocuments.parse(policyText);
        if (doc.isEmpty()) {
            return false;
        }
        for (JsonNode s : PolicyDocuments.statements(doc.get())) {
            if (!Trail.text(s.path("Effect")).equals("Allow") || s.path("Condition").size() > 0) {
                continue;
            }
            JsonNode principal = s.path("Principal");
            if (Trail.text(principal).equals("*") || PolicyDocuments.strings(principal.path("AWS")).contains("*")) {
                return true;
            }
        }
        return false;
    }

    /** Config writes the ACL as a JSON string; group grantees appear as the strings AllUsers / AuthenticatedUsers. */
    private static boolean publicAcl(JsonNode acl) {
        JsonNode parsed = acl;
        if (acl.isTextual()) {
            parsed = PolicyDocuments.parse(acl.asText()).orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance());
        }
        for (JsonNode grant : parsed.path("grantList")) {
            JsonNode grantee = grant.path("grantee");
            String text = Trail.text(grantee) + " " + Trail.text(grantee.path("uri")) + " " + Trail.text(grantee.path("URI"));
            if (text.contains("AllUsers") || text.contains("AuthenticatedUsers")) {
                return true;
            }
        }
        return false;
    }
}
