package dev.vigil.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One run of {@code vigil demo --events 6000} shared by the test classes that judge its output (the rules, the
 * flow-log and intel detections, the baselines), so the suite pays for generating and scanning the estate once.
 * The tests only read it; one that needs to scan again works on a copy of what it changes.
 */
final class SharedDemo {

    static final String EVENTS = "6000";

    private static Path dir;
    private static CliRunner.Result result;

    private SharedDemo() {
    }

    /** The demo's output folder (estate, findings, report, workspace), running the demo on first use. */
    static synchronized Path dir() {
        if (dir == null) {
            try {
                Path d = Files.createTempDirectory("vigil-shared-demo");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(d)));
                result = CliRunner.run("demo", "--out", d.toString(), "--events", EVENTS, "--color", "never");
                dir = d;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    private static void deleteTree(Path root) {
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder left behind is harmless; the test outcome is what matters
        }
    }

    static synchronized CliRunner.Result result() {
        dir();
        return result;
    }
}
