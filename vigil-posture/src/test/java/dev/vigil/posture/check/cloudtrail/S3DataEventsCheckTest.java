package dev.vigil.posture.check.cloudtrail;

import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.EstateFixture;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

import static dev.vigil.posture.check.cloudtrail.TrailFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class S3DataEventsCheckTest {

    final S3DataEventsCheck check = new S3DataEventsCheck();

    static EstateFixture secrets(String selectors) {
        EstateFixture f = orgTrail("").resource("AWS::S3::Bucket", "secrets", MEMBER, "us-east-1", "{}")
                .policy(policy("", Set.of("secrets"), Duration.ofHours(24)));
        return selectors.isEmpty() ? f : f.export(MGMT, "us-east-1", "cloudtrail", "get-event-selectors", "org", selectors);
    }

    @Test
    void notApplicableWithoutDeclaredBuckets() {
        assertThat(only(check.evaluate(orgTrail("").estate())).status()).isEqualTo(CheckStatus.NOT_APPLICABLE);
    }

    @Test
    void anOrganisationTrailLoggingTheBucketPasses() {
        CheckResult basic = only(check.evaluate(secrets("""
                {"EventSelectors":[{"ReadWriteType":"All","IncludeManagementEvents":true,
                 "DataResources":[{"Type":"AWS::S3::Object","Values":["arn:aws:s3:::secrets/"]}]}]}""").estate()));
        assertThat(basic.status()).isEqualTo(CheckStatus.PASS);
        assertThat(basic.resource()).isEqualTo("arn:aws:s3:::secrets");

        CheckResult advanced = only(check.evaluate(secrets("""
                {"AdvancedEventSelectors":[{"Name":"data","FieldSelectors":[{"Field":"eventCategory","Equals":["Data"]},
                 {"Field":"resources.type","Equals":["AWS::S3::Object"]},
                 {"Field":"resources.ARN","StartsWith":["arn:aws:s3:::secrets/"]}]}]}""").estate()));
        assertThat(advanced.status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void selectorsForOtherBucketsOrOnlyReadsFail() {
        assertThat(only(check.evaluate(secrets("""
                {"EventSelectors":[{"ReadWriteType":"All",
                 "DataResources":[{"Type":"AWS::S3::Object","Values":["arn:aws:s3:::secrets-archive/"]}]}]}""")
                .estate())).status()).isEqualTo(CheckStatus.FAIL);
        CheckResult reads = only(check.evaluate(secrets("""
                {"AdvancedEventSelectors":[{"Name":"data","FieldSelectors":[{"Field":"eventCategory","Equals":["Data"]},
                 {"Field":"resources.type","Equals":["AWS::S3::Object"]},{"Field":"readOnly","Equals":["true"]}]}]}""")
                .estate()));
        assertThat(reads.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(reads.reason()).contains("read-only");
    }

    @Test
    void aSelectorNarrowedBeyondBucketAndReadWriteIsPartialNotComplete() {
        CheckResult getObjectOnly = only(check.evaluate(secrets("""
                {"AdvancedEventSelectors":[{"Name":"data","FieldSelectors":[{"Field":"eventCategory","Equals":["Data"]},
                 {"Field":"resources.type","Equals":["AWS::S3::Object"]},{"Field":"eventName","Equals":["GetObject"]}]}]}""")
                .estate()));
        assertThat(getObjectOnly.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(getObjectOnly.reason()).contains("eventName Equals GetObject");

        CheckResult someoneExcluded = only(check.evaluate(secrets("""
                {"AdvancedEventSelectors":[{"Name":"data","FieldSelectors":[{"Field":"eventCategory","Equals":["Data"]},
                 {"Field":"resources.type","Equals":["AWS::S3::Object"]},
                 {"Field":"userIdentity.arn","NotStartsWith":["arn:aws:sts::222222222222:assumed-role/etl"]}]}]}""")
                .estate()));
        assertThat(someoneExcluded.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(someoneExcluded.reason()).contains("userIdentity.arn NotStartsWith");

        CheckResult arnExclusion = only(check.evaluate(secrets("""
                {"AdvancedEventSelectors":[{"Name":"data","FieldSelectors":[{"Field":"eventCategory","Equals":["Data"]},
                 {"Field":"resources.type","Equals":["AWS::S3::Object"]},
                 {"Field":"resources.ARN","StartsWith":["arn:aws:s3:::secrets/"],"NotStartsWith":["arn:aws:s3:::secrets/tmp/"]}]}]}""")
                .estate()));
        assertThat(arnExclusion.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(arnExclusion.reason()).contains("resources.ARN");
    }

    @Test
    void missingSelectorsAreAnError() {
        CheckResult r = only(check.evaluate(secrets("").estate()));
        assertThat(r.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(r.reason()).contains("cloudtrail.get-event-selectors.org.json");
    }

    @Test
    void aStarAsksForEveryBucketPerAccount() {
        EstateFixture f = orgTrail("").policy(policy("", Set.of("*"), Duration.ofHours(24)))
                .export(MGMT, "us-east-1", "cloudtrail", "get-event-selectors", "org", """
                        {"EventSelectors":[{"ReadWriteType":"All",
                         "DataResources":[{"Type":"AWS::S3::Object","Values":["arn:aws:s3"]}]}]}""");
        assertThat(only(check.evaluate(f.estate())).status()).isEqualTo(CheckStatus.PASS);
        EstateFixture oneBucket = orgTrail("").policy(policy("", Set.of("*"), Duration.ofHours(24)))
                .export(MGMT, "us-east-1", "cloudtrail", "get-event-selectors", "org", """
                        {"EventSelectors":[{"ReadWriteType":"All",
                         "DataResources":[{"Type":"AWS::S3::Object","Values":["arn:aws:s3:::one/"]}]}]}""");
        assertThat(only(check.evaluate(oneBucket.estate())).status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void aStarWithoutSelectorExportsIsAnErrorWordedAsSuch() {
        CheckResult r = only(check.evaluate(orgTrail("").policy(policy("", Set.of("*"), Duration.ofHours(24))).estate()));
        assertThat(r.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(r.reason()).startsWith("Not judged");
    }
}
