package dev.vigil.engine;

import dev.vigil.engine.testing.JsonEvent;
import dev.vigil.engine.testing.SharedData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CloudTrail record examples printed in AWS's user guide (shared/data/aws-docs-examples), one per line: which
 * rules each record matches. Lines not listed match none.
 */
class AwsDocExamplesTest {

    private static final Map<Integer, Set<String>> EXPECTED_HITS = Map.ofEntries(
            entry(1, Set.of("vigil-console-login-without-mfa")),
            entry(3, Set.of("vigil-console-login-failure")),
            entry(6, Set.of("vigil-root-account-usage", "vigil-console-login-without-mfa")),
            entry(7, Set.of("vigil-root-account-usage")),
            entry(8, Set.of("vigil-root-account-usage", "vigil-console-login-failure")),
            entry(9, Set.of("vigil-root-account-usage")),
            entry(10, Set.of("vigil-root-account-usage")),
            entry(16, Set.of("vigil-iam-user-created")),
            entry(18, Set.of("vigil-cloudtrail-trail-changed")));

    @Test
    void eachDocumentedRecordMatchesTheExpectedRules() throws IOException {
        List<String> lines = Files.readAllLines(SharedData.dir().resolve("data/aws-docs-examples/cloudtrail_doc_examples.jsonl"));
        assertThat(lines).hasSize(20);
        Map<Integer, Set<String>> actual = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Set<String> ids = new TreeSet<>();
            DetectionSet.builtIn().evaluate(JsonEvent.of(lines.get(i), "docs#" + (i + 1)), h -> ids.add(h.ruleId()));
            if (!ids.isEmpty()) {
                actual.put(i + 1, ids);
            }
        }
        assertThat(actual).isEqualTo(new TreeMap<>(EXPECTED_HITS));
    }
}
