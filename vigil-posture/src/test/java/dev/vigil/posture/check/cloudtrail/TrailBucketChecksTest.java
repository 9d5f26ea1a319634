package dev.vigil.posture.check.cloudtrail;

import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.EstateFixture;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static dev.vigil.posture.check.cloudtrail.TrailFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** centralised_archive and the trail bucket checks, judged from the bucket's Config item. */
class TrailBucketChecksTest {

    static EstateFixture withBucket(String account, String supplementary) {
        return orgTrail("").resource("AWS::S3::Bucket", "trail-logs", account, "us-east-1",
                "{\"name\":\"trail-logs\"}", supplementary, Map.of());
    }

    static final String PRIVATE = """
            {"AccessControlList":"{\\"grantSet\\":null,\\"grantList\\":[{\\"grantee\\":{\\"id\\":\\"abc\\",\\"displayName\\":null},\\"permission\\":\\"FullControl\\"}],\\"owner\\":{\\"id\\":\\"abc\\"},\\"isRequesterCharged\\":false}",
             "BucketPolicy":{"policyText":"{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Principal\\":{\\"Service\\":\\"cloudtrail.amazonaws.com\\"},\\"Action\\":\\"s3:PutObject\\",\\"Resource\\":\\"arn:aws:s3:::trail-logs/*\\"}]}"},
             "BucketLoggingConfiguration":{"destinationBucketName":"access-logs","logFilePrefix":"trail/"},
             "BucketVersioningConfiguration":{"status":"Enabled","isMfaDeleteEnabled":true}}""";

    static final String EXPOSED = """
            {"AccessControlList":"{\\"grantList\\":[{\\"grantee\\":\\"AllUsers\\",\\"permission\\":\\"Read\\"}]}",
             "BucketPolicy":{"policyText":"{\\"Statement\\":{\\"Effect\\":\\"Allow\\",\\"Principal\\":\\"*\\",\\"Action\\":\\"s3:GetObject\\",\\"Resource\\":\\"arn:aws:s3:::trail-logs/*\\"}}"},
             "BucketLoggingConfiguration":{"destinationBucketName":null,"logFilePrefix":null},
             "BucketVersioningConfiguration":{"status":"Enabled","isMfaDeleteEnabled":null}}""";

    @Test
    void centralisedArchivePassesWhenTheBucketIsInTheLogArchiveAccount() {
        CheckResult r = only(new CentralisedArchiveCheck().evaluate(withBucket(ARCHIVE, PRIVATE)
                .policy(policy(ARCHIVE, Set.of(), Duration.ofHours(24))).estate()).stream()
                .filter(x -> x.account().equals(MGMT)).toList());
        assertThat(r.status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void centralisedArchiveFailsForABucketInTheTrailsOwnAccountOrNotAmongTheArchiveBuckets() {
        CheckResult own = new CentralisedArchiveCheck().evaluate(withBucket(MGMT, PRIVATE)
                .policy(policy(ARCHIVE, Set.of(), Duration.ofHours(24))).estate()).get(0);
        assertThat(own.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(own.reason()).contains("in account 111111111111", ARCHIVE);

        CheckResult elsewhere = only(new CentralisedArchiveCheck().evaluate(orgTrail("")
                .resource("AWS::S3::Bucket", "other", ARCHIVE, "us-east-1", "{}")
                .policy(policy(ARCHIVE, Set.of(), Duration.ofHours(24))).estate()).stream()
                .filter(x -> x.account().equals(MGMT)).toList());
        assertThat(elsewhere.status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void centralisedArchiveIsManualWithoutAPolicyAndAnErrorWithoutTheArchiveInventory() {
        assertThat(only(new CentralisedArchiveCheck().evaluate(orgTrail("").estate())).status())
                .isEqualTo(CheckStatus.MANUAL);
        CheckResult unknown = only(new CentralisedArchiveCheck().evaluate(orgTrail("")
                .policy(policy(ARCHIVE, Set.of(), Duration.ofHours(24))).estate()));
        assertThat(unknown.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(unknown.reason()).contains("Config snapshot");
    }

    @Test
    void aPrivateBucketPassesAndAPublicPolicyOrAclFails() {
        assertThat(trailResult(new BucketNotPublicCheck(), withBucket(MGMT, PRIVATE)).status()).isEqualTo(CheckStatus.PASS);
        CheckResult exposed = trailResult(new BucketNotPublicCheck(), withBucket(MGMT, EXPOSED)
                .export(MGMT, "global", "s3control", "get-public-access-block", """
                        {"PublicAccessBlockConfiguration":{"BlockPublicAcls":false,"IgnorePublicAcls":false,
                         "BlockPublicPolicy":false,"RestrictPublicBuckets":false}}"""));
        assertThat(exposed.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(exposed.reason()).contains("bucket policy", "ACL");
        // public grants and an unknown account-level block: whether the block neutralises them is not known
        CheckResult unknown = trailResult(new BucketNotPublicCheck(), withBucket(MGMT, EXPOSED));
        assertThat(unknown.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(unknown.reason()).contains("s3control get-public-access-block");
    }

    @Test
    void anAccountLevelPublicAccessBlockNeutralisesPublicGrants() {
        CheckResult r = trailResult(new BucketNotPublicCheck(), withBucket(MGMT, EXPOSED)
                .export(MGMT, "global", "s3control", "get-public-access-block", """
                        {"PublicAccessBlockConfiguration":{"BlockPublicAcls":true,"IgnorePublicAcls":true,
                         "BlockPublicPolicy":true,"RestrictPublicBuckets":true}}"""));
        assertThat(r.status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void aBucketMissingFromTheInventoryIsAnErrorAndADeletedOneFails() {
        CheckResult missing = only(new BucketNotPublicCheck().evaluate(orgTrail("").estate()));
        assertThat(missing.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(missing.reason()).contains("trail-logs", "Config");

        EstateFixture deleted = orgTrail("").resource(new dev.vigil.posture.inventory.Resource("AWS::S3::Bucket",
                "trail-logs", "trail-logs", "arn:aws:s3:::trail-logs", MGMT, "us-east-1", "ResourceDeleted",
                EstateFixture.NOW, Map.of(), null, null, java.util.List.of(), "f"));
        assertThat(only(new BucketAccessLoggingCheck().evaluate(deleted.estate())).status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void accessLoggingPassesFailsAndNeedsTheSupplementaryItem() {
        assertThat(trailResult(new BucketAccessLoggingCheck(), withBucket(MGMT, PRIVATE)).status()).isEqualTo(CheckStatus.PASS);
        assertThat(trailResult(new BucketAccessLoggingCheck(), withBucket(MGMT, EXPOSED)).status()).isEqualTo(CheckStatus.FAIL);
        assertThat(trailResult(new BucketAccessLoggingCheck(), withBucket(MGMT, "{}")).status()).isEqualTo(CheckStatus.ERROR);
    }

    @Test
    void versioningNeedsMfaDeleteOrObjectLock() {
        assertThat(trailResult(new BucketVersioningProtectionCheck(), withBucket(MGMT, PRIVATE)).status())
                .isEqualTo(CheckStatus.PASS);
        CheckResult noMfa = trailResult(new BucketVersioningProtectionCheck(), withBucket(MGMT, EXPOSED));
        assertThat(noMfa.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(noMfa.reason()).contains("without MFA delete");
        assertThat(trailResult(new BucketVersioningProtectionCheck(), withBucket(MGMT, """
                {"BucketVersioningConfiguration":{"status":"Enabled","isMfaDeleteEnabled":false},
                 "ObjectLockConfiguration":{"objectLockEnabled":"Enabled","rule":{"defaultRetention":{"mode":"GOVERNANCE","days":365}}}}"""))
                .status()).isEqualTo(CheckStatus.PASS);
        assertThat(trailResult(new BucketVersioningProtectionCheck(), withBucket(MGMT, "{}")).status())
                .isEqualTo(CheckStatus.ERROR);
    }

    private static CheckResult trailResult(TrailCheck check, EstateFixture fixture) {
        return only(check.evaluate(fixture.estate()).stream()
                .filter(r -> r.resourceType().equals(TrailCheck.TRAIL)).toList());
    }
}
