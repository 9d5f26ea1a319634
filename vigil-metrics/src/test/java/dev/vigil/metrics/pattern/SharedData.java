package dev.vigil.metrics.pattern;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the project's shared data (/work/shared): system property vigil.shared, else ../../shared. */
public final class SharedData {

    private SharedData() {
    }

    public static Path dir() {
        String configured = System.getProperty("vigil.shared");
        Path dir = configured != null ? Path.of(configured) : Path.of("../../shared");
        if (!Files.isDirectory(dir.resolve("data"))) {
            dir = Path.of("../../shared");
        }
        return dir.toAbsolutePath().normalize();
    }

    public static Path stratus() {
        return dir().resolve("data/stratus-detonations");
    }

    public static Path filterPatternVectors() {
        return dir().resolve("specs/testvectors/cloudwatch-filter-patterns.json");
    }
}
