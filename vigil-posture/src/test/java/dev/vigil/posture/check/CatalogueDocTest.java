package dev.vigil.posture.check;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/posture-checks.md is generated from the checks' metadata. Run {@code scripts/posture-catalogue} after changing
 * a check; this test fails until the committed file matches the code.
 */
class CatalogueDocTest {

    static final Path DOC = Path.of("..", "docs", "posture-checks.md");

    @Test
    void theCommittedCatalogueMatchesTheChecks() throws IOException {
        String expected = CatalogueMarkdown.render(BuiltInChecks.all());
        if (Boolean.getBoolean("vigil.regenerate")) {
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
        }
        assertThat(DOC).as("run scripts/posture-catalogue to regenerate docs/posture-checks.md").exists();
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @Test
    void everyBuiltInCheckHasAUniqueIdAndFullMetadata() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Check c : BuiltInChecks.all()) {
            CheckMetadata m = c.metadata();
            assertThat(ids.add(m.id())).as("duplicate check id %s", m.id()).isTrue();
            assertThat(m.rationale()).as(m.id()).isNotBlank();
            assertThat(m.remediation().awsCli()).as(m.id()).contains("aws ");
            assertThat(m.permissions()).as(m.id()).isNotEmpty();
        }
    }
}
