package dev.vigil.posture.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Places the test fixtures (src/test/resources/posture-input) into a temporary input tree, gzipped or not. */
final class InputFixtures {

    private InputFixtures() {
    }

    static String text(String fixture) {
        try (InputStream in = InputFixtures.class.getResourceAsStream("/posture-input/" + fixture)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + fixture);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes text at {@code dir/relative}, creating folders. */
    static Path write(Path dir, String relative, String text) {
        try {
            Path p = dir.resolve(relative);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes text gzipped at {@code dir/relative}. */
    static Path writeGzip(Path dir, String relative, String text) {
        try {
            Path p = dir.resolve(relative);
            Files.createDirectories(p.getParent());
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The S3 delivery key of a snapshot, with Config's non-padded month and day. */
    static final String SNAPSHOT_KEY = "o-abc123/AWSLogs/111122223333/Config/us-east-2/2021/1/13/ConfigSnapshot/"
            + "111122223333_Config_us-east-2_ConfigSnapshot_20210113T050023Z_0f1d63cc-aee4-48b8-82ab-4f38087be14e.json.gz";
}
