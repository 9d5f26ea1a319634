package dev.vigil.sim;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.vigil.sim.Json.empty;
import static dev.vigil.sim.Json.list;
import static dev.vigil.sim.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

/** The two output styles of the posture exports: Config's compact files and the AWS CLI's indented JSON. */
class TreeJsonTest {

    @Test
    void cliStyleIndentsByFourSpacesAndKeepsEmptyContainersOnOneLine() {
        String out = new String(TreeJson.cli(obj("Name", "a\"b", "Items", list(1, true), "Empty", list(),
                "Nested", obj("None", null, "Obj", empty()), "Ratio", 1.0)), StandardCharsets.UTF_8);
        assertThat(out).isEqualTo("""
                {
                    "Name": "a\\"b",
                    "Items": [
                        1,
                        true
                    ],
                    "Empty": [],
                    "Nested": {
                        "None": null,
                        "Obj": {}
                    },
                    "Ratio": 1.0
                }
                """);
    }

    @Test
    void compactStyleHasNoWhitespaceAndDoubleSerialisesCleanly() {
        String inner = TreeJson.string(obj("k", List.of("v")));
        assertThat(inner).isEqualTo("{\"k\":[\"v\"]}");
        assertThat(TreeJson.string(obj("policyText", inner))).isEqualTo("{\"policyText\":\"{\\\"k\\\":[\\\"v\\\"]}\"}");
    }

    @Test
    void urlEncodedPolicyDocumentsUsePercentTwentyForSpaces() {
        assertThat(IamItems.urlEncoded(obj("Sid", "a b"))).isEqualTo("%7B%22Sid%22%3A%22a%20b%22%7D");
    }
}
