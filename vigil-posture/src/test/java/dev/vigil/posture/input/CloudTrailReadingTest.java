package dev.vigil.posture.input;

import dev.vigil.posture.check.RootUse;
import dev.vigil.posture.inventory.history.Attribution;
import dev.vigil.posture.inventory.history.ChangeType;
import dev.vigil.posture.inventory.history.ResourceChange;
import dev.vigil.posture.inventory.history.ResourceKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** CloudTrail among the inputs: root uses for the checks, write calls for change attribution. */
class CloudTrailReadingTest {

    private static final String ACCT = "111122223333";
    private static final String TRAIL_KEY = "AWSLogs/" + ACCT + "/CloudTrail/us-east-2/2021/02/01/"
            + ACCT + "_CloudTrail_us-east-2_20210201T1005Z_abcDEF123.json.gz";

    @TempDir
    Path dir;

    @Test
    void rootUsesAreTheRootUsersOwnSuccessfulActions() {
        InputFixtures.writeGzip(dir, TRAIL_KEY, InputFixtures.text("cloudtrail-2021.json"));

        PostureInput input = PostureInputReader.read(List.of(dir), Optional.empty());

        assertThat(input.rootUses()).containsExactly(
                new RootUse(ACCT, Instant.parse("2021-01-20T07:00:00Z"), "ConsoleLogin", "203.0.113.9"),
                new RootUse(ACCT, Instant.parse("2021-02-02T12:00:00Z"), "CreateAccessKey", "203.0.113.9"));
        assertThat(input.summary().files(InputKind.CLOUDTRAIL)).isEqualTo(1);
        assertThat(input.summary().cloudTrailRecords()).isEqualTo(11);
        assertThat(input.summary().rootUses()).isEqualTo(2);
        assertThat(input.estate(Instant.parse("2021-03-01T00:00:00Z")).rootActivity()).isEqualTo(input.rootUses());
    }

    @Test
    void aDeniedRootCallIsStillAUseButAFailedSignInIsNot() {
        String root = "\"userIdentity\":{\"type\":\"Root\",\"accountId\":\"" + ACCT + "\"},";
        InputFixtures.write(dir, "trail.json", "{\"Records\":["
                // An SCP denied the call, but only someone holding the root credentials could make it.
                + "{\"eventVersion\":\"1.08\",\"eventTime\":\"2021-02-01T10:00:00Z\",\"eventSource\":\"iam.amazonaws.com\","
                + "\"eventName\":\"CreateUser\"," + root + "\"sourceIPAddress\":\"203.0.113.1\","
                + "\"errorCode\":\"AccessDenied\",\"errorMessage\":\"explicit deny in a service control policy\"},"
                // A wrong password, told by its message alone.
                + "{\"eventVersion\":\"1.08\",\"eventTime\":\"2021-02-01T11:00:00Z\",\"eventSource\":\"signin.amazonaws.com\","
                + "\"eventName\":\"ConsoleLogin\"," + root + "\"sourceIPAddress\":\"203.0.113.2\","
                + "\"errorMessage\":\"Failed authentication\"}]}");

        PostureInput input = PostureInputReader.read(List.of(dir), Optional.empty());

        assertThat(input.rootUses()).extracting(RootUse::eventName, RootUse::sourceIp)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CreateUser", "203.0.113.1"));
    }

    @Test
    void onlySuccessfulWriteCallsAreKeptForAttribution() {
        InputFixtures.writeGzip(dir, TRAIL_KEY, InputFixtures.text("cloudtrail-2021.json"));

        PostureInput input = PostureInputReader.read(List.of(dir), Optional.empty());

        assertThat(input.history().calls().mentioning("sg-0a1b2c3d")).extracting(c -> c.eventId())
                .containsExactly("e-create-sg", "e-ingress-early", "e-ingress", "e-ingress-other-account");
        assertThat(input.summary().apiCallsKept()).isEqualTo(input.history().calls().size());
    }

    @Test
    void configChangesAreAttributedToTheCallsThatMadeThem() {
        InputFixtures.writeGzip(dir, TRAIL_KEY, InputFixtures.text("cloudtrail-2021.json"));
        InputFixtures.write(dir, "config/sg-history.json", InputFixtures.text("get-resource-config-history.json"));

        PostureInput input = PostureInputReader.read(List.of(dir), Optional.empty());
        ResourceKey sg = new ResourceKey(ACCT, "us-east-2", "AWS::EC2::SecurityGroup", "sg-0a1b2c3d");
        List<ResourceChange> timeline = input.history().timeline(sg);

        assertThat(timeline).extracting(ResourceChange::type).containsExactly(ChangeType.CREATED, ChangeType.UPDATED);
        Attribution created = timeline.get(0).attribution().orElseThrow();
        assertThat(created.eventName()).as("found by the id in responseElements").isEqualTo("CreateSecurityGroup");
        Attribution opened = timeline.get(1).attribution().orElseThrow();
        assertThat(opened.eventId()).isEqualTo("e-ingress");
        assertThat(opened.principal()).isEqualTo("arn:aws:iam::" + ACCT + ":user/alice");
        assertThat(opened.sourceIp()).isEqualTo("192.0.2.44");
        assertThat(opened.userAgent()).isEqualTo("console.ec2.amazonaws.com");
        assertThat(opened.eventTime()).isEqualTo(Instant.parse("2021-02-01T10:03:12Z"));
        assertThat(timeline.get(1).changes()).extracting(p -> p.path()).contains("configuration.ipPermissions[1]");

        List<ResourceChange> diff = input.history().diff(Instant.parse("2021-01-25T00:00:00Z"),
                Instant.parse("2021-02-02T00:00:00Z"));
        assertThat(diff).singleElement().satisfies(c -> assertThat(c.attribution()).map(Attribution::eventId)
                .contains("e-ingress"));
    }

    @Test
    void cloudTrailDigestAndBrokenRecordsDoNotStopTheRead() {
        InputFixtures.write(dir, "AWSLogs/" + ACCT + "/CloudTrail-Digest/us-east-2/2021/02/01/digest.json",
                "{\"awsAccountId\":\"" + ACCT + "\",\"digestStartTime\":\"2021-02-01T09:00:00Z\","
                        + "\"digestEndTime\":\"2021-02-01T10:00:00Z\",\"digestS3Bucket\":\"b\",\"logFiles\":[]}");
        InputFixtures.write(dir, "trail.json", "{\"Records\":[{\"eventVersion\":\"1.08\",\"eventTime\":\"not a time\","
                + "\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"CreateUser\"},"
                + "{\"eventVersion\":\"1.08\",\"eventTime\":\"2021-02-01T10:00:00Z\",\"eventSource\":\"signin.amazonaws.com\","
                + "\"eventName\":\"ConsoleLogin\",\"userIdentity\":{\"type\":\"Root\",\"accountId\":\"" + ACCT + "\"},"
                + "\"sourceIPAddress\":\"203.0.113.1\",\"responseElements\":{\"ConsoleLogin\":\"Success\"}}]}");

        PostureInput input = PostureInputReader.read(List.of(dir), Optional.empty());

        assertThat(input.rootUses()).extracting(RootUse::sourceIp).containsExactly("203.0.113.1");
        assertThat(input.summary().filesSkipped()).as("the digest file").isEqualTo(1);
        assertThat(input.summary().problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).endsWith("trail.json");
            assertThat(p.position()).startsWith("record 1");
            assertThat(p.reason()).isEqualTo("bad-time");
        });
    }
}
