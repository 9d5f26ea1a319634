package dev.vigil.posture.inventory.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.posture.inventory.Relationship;
import dev.vigil.posture.inventory.Resource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StateDiffTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Resource bucket(String config, String supplementary, Map<String, String> tags,
                                   List<Relationship> rels) throws Exception {
        return new Resource("AWS::S3::Bucket", "b", "b", "arn:aws:s3:::b", "111122223333", "us-east-1", "OK",
                Instant.EPOCH, tags, JSON.readTree(config), JSON.readTree(supplementary), rels, "");
    }

    @Test
    void supplementaryTagsAndRelationshipsAreCompared() throws Exception {
        Resource before = bucket("{\"name\":\"b\"}", "{\"BucketVersioningConfiguration\":{\"status\":\"Enabled\"}}",
                Map.of("env", "prod", "owner.team", "a"), List.of(new Relationship("r", "AWS::IAM::Role", "x", "")));
        Resource after = bucket("{\"name\":\"b\"}", "{\"BucketVersioningConfiguration\":{\"status\":\"Suspended\"}}",
                Map.of("env", "prod", "owner.team", "b"), List.of());

        List<PathChange> changes = StateDiff.between(before, after);

        assertThat(changes).extracting(PathChange::path).containsExactly(
                "supplementaryConfiguration.BucketVersioningConfiguration.status",
                "tags[\"owner.team\"]",
                "relationships");
        assertThat(changes.get(0).before().asText()).isEqualTo("Enabled");
        assertThat(changes.get(0).after().asText()).isEqualTo("Suspended");
        assertThat(changes.get(2).after().isMissingNode()).isTrue();
    }

    @Test
    void listsOfPlainValuesChangeAsAWholeAndReorderedRelationshipsAreNotAChange() throws Exception {
        Relationship a = new Relationship("Is attached to", "AWS::EC2::Instance", "i-1", "");
        Relationship b = new Relationship("Is contained in", "AWS::EC2::VPC", "vpc-1", "");
        Resource before = bucket("{\"ipRanges\":[\"10.0.0.0/8\"]}", "{}", Map.of(), List.of(a, b));
        Resource after = bucket("{\"ipRanges\":[\"0.0.0.0/0\",\"10.0.0.0/8\"]}", "{}", Map.of(), List.of(b, a));

        List<PathChange> changes = StateDiff.between(before, after);

        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.path()).isEqualTo("configuration.ipRanges");
            assertThat(c.after().size()).isEqualTo(2);
        });
        assertThat(StateDiff.sameState(bucket("{}", "{}", Map.of(), List.of(a, b)),
                bucket("{}", "{}", Map.of(), List.of(b, a)))).isTrue();
    }

    @Test
    void aWholesaleRewriteIsCapped() throws Exception {
        StringBuilder big = new StringBuilder("{");
        for (int i = 0; i < 500; i++) {
            big.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
        }
        JsonNode many = JSON.readTree(big.append('}').toString());
        Resource before = bucket("{}", "{}", Map.of(), List.of());
        Resource after = new Resource(before.type(), before.id(), before.name(), before.arn(), before.account(),
                before.region(), before.status(), before.captureTime(), before.tags(), many, JSON.readTree("{}"),
                List.of(), "");

        assertThat(StateDiff.between(before, after)).hasSize(StateDiff.MAX_CHANGES);
    }
}
