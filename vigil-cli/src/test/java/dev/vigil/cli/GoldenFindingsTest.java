package dev.vigil.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden test from raw records to findings: the 310 real Stratus Red Team records in, the exact OCSF findings out.
 * A change in any rule, reader or writer shows as a diff of the golden file. After reviewing the change, regenerate
 * with {@code ./run-tests -pl vigil-cli -Dtest=GoldenFindingsTest -Dvigil.golden.update=true} and review the diff.
 */
class GoldenFindingsTest {

    static final Path GOLDEN = Paths.get("src/test/resources/golden/stratus.findings.ocsf.jsonl");

    @TempDir
    Path dir;

    @Test
    void stratusRecordsGiveExactlyTheGoldenFindings() throws IOException {
        Path stratus = ScanCommandTest.shared().resolve("data/stratus-detonations").toAbsolutePath().normalize();
        List<String> args = new ArrayList<>(List.of("scan", "--no-store", "--out", dir.toString(), "--color", "never"));
        try (var files = Files.list(stratus)) {
            files.filter(p -> p.toString().endsWith(".json")).map(Path::toString).sorted().forEach(args::add);
        }
        CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        String actual = Files.readString(dir.resolve(ScanOutputs.FINDINGS_FILE))
                .replace(stratus + "/", "STRATUS/")
                .replace("\"version\":\"" + VigilCommand.version() + "\"", "\"version\":\"VERSION\"");
        if (Boolean.getBoolean("vigil.golden.update")) {
            Files.writeString(GOLDEN, actual);
        }
        assertThat(actual).isEqualTo(Files.readString(GOLDEN));
    }
}
