package dev.vigil.posture.custom;

import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.EstateFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What docs/posture-custom-checks.md shows is what the loader accepts and the evaluator does. */
class CustomCheckDocsTest {

    static final Path DOC = Path.of("..", "docs", "posture-custom-checks.md");

    @TempDir
    Path dir;

    @Test
    void theMoreExamplesSnippetsLoad() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        Matcher block = Pattern.compile("More examples:\\s+```yaml\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertThat(block.find()).as("the 'More examples' block of " + DOC).isTrue();
        StringBuilder file = new StringBuilder("checks:\n");
        int n = 0;
        for (String snippet : block.group(1).split("\\n\\s*\\n")) {
            List<String> keys = new ArrayList<>();
            for (String line : snippet.strip().split("\\n")) {
                if (!line.startsWith("#")) {
                    keys.add("    " + line + "\n");
                }
            }
            n++;
            String base = CheckFiles.check("custom.docs.example_" + n, "AWS::S3::Bucket", null, "true");
            file.append(base.replace("    resource-type: AWS::S3::Bucket\n", "").replace("    assert: 'true'\n",
                    String.join("", keys)));
        }
        CustomCheckLoader.Loaded loaded = CustomCheckLoader.load(List.of(CheckFiles.write(dir, "docs.yaml",
                file.toString())), Set.of());
        assertThat(loaded.errors()).isEmpty();
        assertThat(loaded.checks()).hasSize(4);
    }

    @Test
    void theExpressionTableWorksAsDocumented() throws IOException {
        String expression = String.join(" && ", List.of(
                "resource.tags[\"cost-centre\"] == \"42\"",
                "has(resource.configuration.metadataOptions)",
                "(true ? 1 : 2) == 1",
                "resource.configuration.l.exists_one(x, x == 2)",
                "resource.configuration.l.filter(x, x > 1).size() == 2",
                "resource.configuration.l.map(x, x * 2)[2] == 6",
                "resource.arn.matches(\"^arn:aws:s3:::\")",
                "\"A,b\".split(\",\").size() == 2 && \"A\".lowerAscii() == \"a\" && \" x \".trim() == \"x\"",
                "\"abc\".replace(\"b\", \"\").upperAscii() == \"AC\" && \"abc\".substring(0, 2) == \"ab\"",
                "\"abc\".indexOf(\"c\") == 2 && size(\"abc\") == 3",
                "now - resource.capture_time > duration(\"30m\")",
                "timestamp(resource.tags.expires) > now",
                "int(\"42\") == 42 && string(1) == \"1\" && double(1) == 1.0 && type(resource.name) == string"));
        Files.writeString(dir.resolve("t.yaml"), "checks:\n"
                + CheckFiles.check("custom.docs.table", "AWS::S3::Bucket", null, expression));
        CustomCheckLoader.Loaded loaded = CustomCheckLoader.load(List.of(dir.resolve("t.yaml")), Set.of());
        assertThat(loaded.errors()).isEmpty();
        List<CheckResult> results = loaded.checks().get(0).evaluate(new EstateFixture()
                .resource("AWS::S3::Bucket", "b", "111111111111", "us-east-1",
                        "{\"metadataOptions\":{},\"l\":[1,2,3]}", "{}",
                        Map.of("cost-centre", "42", "expires", "2027-01-01T00:00:00Z"))
                .estate());
        assertThat(results).singleElement().satisfies(r ->
                assertThat(r.status()).as(r.reason()).isEqualTo(CheckStatus.PASS));
    }
}
