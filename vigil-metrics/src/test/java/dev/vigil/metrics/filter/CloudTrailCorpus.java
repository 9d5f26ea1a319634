package dev.vigil.metrics.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.metrics.pattern.SharedData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Real CloudTrail records: the Stratus Red Team detonations in ../shared and the built-in Sigma rule examples. */
final class CloudTrailCorpus {

    static final Path RULE_EXAMPLES = Path.of("../vigil-engine/src/main/resources/rules/tests");
    private static final ObjectMapper JSON = new ObjectMapper();

    private CloudTrailCorpus() {
    }

    /** Each record as compact JSON text. */
    static List<String> records() {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(SharedData.stratus()); Stream<Path> t = Files.walk(RULE_EXAMPLES)) {
            s.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
            t.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
            List<String> out = new ArrayList<>();
            for (Path f : files) {
                JsonNode root = JSON.readTree(f.toFile());
                JsonNode list = root.isArray() ? root : root.path("Records");
                for (JsonNode r : list) {
                    out.add(r.toString());
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(String record) {
        try {
            return JSON.readTree(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
