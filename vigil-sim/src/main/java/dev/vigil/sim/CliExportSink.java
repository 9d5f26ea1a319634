package dev.vigil.sim;

import dev.vigil.sim.Json.Obj;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import static dev.vigil.sim.Json.obj;

/**
 * Where the supplementary exports go: one file per call at
 * {@code supplementary/<ACCOUNT>/<REGION or global>/<service>.<operation>[.<subject>].json}, in the AWS CLI's
 * JSON style, written as soon as it is built. Also the time formats the CLI prints.
 */
final class CliExportSink {

    private static final DateTimeFormatter CLI_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'+00:00'").withZone(ZoneOffset.UTC);

    private final Path root;
    private final List<Path> written = new ArrayList<>();

    CliExportSink(Path root) {
        this.root = root;
    }

    void put(String account, String region, String service, String operation, String subject, Object body) {
        String name = service + "." + operation + (subject == null ? "" : "." + subject) + ".json";
        Path file = root.resolve(account).resolve(region).resolve(name);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, TreeJson.cli(body));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the supplementary export " + file + ": " + e.getMessage(), e);
        }
        written.add(file);
    }

    List<Path> written() {
        return List.copyOf(written);
    }

    /** What the CLI's JSON error output records: the service's error code and message. */
    static Obj error(String code, String message) {
        return obj("Error", obj("Code", code, "Message", message));
    }

    /** AWS CLI v2's rendering of a typed timestamp: {@code 2026-10-01T14:59:29.162000+00:00}. */
    static String cliTime(long millis) {
        return CLI_TIME.format(Instant.ofEpochMilli(millis));
    }

    /** A timestamp the service itself returns as text (GuardDuty, Security Hub): {@code 2026-10-01T14:59:29.162Z}. */
    static String isoZ(long millis) {
        return ConfigItem.time(millis);
    }

    /** CloudTrail's get-trail-status text fields: {@code 2026-10-01T14:59:29Z}. */
    static String seconds(long millis) {
        return Instant.ofEpochMilli(millis / 1000 * 1000).toString();
    }
}
