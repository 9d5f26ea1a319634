package dev.vigil.formats.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.formats.input.LogFile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Nested paths read from the bytes answer exactly as the tree does, on real records and on awkward JSON. */
class ByteJsonPathsTest {

    private static final List<String> ROOTS = List.of("userIdentity", "requestParameters", "responseElements",
            "additionalEventData", "resources", "serviceEventDetails", "tlsDetails");

    @Test
    void everyPathOfEveryRealRecordAgreesWithTheTree() throws IOException {
        List<CloudTrailEvent> events = new ArrayList<>();
        CloudTrailFileReader reader = new CloudTrailFileReader(CloudTrailFileReader.Limits.DEFAULT, new LongAdder());
        List<Path> files;
        try (Stream<Path> s = Files.walk(CloudTrailFileReaderTest.SharedData.dir().resolve("data"))) {
            files = s.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".jsonl")).toList();
        }
        for (Path p : files) {
            reader.read(new LogFile(p, p.toString(), Files.size(p)), e -> events.add(e.detach()), problem -> { });
        }
        assertThat(events).hasSizeGreaterThan(300);
        long compared = 0;
        for (CloudTrailEvent e : events) {
            for (String path : paths(e.tree())) {
                CloudTrailEvent fresh = e.detach(); // no cached subtree: the byte reader answers
                assertThat(fresh.field(path)).as(e.origin() + " " + path).isEqualTo(JsonPaths.value(e.tree(), path));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(5_000);
    }

    @Test
    void awkwardJsonAgreesWithTheTree() throws Exception {
        String record = """
                {"eventVersion":"1.08","eventTime":"2026-10-01T10:00:00Z","eventSource":"s3.amazonaws.com",
                 "eventName":"GetObject","eventID":"x",
                 "requestParameters" : { "a.b" : "dotted key", "a" : {"b": "nested"},
                   "dup": 1, "dup": "last wins", "esc\\u0061ped": "key with escape", "s": "quote \\" and \\\\ and \\u00e9",
                   "n": -12, "big": 123456789012345678901234567890, "f": 1.5e3, "t": true, "z": null,
                   "list": [ {"k": 1}, {"k": 2} ], "obj": {"x": [1, {"y": "}"}]}, "empty": {}, "str": "]}" } }
                """;
        CloudTrailEvent e = CloudTrailDecoder.decode(record.getBytes(java.nio.charset.StandardCharsets.UTF_8), "t");
        for (String path : List.of("requestParameters.a.b", "requestParameters.a", "requestParameters.dup",
                "requestParameters.escaped", "requestParameters.s", "requestParameters.n", "requestParameters.big",
                "requestParameters.f", "requestParameters.t", "requestParameters.z", "requestParameters.list.k",
                "requestParameters.obj", "requestParameters.obj.x.y", "requestParameters.empty",
                "requestParameters.empty.x", "requestParameters.str", "requestParameters.missing",
                "requestParameters.s.deeper", "userIdentity.type", "resources.ARN")) {
            CloudTrailEvent fresh = e.detach();
            assertThat(fresh.field(path)).as(path).isEqualTo(JsonPaths.value(e.tree(), path));
        }
        assertThat(e.detach().field("requestParameters.a.b")).isEqualTo("dotted key");
        assertThat(e.detach().field("requestParameters.dup")).isEqualTo("last wins");
    }

    /** Every object path below the subtree roots, leaves and objects alike, plus a missing one per object. */
    private static Set<String> paths(JsonNode root) {
        Set<String> out = new TreeSet<>();
        for (String r : ROOTS) {
            JsonNode n = root.get(r);
            if (n != null) {
                collect(n, r, out);
            }
        }
        return out;
    }

    private static void collect(JsonNode n, String prefix, Set<String> out) {
        if (n.isObject()) {
            out.add(prefix + ".noSuchField");
            for (Map.Entry<String, JsonNode> f : n.properties()) {
                String p = prefix + "." + f.getKey();
                out.add(p);
                collect(f.getValue(), p, out);
            }
        } else if (n.isArray()) {
            for (JsonNode el : n) {
                collect(el, prefix, out);
            }
        }
    }
}
