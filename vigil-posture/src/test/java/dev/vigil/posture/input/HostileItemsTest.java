package dev.vigil.posture.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every field of a configuration item is attacker-controlled: items with fields swapped for values of other types
 * must each be read or skipped with a problem, never stop the reader.
 */
class HostileItemsTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @TempDir
    Path dir;

    @Test
    void mutatedItemsAreReadOrSkippedOneByOne() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode snapshot = json.readTree(InputFixtures.text("snapshot.json"));
        List<JsonNode> originals = new ArrayList<>();
        snapshot.path("configurationItems").forEach(originals::add);
        Random random = new Random(20260601L);
        ArrayNode items = NODES.arrayNode();
        int count = 400;
        for (int i = 0; i < count; i++) {
            ObjectNode item = originals.get(i % originals.size()).deepCopy();
            List<String> fields = new ArrayList<>();
            item.fieldNames().forEachRemaining(fields::add);
            for (int m = 0; m < 1 + random.nextInt(3); m++) {
                item.set(fields.get(random.nextInt(fields.size())), oddValue(random));
            }
            items.add(item);
        }
        ObjectNode file = NODES.objectNode();
        file.put("fileVersion", "1.0");
        file.set("configurationItems", items);
        InputFixtures.write(dir, "mutated.json", json.writeValueAsString(file));

        PostureInput input = PostureInputReader.read(List.of(dir), Optional.empty());

        assertThat(input.summary().itemsRead() + input.summary().itemsSkipped()).isEqualTo(count);
        assertThat(input.summary().itemsSkipped()).isPositive();
        assertThat(input.summary().itemsRead()).isPositive();
        assertThat(input.summary().problems()).allSatisfy(p -> assertThat(p.position()).startsWith("item "));
    }

    private static JsonNode oddValue(Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.numberNode(random.nextLong());
            case 2 -> NODES.numberNode(-1.5e300);
            case 3 -> NODES.booleanNode(random.nextBoolean());
            case 4 -> NODES.arrayNode().add("x").add(NODES.objectNode());
            case 5 -> NODES.objectNode().put("a", "b");
            case 6 -> NODES.textNode("{\"not\": \"closed\"");
            case 7 -> NODES.textNode("\"\\\"nested\\\"\"");
            case 8 -> NODES.textNode("\u0000\u001b[31m");
            default -> NODES.textNode("");
        };
    }
}
