package dev.vigil.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removes a temporary folder Vigil made (copies of S3 inputs); best effort, a leftover is only disk space. */
final class ScratchFolder {

    private ScratchFolder() {
    }

    static void delete(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("vigil: could not remove the temporary folder " + folder + " (" + e.getMessage() + ")");
        }
    }
}
