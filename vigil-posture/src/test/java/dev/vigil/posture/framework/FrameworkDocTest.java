package dev.vigil.posture.framework;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/posture-frameworks.md's table of built-in frameworks states the files' real counts. */
class FrameworkDocTest {

    static final Path DOC = Path.of("..", "docs", "posture-frameworks.md");

    @Test
    void theTableOfBuiltInFrameworksMatchesTheFiles() throws IOException {
        List<String> lines = Files.readAllLines(DOC, StandardCharsets.UTF_8);
        for (Framework f : FrameworkLoader.builtIns()) {
            String row = lines.stream().filter(l -> l.startsWith("| `" + f.id() + "` |")).findFirst().orElse(null);
            assertThat(row).as("docs/posture-frameworks.md has a row for " + f.id()).isNotNull();
            List<String> cells = Arrays.stream(row.split("\\|")).map(String::strip).toList();
            long manual = f.requirements().stream().filter(Requirement::manual).count();
            String split = count(f, Responsibility.CUSTOMER) + " / " + count(f, Responsibility.SHARED) + " / "
                    + count(f, Responsibility.AWS);
            assertThat(cells.subList(4, 8)).as(f.id()).containsExactly(
                    Integer.toString(f.requirements().size()), Long.toString(f.requirements().size() - manual),
                    Long.toString(manual), split);
        }
    }

    private static long count(Framework f, Responsibility r) {
        return f.requirements().stream().filter(q -> q.responsibility() == r).count();
    }
}
