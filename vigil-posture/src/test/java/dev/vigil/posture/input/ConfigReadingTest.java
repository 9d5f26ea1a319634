package dev.vigil.posture.input;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.posture.inventory.Inventory;
import dev.vigil.posture.inventory.PolicyDocuments;
import dev.vigil.posture.inventory.Relationship;
import dev.vigil.posture.inventory.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** AWS Config items from every channel, through the public reader. */
class ConfigReadingTest {

    @TempDir
    Path dir;

    private PostureInput read() {
        return PostureInputReader.read(List.of(dir), Optional.empty());
    }

    @Test
    void snapshotDeliveredToS3IsReadFromGzipWithTheFileQuirksDecoded() {
        InputFixtures.writeGzip(dir, InputFixtures.SNAPSHOT_KEY, InputFixtures.text("snapshot.json"));

        PostureInput input = read();
        Inventory inv = input.inventory();

        Resource bucket = inv.byArn("arn:aws:s3:::acme-trail-logs").orElseThrow();
        assertThat(bucket.type()).isEqualTo("AWS::S3::Bucket");
        assertThat(bucket.account()).isEqualTo("111122223333");
        assertThat(bucket.region()).isEqualTo("us-east-2");
        assertThat(bucket.captureTime()).isEqualTo(Instant.parse("2021-01-13T05:00:23.319Z"));
        assertThat(bucket.tags()).containsEntry("criticality", "high");
        // double-serialised ACL is an object now
        assertThat(bucket.supplementary("AccessControlList").isObject()).isTrue();
        assertThat(bucket.supplementary("AccessControlList").path("grantList").get(1).path("grantee").asText())
                .isEqualTo("LogDelivery");
        assertThat(bucket.supplementary("BucketVersioningConfiguration.status").asText()).isEqualTo("Suspended");
        assertThat(PolicyDocuments.parse(bucket.supplementary("BucketPolicy.policyText"))).isPresent();
        assertThat(bucket.source()).endsWith(".json.gz#item 1");

        Resource trail = inv.byId("AWS::CloudTrail::Trail", "org-trail").orElseThrow();
        assertThat(trail.config("isMultiRegionTrail").asBoolean()).isTrue();
        assertThat(trail.config("s3BucketName").asText()).isEqualTo("acme-trail-logs");

        Resource policy = inv.byId("AWS::IAM::Policy", "ANPAEXAMPLEPOLICY01").orElseThrow();
        assertThat(policy.region()).isEqualTo("global");
        assertThat(policy.relationships()).containsExactly(
                new Relationship("Is attached to Role", "AWS::IAM::Role", "AROAEXAMPLEROLE1", "audit-role"));
        JsonNode doc = PolicyDocuments.parse(policy.config("policyVersionList").get(0).path("document")).orElseThrow();
        assertThat(PolicyDocuments.strings(PolicyDocuments.statements(doc).get(0).path("Action")))
                .contains("cloudtrail:DescribeTrails");

        Resource deleted = inv.byId("AWS::EC2::SecurityGroup", "sg-0old").orElseThrow();
        assertThat(deleted.deleted()).isTrue();
        assertThat(deleted.configuration().isMissingNode()).isTrue();
        assertThat(inv.ofType("AWS::EC2::SecurityGroup")).isEmpty();

        Resource key = inv.byId("AWS::KMS::Key", "1234abcd-12ab-34cd-56ef-1234567890ab").orElseThrow();
        assertThat(key.supplementary("KeyRotationStatus").isBoolean()).isTrue();
        assertThat(key.name()).isEmpty();
        assertThat(inv.regions("111122223333")).containsExactly("us-east-2");

        assertThat(input.summary().files(InputKind.CONFIG_SNAPSHOT)).isEqualTo(1);
    }

    @Test
    void aBrokenItemInTheMiddleIsSkippedWithItsPositionAndTheRestIsRead() {
        InputFixtures.write(dir, "snap.json", InputFixtures.text("snapshot.json"));

        PostureInput input = read();

        assertThat(input.summary().itemsRead()).isEqualTo(5);
        assertThat(input.summary().itemsSkipped()).isEqualTo(1);
        assertThat(input.inventory().byId("AWS::EC2::Volume", "vol-0broken")).isEmpty();
        assertThat(input.inventory().byId("AWS::KMS::Key", "1234abcd-12ab-34cd-56ef-1234567890ab")).isPresent();
        InputProblem problem = input.summary().problems().get(0);
        assertThat(problem.file()).endsWith("snap.json");
        assertThat(problem.reason()).isEqualTo("bad-time");
        int line = lineOf(InputFixtures.text("snapshot.json"), "vol-0broken") - 3; // the item's opening brace
        assertThat(problem.position()).isEqualTo("item 3 (line " + line + ")");
        assertThat(problem.message()).contains("configurationItemCaptureTime").contains("skipped the item");
        assertThat(input.summary().filesSkipped()).isZero();
    }

    @Test
    void resourceConfigHistoryFromTheCliDecodesConfigurationTextAndLowerCaseArn() {
        InputFixtures.write(dir, "sg-history.json", InputFixtures.text("get-resource-config-history.json"));

        PostureInput input = read();

        Resource sg = input.inventory().byArn("arn:aws:ec2:us-east-2:111122223333:security-group/sg-0a1b2c3d")
                .orElseThrow();
        assertThat(sg.captureTime()).isEqualTo(Instant.parse("2021-02-01T10:05:41.212Z"));
        assertThat(sg.config("ipPermissions").size()).isEqualTo(2);
        assertThat(sg.config("groupId").asText()).isEqualTo("sg-0a1b2c3d");
        assertThat(sg.relationships()).extracting(Relationship::name).containsExactly("Is contained in Vpc");
        assertThat(input.summary().files(InputKind.CONFIG_HISTORY)).isEqualTo(1);
        assertThat(input.history().items(dev.vigil.posture.inventory.history.ResourceKey.of(sg))).hasSize(2);
    }

    @Test
    void batchGetOutputWithEpochTimesAndSerialisedSupplementaryValues() {
        InputFixtures.write(dir, "batch.json", InputFixtures.text("batch-get-resource-config.json"));

        PostureInput input = read();

        Resource bucket = input.inventory().byArn("arn:aws:s3:::acme-data").orElseThrow();
        assertThat(bucket.captureTime()).isEqualTo(Instant.parse("2021-03-01T00:00:00.500Z"));
        assertThat(bucket.config("name").asText()).isEqualTo("acme-data");
        assertThat(bucket.supplementary("BucketVersioningConfiguration.isMfaDeleteEnabled").isBoolean()).isTrue();
        assertThat(bucket.supplementary("IsRequesterPaysEnabled").isBoolean()).isTrue();
        assertThat(bucket.supplementary("AccessControlList.grantList").get(0).path("grantee").asText())
                .as("a value serialised twice is decoded twice").isEqualTo("AllUsers");
        assertThat(bucket.supplementary("BucketPolicy.policyText").isNull()).isTrue();

        Resource key = input.inventory().byId("AWS::KMS::Key", "0000aaaa-0000-0000-0000-000000000001").orElseThrow();
        assertThat(key.captureTime()).as("milliseconds").isEqualTo(Instant.parse("2021-03-01T00:01:40Z"));
        assertThat(key.supplementary("KeyRotationStatus").asBoolean(false)).isTrue();
        assertThat(key.supplementary("KeyRotationStatus").isBoolean()).isTrue();
        assertThat(input.summary().files(InputKind.CONFIG_BATCH)).isEqualTo(1);
    }

    @Test
    void advancedQueryRowsAreJsonTextAndIncompleteRowsAreProblemsNotGuesses() {
        InputFixtures.write(dir, "query.json", InputFixtures.text("select-resource-config.json"));

        PostureInput input = read();

        Resource vol = input.inventory().byId("AWS::EC2::Volume", "vol-0aa").orElseThrow();
        assertThat(vol.tags()).containsExactly(java.util.Map.entry("backup", "daily"));
        assertThat(vol.config("encrypted").asBoolean(true)).isFalse();
        assertThat(input.inventory().byId("AWS::EC2::Volume", "vol-0bb")).isEmpty();
        assertThat(input.summary().problems()).singleElement().satisfies(p -> {
            assertThat(p.position()).startsWith("item 2 ");
            assertThat(p.reason()).isEqualTo("bad-account");
            assertThat(p.message()).contains("select accountId");
        });
        assertThat(input.summary().files(InputKind.CONFIG_QUERY)).isEqualTo(1);
    }

    @Test
    void oldFormatItemsFrom2014AreRead() {
        InputFixtures.write(dir, "2014/history.json", InputFixtures.text("history-2014.json"));

        PostureInput input = read();

        Resource instance = input.inventory().byId("AWS::EC2::Instance", "i-344c463d").orElseThrow();
        assertThat(instance.captureTime()).isEqualTo(Instant.parse("2014-03-07T23:47:08.918Z"));
        assertThat(instance.relationships()).extracting(Relationship::resourceId).containsExactly("subnet-a472dbcd");
        assertThat(input.summary().files(InputKind.CONFIG_HISTORY)).isEqualTo(1);
        assertThat(input.summary().problems()).isEmpty();
    }

    @Test
    void invalidJsonMidFileKeepsTheItemsBeforeItAndSaysWhere() {
        String text = InputFixtures.text("snapshot.json");
        int cut = text.indexOf("\"resourceType\": \"AWS::IAM::Policy\"");
        String broken = text.substring(0, cut) + "\"resourceType\" \"AWS::IAM::Policy\"" + text.substring(cut + 34);
        InputFixtures.write(dir, "broken.json", broken);

        PostureInput input = read();

        assertThat(input.inventory().byId("AWS::CloudTrail::Trail", "org-trail")).isPresent();
        assertThat(input.inventory().byId("AWS::IAM::Policy", "ANPAEXAMPLEPOLICY01")).isEmpty();
        InputProblem syntax = input.summary().problems().stream().filter(p -> p.reason().equals("invalid-json"))
                .findFirst().orElseThrow();
        assertThat(syntax.position()).startsWith("line " + lineOf(broken, "\"resourceType\" \"AWS::IAM::Policy\"") + ",");
        assertThat(syntax.message()).contains("items before it were kept");
        assertThat(input.summary().files(InputKind.CONFIG_SNAPSHOT)).isEqualTo(1);
    }

    @Test
    void anItemOverTheSizeLimitEndsTheFileWithAProblem() {
        // the parser reads ahead in chunks of a few kilobytes, so the oversized item must be well beyond that
        String huge = "{\"configurationItems\": [{\"resourceType\": \"AWS::Lambda::Function\", \"configuration\": {\"code\": \""
                + "x".repeat(200_000) + "\"}}, {\"resourceType\": \"AWS::S3::Bucket\"}]}";
        InputFixtures.write(dir, "snap.json", huge);
        ReadLimits small = new ReadLimits(50_000, 1L << 20, 1L << 20, 1L << 20, 10, 10, 100);

        PostureInput input = PostureInputReader.read(List.of(dir), Optional.empty(), small);

        assertThat(input.summary().problems()).anySatisfy(p -> {
            assertThat(p.reason()).isEqualTo("item-too-large");
            assertThat(p.position()).startsWith("item 1 ");
        });
        assertThat(input.inventory().isEmpty()).isTrue();
    }

    @Test
    void filesThatAreNotPostureInputsAreIgnoredAndBrokenOnesSkippedWithAReason() {
        InputFixtures.write(dir, "notes.txt", "remember to rotate keys");
        InputFixtures.write(dir, "other.json", "{\"Findings\": [], \"NextToken\": null}");
        InputFixtures.write(dir, "empty.json", "");
        InputFixtures.write(dir, "settings.yaml", "a: 1\n");

        PostureInput input = read();

        // an empty .json is broken input; another tool's JSON, a text note and other YAML are merely not ours
        assertThat(input.summary().filesSkipped()).isEqualTo(1);
        assertThat(input.summary().problems()).extracting(InputProblem::reason).containsExactly("empty");
        assertThat(input.summary().filesIgnored()).isEqualTo(3);
        assertThat(input.summary().ignored()).extracting(InputProblem::file)
                .containsExactlyInAnyOrder(dir.resolve("notes.txt").toString(), dir.resolve("other.json").toString(),
                        dir.resolve("settings.yaml").toString());
        assertThat(input.summary().ignored()).filteredOn(p -> p.file().endsWith("other.json"))
                .singleElement().extracting(InputProblem::message).asString().contains("Findings");
        assertThat(input.summary().partial()).as("the empty file").isTrue();
    }

    @Test
    void readingOrderIsTheSortedWalkSoTiesAreDecidedTheSameWayEveryRun() {
        // two captures of one bucket at the same time with different content: the first in path order wins
        String a = InputFixtures.text("batch-get-resource-config.json");
        String b = a.replace("\\\"Enabled\\\"", "\\\"Suspended\\\"");
        assertThat(b).isNotEqualTo(a);
        InputFixtures.write(dir, "z/late.json", a);
        InputFixtures.write(dir, "a/early.json", b);

        Resource bucket = read().inventory().byArn("arn:aws:s3:::acme-data").orElseThrow();

        assertThat(bucket.source()).contains("early.json");
        assertThat(bucket.supplementary("BucketVersioningConfiguration.status").asText()).isEqualTo("Suspended");
    }

    @Test
    void pagesAppendedIntoOneFileAreAllRead() {
        String page = InputFixtures.text("get-resource-config-history.json");
        InputFixtures.write(dir, "pages.json", page + "\n" + InputFixtures.text("batch-get-resource-config.json"));

        PostureInput input = read();

        assertThat(input.inventory().byId("AWS::EC2::SecurityGroup", "sg-0a1b2c3d")).isPresent();
        assertThat(input.inventory().byArn("arn:aws:s3:::acme-data")).isPresent();
    }

    @Test
    void aBareArrayOfItemsIsConfigAndABareArrayOfRecordsIsCloudTrail() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        JsonNode items = json.readTree(InputFixtures.text("get-resource-config-history.json")).path("configurationItems");
        InputFixtures.write(dir, "items.json", json.writeValueAsString(items));
        InputFixtures.write(dir, "records.json", "[{\"eventVersion\":\"1.08\",\"eventTime\":\"2021-02-01T10:00:00Z\","
                + "\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"CreateUser\"}]");

        PostureInput input = read();

        assertThat(input.inventory().byId("AWS::EC2::SecurityGroup", "sg-0a1b2c3d")).isPresent();
        assertThat(input.summary().itemsRead()).isEqualTo(2);
        assertThat(input.summary().files(InputKind.CONFIG_HISTORY)).isEqualTo(1);
        assertThat(input.summary().files(InputKind.CLOUDTRAIL)).isEqualTo(1);
        assertThat(input.summary().problems()).isEmpty();
    }

    private static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
