package dev.vigil.hub.routing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes a routing file into a test directory and loads it. */
final class Configs {

    private Configs() {
    }

    static RoutingConfig load(Path dir, String yaml, Map<String, String> env) throws IOException {
        Path file = dir.resolve("routing.yaml");
        Files.writeString(file, yaml);
        return RoutingConfigLoader.load(file, env);
    }
}
