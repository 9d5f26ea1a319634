package dev.vigil.engine;

import dev.vigil.engine.sigma.Placeholders;
import dev.vigil.engine.sigma.PlaceholdersException;
import dev.vigil.engine.testing.Detections;
import dev.vigil.engine.testing.MapEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The placeholders file and how it reaches the rules through {@link RuleLoadOptions}. */
class PlaceholdersLoadingTest {

    private static final String RULE = """
            title: Console sign-in from outside the admin networks
            name: test-admin-sign-in
            logsource: {product: aws, service: cloudtrail}
            detection:
              selection:
                eventName: ConsoleLogin
                userIdentity.userName|expand: '%Administrators%'
              trusted:
                sourceIPAddress|expand|cidr: '%admin_nets%'
              condition: selection and not trusted
            """;

    private static final String FILE = """
            # values for the expand modifier
            placeholders:
              Administrators: [alice, 'ops-*']
              admin_nets:
                - 10.0.0.0/8
                - 2001:db8::/32
              single: one value
            """;

    @Test
    void aPlaceholdersFileFeedsTheRulesOfADirectory(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("placeholders.yml"), FILE);
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("admin.yml"), RULE);
        Placeholders p = RuleLoader.loadPlaceholders(file);
        assertThat(p.values()).containsEntry("Administrators", List.of("alice", "ops-*"))
                .containsEntry("admin_nets", List.of("10.0.0.0/8", "2001:db8::/32"))
                .containsEntry("single", List.of("one value"));
        RuleLoadOptions options = RuleLoadOptions.DEFAULT.withPlaceholders(p);
        DetectionSet set = DetectionSet.of(RuleLoader.loadDirectory(rules, options));
        assertThat(set.problems()).isEmpty();
        MapEvent outside = new MapEvent(Map.of("eventName", "ConsoleLogin", "userIdentity.userName", "ops-jane",
                "sourceIPAddress", "198.51.100.7"));
        MapEvent inside = new MapEvent(Map.of("eventName", "ConsoleLogin", "userIdentity.userName", "alice",
                "sourceIPAddress", "10.2.3.4"));
        MapEvent other = new MapEvent(Map.of("eventName", "ConsoleLogin", "userIdentity.userName", "bob",
                "sourceIPAddress", "198.51.100.7"));
        assertThat(Detections.hits(set, List.of(outside, inside, other))).singleElement()
                .satisfies(h -> assertThat(h.ruleId()).isEqualTo("test-admin-sign-in"));
        assertThat(RuleLoader.loadFile(rules.resolve("admin.yml"), options).problems()).isEmpty();
        assertThat(RuleLoader.loadText("admin.yml", RULE, options).problems()).isEmpty();
    }

    @Test
    void withoutPlaceholdersTheRuleIsRejectedAndTheOthersLoad() {
        String other = RULE.replace("test-admin-sign-in", "test-other").replace("|expand", "")
                .replace("%Administrators%", "alice").replace("'%admin_nets%'", "10.0.0.0/8");
        RuleLoadResult r = RuleLoader.loadText("rules.yml", RULE + "---\n" + other);
        assertThat(r.documents()).extracting(d -> d.ruleId()).containsExactly("test-other");
        assertThat(r.problems()).hasSize(2).allSatisfy(p -> {
            assertThat(p.reason()).isEqualTo("modifier-invalid");
            assertThat(p.message()).contains("rule 'test-admin-sign-in'").contains("is not defined")
                    .contains("no placeholders file was given");
        });
        assertThat(r.problems().get(0).location()).isEqualTo("rules.yml:7");
        assertThat(r.problems().get(0).message()).contains("'userIdentity.userName|expand'")
                .contains("%Administrators%");
        assertThat(r.problems().get(1).message()).contains("'sourceIPAddress|expand|cidr'").contains("%admin_nets%");
    }

    @Test
    void badPlaceholderFilesNameFileLineAndProblem(@TempDir Path dir) throws IOException {
        assertThat(failure(dir, "placeholders: [a, b]\n")).contains("p.yml:1").contains("must map names to values");
        assertThat(failure(dir, "placeholders:\n  a: []\n")).contains("p.yml:2").contains("'a' has no values");
        assertThat(failure(dir, "placeholders:\n  a: [x, null]\n")).contains("values are text or numbers");
        assertThat(failure(dir, "placeholders:\n  a: [x, {k: v}]\n")).contains("not a mapping");
        assertThat(failure(dir, "placeholders:\n  'a b': [x]\n")).contains("use only letters");
        assertThat(failure(dir, "placeholder:\n  a: [x]\n")).contains("unknown key 'placeholder'");
        assertThat(failure(dir, "- a\n")).contains("one YAML mapping");
        assertThat(failure(dir, "placeholders: {a: [x\n")).contains("p.yml:");
        assertThat(failure(dir, "placeholders:\n  a: &x [1]\n  b: *x\n")).contains("p.yml:");
        assertThatThrownBy(() -> RuleLoader.loadPlaceholders(dir.resolve("missing.yml")))
                .isInstanceOf(PlaceholdersException.class).hasMessageContaining("no such placeholders file");
        Path latin1 = Files.write(dir.resolve("l.yml"), new byte[] {'a', ':', ' ', (byte) 0xE9});
        assertThatThrownBy(() -> RuleLoader.loadPlaceholders(latin1)).hasMessageContaining("not UTF-8");
        Path big = Files.writeString(dir.resolve("big.yml"), "#" + "x".repeat((int) RuleLoader.MAX_FILE_BYTES));
        assertThatThrownBy(() -> RuleLoader.loadPlaceholders(big)).hasMessageContaining("over the limit");
    }

    @Test
    void numbersAndBooleansAreKeptAsWritten() throws PlaceholdersException {
        Placeholders p = Placeholders.parse("p.yml", "placeholders:\n  ports: [22, 0x10, 3389]\n  flag: true\n");
        assertThat(p.values()).containsEntry("ports", List.of("22", "0x10", "3389")).containsEntry("flag",
                List.of("true"));
        assertThat(Placeholders.parse("p.yml", "placeholders: {}\n").isEmpty()).isTrue();
    }

    private static String failure(Path dir, String text) throws IOException {
        Path file = Files.writeString(dir.resolve("p.yml"), text);
        try {
            RuleLoader.loadPlaceholders(file);
        } catch (PlaceholdersException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted: " + text);
    }
}
