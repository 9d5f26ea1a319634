package dev.vigil.engine.intel;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens an indicator file, gunzipping {@code .gz} files, and peeks at its start to detect the format. */
final class IntelInput {

    private static final int HEAD = 64 * 1024;

    private IntelInput() {
    }

    static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
        if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".gz")) {
            in = new BufferedInputStream(new GZIPInputStream(in, 64 * 1024), 64 * 1024);
        }
        return in;
    }

    /** UTF-8 text; malformed bytes become U+FFFD (and then fail as addresses, naming the line). */
    static Reader reader(InputStream in) {
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
    }

    /** The format detected from the file's first 64 KiB. */
    static IntelFormat detect(Path file) throws IOException {
        try (InputStream in = open(file)) {
            byte[] head = in.readNBytes(HEAD);
            String text = new String(head, StandardCharsets.UTF_8);
            if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
                text = text.substring(1);
            }
            return IntelFormat.detect(text);
        }
    }
}
