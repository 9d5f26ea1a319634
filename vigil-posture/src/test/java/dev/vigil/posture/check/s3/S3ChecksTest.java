package dev.vigil.posture.check.s3;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.EstateFixture;
import dev.vigil.posture.check.PosturePolicy;
import dev.vigil.posture.inventory.Resource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class S3ChecksTest {

    static final String ACCT = "111111111111";
    static final String REGION = "us-east-1";
    static final String ALL_ON = "{\"blockPublicAcls\":true,\"ignorePublicAcls\":true,\"blockPublicPolicy\":true,\"restrictPublicBuckets\":true}";
    /** What Config records for a bucket with nothing special: owner-only ACL, no policy. */
    static final String PLAIN = """
            {"AccessControlList":"{\\"grantList\\":[{\\"grantee\\":{\\"id\\":\\"abc\\",\\"displayName\\":null},\\"permission\\":\\"FullControl\\"}]}",
             "BucketPolicy":{"policyText":null},
             "BucketVersioningConfiguration":{"status":"Off","isMfaDeleteEnabled":null}}""";

    static EstateFixture bucket(String name, String supplementary) {
        return bucket(new EstateFixture(), name, REGION, supplementary);
    }

    static EstateFixture bucket(EstateFixture f, String name, String region, String supplementary) {
        return f.resource(S3Checks.BUCKET, name, ACCT, region, "{\"name\":\"" + name + "\"}", supplementary, Map.of());
    }

    /** Adds fields to the PLAIN supplementary configuration. */
    static String plainWith(String extraFields) {
        return PLAIN.substring(0, PLAIN.lastIndexOf('}')) + "," + extraFields + "}";
    }

    static String policyText(String statements) {
        return "\"BucketPolicy\":{\"policyText\":"
                + TextNode.valueOf("{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}") + "}";
    }

    static CheckResult only(Check check, EstateFixture f) {
        List<CheckResult> results = check.evaluate(f.estate());
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    @Test
    void defaultEncryptionPassesForSseS3AndKmsAndFailsWithoutARule() {
        CheckResult sseS3 = only(new DefaultEncryptionCheck(), bucket("b", plainWith(
                "\"ServerSideEncryptionConfiguration\":{\"rules\":[{\"applyServerSideEncryptionByDefault\":{\"sseAlgorithm\":\"AES256\",\"kmsMasterKeyID\":null}}]}")));
        assertThat(sseS3.status()).isEqualTo(CheckStatus.PASS);
        assertThat(sseS3.reason()).contains("SSE-S3");
        assertThat(sseS3.resource()).isEqualTo("arn:aws:s3:::b");
        assertThat(only(new DefaultEncryptionCheck(), bucket("b", plainWith(
                "\"ServerSideEncryptionConfiguration\":{\"rules\":[{\"applyServerSideEncryptionByDefault\":{\"sseAlgorithm\":\"aws:kms\"}}]}")))
                .reason()).contains("SSE-KMS");
        assertThat(only(new DefaultEncryptionCheck(), bucket("b", PLAIN)).status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void aBucketWithoutSupplementaryConfigurationIsNeverFailed() {
        for (Check check : S3Checks.checks()) {
            if (check instanceof CriticalBucketReplicationCheck) {
                continue;
            }
            CheckResult r = only(check, bucket("b", "{}"));
            assertThat(r.status()).as(check.metadata().id()).isEqualTo(CheckStatus.ERROR);
            assertThat(r.reason()).as(check.metadata().id()).contains("supplementaryConfiguration");
        }
    }

    @Test
    void publicAccessBlockPassesAtBucketOrAccountLevel() {
        assertThat(only(new PublicAccessBlockCheck(), bucket("b", plainWith("\"PublicAccessBlockConfiguration\":" + ALL_ON)))
                .status()).isEqualTo(CheckStatus.PASS);
        CheckResult viaAccount = only(new PublicAccessBlockCheck(), bucket("b", PLAIN)
                .resource("AWS::S3::AccountPublicAccessBlock", ACCT, ACCT, REGION, ALL_ON));
        assertThat(viaAccount.status()).isEqualTo(CheckStatus.PASS);
        assertThat(viaAccount.reason()).contains("account-level");
    }

    @Test
    void publicAccessBlockFailsNamingTheSettingsOffEverywhere() {
        CheckResult r = only(new PublicAccessBlockCheck(), bucket("b", plainWith(
                "\"PublicAccessBlockConfiguration\":{\"blockPublicAcls\":true,\"ignorePublicAcls\":true,\"blockPublicPolicy\":false,\"restrictPublicBuckets\":false}"))
                .export(ACCT, "global", "s3control", "get-public-access-block",
                        "{\"PublicAccessBlockConfiguration\":{\"BlockPublicAcls\":false,\"IgnorePublicAcls\":false,\"BlockPublicPolicy\":true,\"RestrictPublicBuckets\":false}}"));
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.reason()).startsWith("RestrictPublicBuckets off");

        CheckResult none = only(new PublicAccessBlockCheck(), bucket("b", PLAIN).export(ACCT, "global", "s3control",
                "get-public-access-block", "{\"Error\":{\"Code\":\"NoSuchPublicAccessBlockConfiguration\",\"Message\":\"none\"}}"));
        assertThat(none.status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void publicAccessBlockWithUnknownAccountLevelIsAnError() {
        CheckResult r = only(new PublicAccessBlockCheck(), bucket("b", PLAIN));
        assertThat(r.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(r.reason()).contains("s3control.get-public-access-block.json");
    }

    static final String TLS_DENY = """
            {"Sid":"TLS","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":%s,
             "Condition":{"Bool":{"aws:SecureTransport":"false"}}}""";

    @Test
    void tlsOnlyPassesForADenyOnBucketAndObjects() {
        CheckResult r = only(new TlsOnlyCheck(), bucket("b", plainWith(policyText(
                TLS_DENY.formatted("[\"arn:aws:s3:::b\",\"arn:aws:s3:::b/*\"]")))));
        assertThat(r.status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void tlsOnlyFailsForPartialOrAbsentDenies() {
        CheckResult objectsOnly = only(new TlsOnlyCheck(), bucket("b", plainWith(policyText(
                TLS_DENY.formatted("\"arn:aws:s3:::b/*\"")))));
        assertThat(objectsOnly.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(objectsOnly.reason()).contains("partial");
        CheckResult getOnly = only(new TlsOnlyCheck(), bucket("b", plainWith(policyText(
                TLS_DENY.formatted("\"*\"").replace("\"s3:*\"", "\"s3:GetObject\"")))));
        assertThat(getOnly.status()).isEqualTo(CheckStatus.FAIL);
        CheckResult none = only(new TlsOnlyCheck(), bucket("b", PLAIN));
        assertThat(none.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(none.reason()).contains("no policy");
    }

    static final String BOTH = "[\"arn:aws:s3:::b\",\"arn:aws:s3:::b/*\"]";

    @Test
    void tlsOnlyFailsWhenTheDenyIsNarrowedByAnotherConditionOrPrincipal() {
        String extraCondition = TLS_DENY.formatted(BOTH).replace("{\"Bool\":{\"aws:SecureTransport\":\"false\"}}",
                "{\"Bool\":{\"aws:SecureTransport\":\"false\"},\"StringEquals\":{\"aws:SourceVpce\":\"vpce-1a2b3c4d\"}}");
        String patternPrincipal = TLS_DENY.formatted(BOTH).replace("\"Principal\":\"*\"",
                "\"Principal\":{\"AWS\":\"arn:aws:iam::*:role/x\"}");
        String exempting = TLS_DENY.formatted(BOTH).replace("\"Principal\":\"*\"",
                "\"NotPrincipal\":{\"AWS\":\"arn:aws:iam::111111111111:root\"}");
        String notResource = TLS_DENY.formatted(BOTH).replace("\"Resource\":", "\"NotResource\":[\"arn:aws:s3:::b/public/*\"],\"Resource\":");
        for (String statement : List.of(extraCondition, patternPrincipal, exempting, notResource)) {
            CheckResult r = only(new TlsOnlyCheck(), bucket("b", plainWith(policyText(statement))));
            assertThat(r.status()).as(statement).isEqualTo(CheckStatus.FAIL);
            assertThat(r.reason()).as(statement).contains("partial");
        }
        CheckResult awsStar = only(new TlsOnlyCheck(), bucket("b", plainWith(policyText(TLS_DENY.formatted(BOTH)
                .replace("\"Principal\":\"*\"", "\"Principal\":{\"AWS\":\"*\"}")))));
        assertThat(awsStar.status()).isEqualTo(CheckStatus.PASS);
    }

    /** The PLAIN supplementary configuration with its BucketPolicy entry replaced (or removed when null). */
    static String policyEntry(String entry) {
        return PLAIN.replace("\"BucketPolicy\":{\"policyText\":null},", entry == null ? "" : "\"BucketPolicy\":" + entry + ",");
    }

    @Test
    void aPolicyTextThatIsNeitherTextNorAnObjectOrAMissingPolicyEntryIsAnErrorNotNoPolicy() {
        for (String entry : new String[]{"{\"policyText\":[\"x\"]}", "{\"policyText\":42}", "{\"policyText\":true}",
                "\"x\"", null}) {
            for (Check check : List.of(new TlsOnlyCheck(), new NoPublicAccessCheck())) {
                CheckResult r = only(check, bucket("b", policyEntry(entry)));
                assertThat(r.status()).as(check.metadata().id() + " " + entry).isEqualTo(CheckStatus.ERROR);
                assertThat(r.reason()).as(entry).contains("BucketPolicy");
            }
        }
    }

    @Test
    void anAbsentOrUnreadableAclIsAnErrorNotNoGrants() {
        String aclEntry = "\"AccessControlList\":\"{\\\"grantList\\\":[{\\\"grantee\\\":{\\\"id\\\":\\\"abc\\\",\\\"displayName\\\":null},\\\"permission\\\":\\\"FullControl\\\"}]}\",";
        assertThat(PLAIN).contains(aclEntry);
        for (String acl : new String[]{"", "\"AccessControlList\":\"{broken\",", "\"AccessControlList\":null,",
                "\"AccessControlList\":\"{\\\"owner\\\":{}}\",", "\"AccessControlList\":[1],"}) {
            CheckResult r = only(new NoPublicAccessCheck(), bucket("b", PLAIN.replace(aclEntry, acl)));
            assertThat(r.status()).as(acl).isEqualTo(CheckStatus.ERROR);
            assertThat(r.reason()).as(acl).contains("AccessControlList");
        }
        assertThat(only(new NoPublicAccessCheck(), bucket("b", PLAIN)).status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void aPolicyOpenThroughAWildcardSourceArnIsPublic() {
        String wildcard = "{\"Sid\":\"Like\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::b/*\",\"Condition\":{\"StringLike\":{\"aws:SourceArn\":\"arn:aws:*\"}}}";
        CheckResult r = only(new NoPublicAccessCheck(), bucket("b", withPolicy(wildcard))
                .export(ACCT, "global", "s3control", "get-public-access-block",
                        "{\"Error\":{\"Code\":\"NoSuchPublicAccessBlockConfiguration\",\"Message\":\"none\"}}"));
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.reason()).contains("Like");
    }

    @Test
    void anUnreadableBucketPolicyIsAnError() {
        CheckResult r = only(new TlsOnlyCheck(), bucket("b", plainWith("\"BucketPolicy\":{\"policyText\":\"{broken\"}")
                .replace("\"BucketPolicy\":{\"policyText\":null},", "")));
        assertThat(r.status()).isEqualTo(CheckStatus.ERROR);
    }

    static final String PUBLIC_READ = "{\"Sid\":\"PublicRead\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}";

    static String withPolicy(String statements) {
        return PLAIN.replace("\"BucketPolicy\":{\"policyText\":null}", policyText(statements));
    }

    @Test
    void aPublicPolicyWithoutBlocksFails() {
        CheckResult r = only(new NoPublicAccessCheck(), bucket("b", withPolicy(PUBLIC_READ))
                .export(ACCT, "global", "s3control", "get-public-access-block",
                        "{\"PublicAccessBlockConfiguration\":{\"BlockPublicAcls\":true,\"IgnorePublicAcls\":true,\"BlockPublicPolicy\":true,\"RestrictPublicBuckets\":false}}"));
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.reason()).contains("PublicRead").contains("s3:GetObject");
    }

    @Test
    void aPublicPolicyNeutralisedByRestrictPublicBucketsPasses() {
        CheckResult r = only(new NoPublicAccessCheck(), bucket("b", withPolicy(PUBLIC_READ))
                .resource("AWS::S3::AccountPublicAccessBlock", ACCT, ACCT, REGION, ALL_ON));
        assertThat(r.status()).isEqualTo(CheckStatus.PASS);
        assertThat(r.reason()).contains("neutralises");
    }

    @Test
    void aPublicAclGrantFailsAndAnOrgRestrictedPolicyPasses() {
        String publicAcl = PLAIN.replace("{\\\"id\\\":\\\"abc\\\",\\\"displayName\\\":null}", "\\\"AllUsers\\\"")
                .replace("FullControl", "Read");
        CheckResult acl = only(new NoPublicAccessCheck(), bucket("b", publicAcl)
                .export(ACCT, "global", "s3control", "get-public-access-block",
                        "{\"Error\":{\"Code\":\"NoSuchPublicAccessBlockConfiguration\",\"Message\":\"none\"}}"));
        assertThat(acl.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(acl.reason()).contains("Read to AllUsers");

        CheckResult org = only(new NoPublicAccessCheck(), bucket("b", withPolicy(PUBLIC_READ.replace("}",
                ",\"Condition\":{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-abc123\"}}}"))));
        assertThat(org.status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void aPublicGrantWithUnknownAccountBlockIsAnError() {
        CheckResult r = only(new NoPublicAccessCheck(), bucket("b", withPolicy(PUBLIC_READ)));
        assertThat(r.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(r.reason()).contains("s3control");
    }

    static PosturePolicy critical(Set<String> names, String tag) {
        PosturePolicy d = PosturePolicy.defaults();
        return new PosturePolicy(d.logArchiveAccount(), d.securityAccount(), d.enabledRegions(), d.allowedRegions(),
                names, tag, d.dataEventBuckets(), d.expectedScps(), d.trailDeliveryMaxAge(), d.rootUseWindow(),
                d.minBackupRetentionDays(), d.requiredGuardDutyFeatures());
    }

    static String replicatingTo(String destination, String status) {
        return plainWith("\"BucketReplicationConfiguration\":{\"roleARN\":\"arn:aws:iam::111111111111:role/r\",\"rules\":{\"r1\":"
                + "{\"status\":\"" + status + "\",\"prefix\":\"\",\"destinationConfig\":{\"bucketARN\":\"arn:aws:s3:::" + destination + "\"}}}}");
    }

    static List<CheckResult> replication(EstateFixture f) {
        return new CriticalBucketReplicationCheck().evaluate(f.estate());
    }

    static CheckResult about(List<CheckResult> results, String bucket) {
        return results.stream().filter(r -> r.resource().equals("arn:aws:s3:::" + bucket)).findFirst().orElseThrow();
    }

    @Test
    void aCriticalBucketReplicatingToAnotherRegionPasses() {
        EstateFixture f = bucket(new EstateFixture(), "data", REGION, replicatingTo("replica", "Enabled"));
        bucket(f, "replica", "eu-west-1", PLAIN).policy(critical(Set.of("data"), ""));
        List<CheckResult> results = replication(f);
        assertThat(results).hasSize(1);
        assertThat(about(results, "data").status()).isEqualTo(CheckStatus.PASS);
        assertThat(about(results, "data").reason()).contains("eu-west-1");
    }

    @Test
    void aCriticalBucketReplicatingWithinItsRegionOrNotAtAllFails() {
        EstateFixture same = bucket(new EstateFixture(), "data", REGION, replicatingTo("replica", "Enabled"));
        bucket(same, "replica", REGION, PLAIN).policy(critical(Set.of("data"), ""));
        assertThat(about(replication(same), "data").status()).isEqualTo(CheckStatus.FAIL);

        EstateFixture disabled = bucket(new EstateFixture(), "data", REGION, replicatingTo("replica", "Disabled"));
        bucket(disabled, "replica", "eu-west-1", PLAIN).policy(critical(Set.of("data"), ""));
        assertThat(about(replication(disabled), "data").reason()).contains("disabled");

        EstateFixture tagged = new EstateFixture().resource(S3Checks.BUCKET, "ledger", ACCT, REGION,
                "{\"name\":\"ledger\"}", PLAIN, Map.of("tier", "critical")).policy(critical(Set.of(), "tier=critical"));
        CheckResult r = about(replication(tagged), "ledger");
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.reason()).contains("no replication");
    }

    @Test
    void anUnknownDestinationOrAMissingCriticalBucketIsAnError() {
        EstateFixture f = bucket(new EstateFixture(), "data", REGION, replicatingTo("elsewhere", "Enabled"))
                .policy(critical(Set.of("data", "ghost"), ""));
        List<CheckResult> results = replication(f);
        assertThat(about(results, "data").status()).isEqualTo(CheckStatus.ERROR);
        assertThat(about(results, "data").reason()).contains("elsewhere");
        assertThat(about(results, "ghost").status()).isEqualTo(CheckStatus.ERROR);
    }

    static Resource deletedBucket(String name, String region, Instant captured) {
        return new Resource(S3Checks.BUCKET, name, name, "arn:aws:s3:::" + name, ACCT, region, "ResourceDeleted",
                captured, Map.of(), EstateFixture.json("null"), EstateFixture.json("{}"), List.of(), "fixture");
    }

    @Test
    void aCriticalBucketReplicatingToADeletedBucketFails() {
        EstateFixture f = bucket(new EstateFixture(), "data", REGION, replicatingTo("replica", "Enabled"))
                .resource(deletedBucket("replica", "eu-west-1", EstateFixture.NOW.minusSeconds(60)))
                .policy(critical(Set.of("data"), ""));
        CheckResult r = about(replication(f), "data");
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.reason()).contains("destination bucket was deleted");
    }

    @Test
    void aDestinationDeletedInOneRegionAndRecreatedInAnotherIsJudgedByTheLiveBucket() {
        // deleted in eu-west-1 after the live one was captured in us-east-1 (same region as the source)
        EstateFixture f = bucket(new EstateFixture(), "data", REGION, replicatingTo("replica", "Enabled"));
        bucket(f, "replica", REGION, PLAIN)
                .resource(deletedBucket("replica", "eu-west-1", EstateFixture.NOW.minusSeconds(60)))
                .policy(critical(Set.of("data"), ""));
        CheckResult r = about(replication(f), "data");
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.reason()).contains("stays in " + REGION);

        // recreated in eu-west-1 after being deleted in us-east-1 (the deleted capture is the latest)
        EstateFixture g = bucket(new EstateFixture(), "data", REGION, replicatingTo("replica", "Enabled"));
        bucket(g, "replica", "eu-west-1", PLAIN)
                .resource(deletedBucket("replica", REGION, EstateFixture.NOW.minusSeconds(60)))
                .policy(critical(Set.of("data"), ""));
        CheckResult live = about(replication(g), "data");
        assertThat(live.status()).isEqualTo(CheckStatus.PASS);
        assertThat(live.reason()).contains("eu-west-1");
    }

    @Test
    void withoutCriticalBucketsDeclaredReplicationIsNotApplicable() {
        List<CheckResult> results = replication(bucket("data", PLAIN));
        assertThat(results).extracting(CheckResult::status).containsExactly(CheckStatus.NOT_APPLICABLE);
        assertThat(results.get(0).reason()).contains("critical-buckets");
    }
}
