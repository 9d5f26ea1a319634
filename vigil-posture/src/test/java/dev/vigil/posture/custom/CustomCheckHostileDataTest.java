package dev.vigil.posture.custom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.EstateFixture;
import dev.vigil.posture.inventory.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Configuration values are written by whoever controls the resource: huge, deep or odd values must give an ERROR
 * (or a normal verdict), never an exception, a hang or a reason full of control characters.
 */
class CustomCheckHostileDataTest {

    static final String A = "111111111111";
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @TempDir
    Path dir;

    private CheckResult evaluate(String assertion, JsonNode configuration, Map<String, String> tags) {
        CustomCheckLoader.Loaded loaded = CustomCheckLoader.load(List.of(CheckFiles.write(dir, "c.yaml",
                "checks:\n" + CheckFiles.check("custom.test.hostile", "AWS::S3::Bucket", null, assertion))), Set.of());
        assertThat(loaded.errors()).isEmpty();
        Check check = loaded.checks().get(0);
        Resource resource = new Resource("AWS::S3::Bucket", "b", "b", "arn:aws:s3:::b", A, "us-east-1", "OK",
                EstateFixture.NOW, tags, configuration, NODES.objectNode(), List.of(), "test");
        List<CheckResult> results = check.evaluate(new EstateFixture().resource(resource).estate());
        assertThat(results).hasSize(1);
        CheckResult result = results.get(0);
        assertThat(result.reason()).doesNotContainPattern("\\p{Cntrl}").hasSizeLessThan(600);
        return result;
    }

    private static ObjectNode withField(String name, JsonNode value) {
        ObjectNode node = NODES.objectNode();
        node.set(name, value);
        return node;
    }

    @Test
    void aHugeStringIsEvaluatedNormally() {
        String huge = "a".repeat(4_000_000) + "b";
        JsonNode configuration = withField("s", NODES.textNode(huge));
        assertThat(evaluate("resource.configuration.s.endsWith('b') && resource.configuration.s.matches('^a+b$')",
                configuration, Map.of()).status()).isEqualTo(CheckStatus.PASS);
        assertThat(evaluate("resource.configuration.s.contains('c')", configuration, Map.of()).status())
                .isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void textOverTheBudgetIsErrorNotAnOutOfMemory() {
        ArrayNode many = NODES.arrayNode();
        String chunk = "x".repeat(1_000_000);
        for (int i = 0; i < 17; i++) {
            many.add(chunk);
        }
        CheckResult result = evaluate("true", withField("chunks", many), Map.of());
        assertThat(result.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(result.reason()).contains("too large for custom checks").contains("16 MiB");
    }

    @Test
    void deepNestingIsErrorNotAStackOverflow() {
        JsonNode deep = NODES.textNode("bottom");
        for (int i = 0; i < 5_000; i++) {
            deep = withField("a", deep);
        }
        CheckResult result = evaluate("has(resource.configuration.a)", deep, Map.of());
        assertThat(result.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(result.reason()).contains("nests deeper than 64 levels");
    }

    @Test
    void nestingWithinTheLimitIsReadable() {
        JsonNode deep = NODES.textNode("bottom");
        for (int i = 0; i < 50; i++) {
            deep = withField("a", deep);
        }
        assertThat(evaluate("has(resource.configuration.a.a.a.a)", deep, Map.of()).status())
                .isEqualTo(CheckStatus.PASS);
    }

    @Test
    void tooManyValuesIsError() {
        ArrayNode list = NODES.arrayNode();
        for (int i = 0; i < 300_000; i++) {
            list.add(i);
        }
        CheckResult result = evaluate("true", withField("l", list), Map.of());
        assertThat(result.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(result.reason()).contains("more than 250000 JSON values");
    }

    @Test
    void nestedComprehensionsOverALargeListStopAtTheIterationBudget() {
        ArrayNode list = NODES.arrayNode();
        for (int i = 0; i < 5_000; i++) {
            list.add(i);
        }
        CheckResult result = evaluate(
                "resource.configuration.l.all(x, resource.configuration.l.all(y, x + y >= 0))",
                withField("l", list), Map.of());
        assertThat(result.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(result.reason()).contains("Iteration budget exceeded");
    }

    @Test
    void aSingleComprehensionWithinTheBudgetRuns() {
        ArrayNode list = NODES.arrayNode();
        for (int i = 0; i < 5_000; i++) {
            list.add(i);
        }
        assertThat(evaluate("resource.configuration.l.all(x, x >= 0)", withField("l", list), Map.of()).status())
                .isEqualTo(CheckStatus.PASS);
    }

    @Test
    void controlCharactersAndLongValuesDoNotReachTheReason() {
        String nasty = "\u001b[31m" + "2026-13-99".repeat(2_000) + "\r\n\u0007";
        CheckResult result = evaluate("timestamp(resource.tags.expires) > now", NODES.objectNode(),
                Map.of("expires", nasty));
        assertThat(result.status()).isEqualTo(CheckStatus.ERROR);
    }

    @Test
    void oddNumbersAndNullsConvert() {
        ObjectNode configuration = NODES.objectNode();
        configuration.put("big", new java.math.BigInteger("123456789012345678901234567890"));
        configuration.put("dec", new java.math.BigDecimal("0.1"));
        configuration.putNull("nothing");
        configuration.set("bin", NODES.binaryNode(new byte[]{1, 2}));
        assertThat(evaluate("resource.configuration.big > 1.0e29 && resource.configuration.dec == 0.1"
                + " && resource.configuration.nothing == null && resource.configuration.bin != ''",
                configuration, Map.of()).status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void wrongTypesInTheDataAreErrorNotCrash() {
        JsonNode configuration = withField("ipPermissions", NODES.textNode("not a list"));
        CheckResult result = evaluate("resource.configuration.ipPermissions.exists(p, p.fromPort == 22)",
                configuration, Map.of());
        assertThat(result.status()).isEqualTo(CheckStatus.ERROR);
    }
}
