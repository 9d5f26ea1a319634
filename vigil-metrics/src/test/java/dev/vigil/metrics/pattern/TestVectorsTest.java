package dev.vigil.metrics.pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 56 shared test vectors (../shared/specs/testvectors/cloudwatch-filter-patterns.json): AWS's documented
 * examples and the CIS patterns against AWS's sample CloudTrail records. The "derived" cases (the spec's own
 * reading of the documented semantics) all hold with Vigil's evaluation; none contradicted the AWS documentation.
 */
class TestVectorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> cases() throws IOException {
        JsonNode root = JSON.readTree(SharedData.filterPatternVectors().toFile());
        List<Arguments> out = new ArrayList<>();
        int i = 0;
        for (JsonNode c : root.get("cases")) {
            String label = (i++) + ": " + c.get("pattern").asText() + (c.has("event") ? " vs " + c.get("event").asText()
                    : "");
            out.add(Arguments.of(label, c));
        }
        return out.stream();
    }

    @Test
    void allFiftySixVectorsAreThere() throws IOException {
        assertThat(cases()).hasSize(56);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void vector(String label, JsonNode c) {
        FilterPattern p = FilterPattern.compile(c.get("pattern").asText());
        LogMessage message = LogMessage.of(c.get("message").asText());
        FilterPattern.Match m = p.match(message);
        assertThat(m != null).as(label).isEqualTo(c.get("expectMatch").asBoolean());
        assertThat(p.matches(message)).isEqualTo(m != null);
        if (c.has("expectExtracted")) {
            Map<String, String> expected = new LinkedHashMap<>();
            c.get("expectExtracted").properties().forEach(e -> expected.put(e.getKey(), e.getValue().asText()));
            assertThat(m.extracted()).containsExactlyEntriesOf(expected);
        }
    }
}
