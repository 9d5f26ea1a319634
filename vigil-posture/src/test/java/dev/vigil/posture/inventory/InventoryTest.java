package dev.vigil.posture.inventory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InventoryTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static Resource bucket(String name, String capturedAt, String status, String versioning) throws Exception {
        return new Resource("AWS::S3::Bucket", name, name, "arn:aws:s3:::" + name, "111122223333", "us-east-1", status,
                Instant.parse(capturedAt), Map.of(), JSON.readTree("{\"name\":\"" + name + "\"}"),
                JSON.readTree("{\"BucketVersioningConfiguration\":{\"status\":\"" + versioning + "\"}}"), List.of(), "t");
    }

    @Test
    void theLatestCaptureOfAResourceWinsWhateverTheOrder() throws Exception {
        Inventory inventory = new Inventory();
        inventory.add(bucket("logs", "2026-11-02T00:00:00Z", "OK", "Enabled"));
        inventory.add(bucket("logs", "2026-11-01T00:00:00Z", "OK", "Off"));
        assertThat(inventory.size()).isEqualTo(1);
        assertThat(inventory.byArn("arn:aws:s3:::logs").orElseThrow()
                .supplementary("BucketVersioningConfiguration.status").asText()).isEqualTo("Enabled");
    }

    @Test
    void deletedResourcesAreKeptButNotListedAsLive() throws Exception {
        Inventory inventory = new Inventory();
        inventory.add(bucket("old", "2026-11-01T00:00:00Z", "OK", "Off"));
        inventory.add(bucket("old", "2026-11-03T00:00:00Z", "ResourceDeleted", "Off"));
        assertThat(inventory.ofType("AWS::S3::Bucket")).isEmpty();
        assertThat(inventory.all()).hasSize(1);
        assertThat(inventory.accounts()).containsExactly("111122223333");
        assertThat(inventory.regions("111122223333")).containsExactly("us-east-1");
    }

    static Resource bucketIn(String region, String capturedAt, String status) throws Exception {
        Resource b = bucket("reborn", capturedAt, status, "Off");
        return new Resource(b.type(), b.id(), b.name(), b.arn(), b.account(), region, b.status(), b.captureTime(),
                b.tags(), b.configuration(), b.supplementaryConfiguration(), b.relationships(), b.source());
    }

    @Test
    void lookupsPreferTheLiveResourceWhateverTheOrderOfCaptures() throws Exception {
        Resource deletedLater = bucketIn("eu-west-1", "2026-11-05T00:00:00Z", "ResourceDeleted");
        Resource liveEarlier = bucketIn("us-east-1", "2026-11-01T00:00:00Z", "OK");
        for (List<Resource> order : List.of(List.of(liveEarlier, deletedLater), List.of(deletedLater, liveEarlier))) {
            Inventory inventory = new Inventory();
            inventory.addAll(order);
            assertThat(inventory.byArn("arn:aws:s3:::reborn").orElseThrow().region()).isEqualTo("us-east-1");
            assertThat(inventory.byId("AWS::S3::Bucket", "reborn").orElseThrow().region()).isEqualTo("us-east-1");
            assertThat(inventory.allByArn("arn:aws:s3:::reborn")).extracting(Resource::region)
                    .containsExactly("us-east-1", "eu-west-1");
        }
    }

    @Test
    void lookupsFallBackToTheLatestDeletedCaptureAndPreferTheLatestLiveOne() throws Exception {
        Inventory gone = new Inventory();
        gone.add(bucketIn("us-east-1", "2026-11-01T00:00:00Z", "ResourceDeleted"));
        gone.add(bucketIn("eu-west-1", "2026-11-03T00:00:00Z", "ResourceDeleted"));
        assertThat(gone.byArn("arn:aws:s3:::reborn").orElseThrow().region()).isEqualTo("eu-west-1");
        assertThat(gone.byId("AWS::S3::Bucket", "reborn").orElseThrow().deleted()).isTrue();

        Inventory twice = new Inventory();
        twice.add(bucketIn("us-east-1", "2026-11-01T00:00:00Z", "OK"));
        twice.add(bucketIn("eu-west-1", "2026-11-03T00:00:00Z", "OK"));
        assertThat(twice.byId("AWS::S3::Bucket", "reborn").orElseThrow().region()).isEqualTo("eu-west-1");
        assertThat(twice.byArn("arn:aws:s3:::nothing")).isEmpty();
        assertThat(twice.byId("AWS::S3::Bucket", "nothing")).isEmpty();
    }

    @Test
    void policyDocumentsAreReadInEveryEncodingAwsUses() {
        String doc = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\"}}";
        String urlEncoded = java.net.URLEncoder.encode(doc, java.nio.charset.StandardCharsets.UTF_8);
        for (var value : List.of(new TextNode(doc), new TextNode(urlEncoded))) {
            var parsed = PolicyDocuments.parse(value).orElseThrow();
            assertThat(PolicyDocuments.statements(parsed)).hasSize(1);
            assertThat(PolicyDocuments.strings(PolicyDocuments.statements(parsed).get(0).path("Action")))
                    .containsExactly("s3:GetObject");
        }
        assertThat(PolicyDocuments.parse(new TextNode("%7Bbroken"))).isEmpty();
        assertThat(PolicyDocuments.parse(new TextNode("not a policy"))).isEmpty();
        assertThat(PolicyDocuments.parse(TextNode.valueOf(""))).isEmpty();
    }
}
