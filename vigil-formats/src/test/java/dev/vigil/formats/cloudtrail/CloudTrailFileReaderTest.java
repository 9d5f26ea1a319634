package dev.vigil.formats.cloudtrail;

import dev.vigil.formats.input.LogFile;
import dev.vigil.model.Event;
import dev.vigil.model.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class CloudTrailFileReaderTest {

    static final String REC1 = "{\"eventVersion\":\"1.08\",\"eventTime\":\"2024-07-31T13:06:24Z\",\"eventSource\":"
            + "\"cloudtrail.amazonaws.com\",\"eventName\":\"StopLogging\",\"awsRegion\":\"apiso-centralnorth-2r\","
            + "\"eventID\":\"e-1\",\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::111122223333:user/a\","
            + "\"accountId\":\"111122223333\"},\"requestParameters\":{\"name\":\"trail\"},\"futureField\":{\"x\":[1,2]}}";
    static final String REC2 = REC1.replace("e-1", "e-2").replace("StopLogging", "DeleteTrail");

    @TempDir
    Path dir;

    final List<CloudTrailEvent> events = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();

    CloudTrailFileReader.Result read(Path p) throws IOException {
        return read(p, 4096);
    }

    CloudTrailFileReader.Result read(Path p, int maxRecord) {
        CloudTrailFileReader r = new CloudTrailFileReader(new CloudTrailFileReader.Limits(maxRecord, 1 << 24), new LongAdder());
        return r.read(new LogFile(p, p.getFileName().toString(), 0), e -> events.add(e.detach()), problems::add);
    }

    Path write(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    static byte[] gzip(String s) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(s.getBytes(StandardCharsets.UTF_8));
        }
        return bos.toByteArray();
    }

    @Test
    void eventsAreViewsForTheCallbackAndDetachedCopiesKeepTheirRecord() throws IOException {
        Path p = write("two.json", ("[" + REC1 + "," + REC2 + "]").getBytes(StandardCharsets.UTF_8));
        List<CloudTrailEvent> views = new ArrayList<>();
        List<String> idsInCallback = new ArrayList<>();
        new CloudTrailFileReader(CloudTrailFileReader.Limits.DEFAULT, new LongAdder()).read(
                new LogFile(p, "two.json", 0), e -> {
                    views.add(e);
                    idsInCallback.add(e.id() + "/" + e.field("eventName"));
                    events.add(e.detach());
                }, problems::add);
        assertThat(idsInCallback).hasSize(2).doesNotHaveDuplicates();
        assertThat(events).extracting(e -> e.id() + "/" + e.field("eventName")).isEqualTo(idsInCallback);
        assertThat(events).extracting(CloudTrailEvent::origin).containsExactly("two.json#record 1", "two.json#record 2");
        // the reader reuses one view per file: a kept view shows the last record, which is why detach() exists
        assertThat(views.get(0)).isSameAs(views.get(1));
    }

    @Test
    void readsTheDeliveryWrapperGzippedWhateverTheName() throws IOException {
        var res = read(write("oddly-named.bin", gzip("{\"Records\":[" + REC1 + "," + REC2 + "]}")));
        assertThat(res.kind()).isEqualTo(FileKind.CLOUDTRAIL);
        assertThat(res.records()).isEqualTo(2);
        assertThat(problems).isEmpty();
        assertThat(events).extracting(Event::id).containsExactly("e-1", "e-2");
        CloudTrailEvent e = events.get(0);
        assertThat(e.field("eventName")).isEqualTo("StopLogging");
        assertThat(e.field("awsRegion")).isEqualTo("apiso-centralnorth-2r");
        assertThat(e.field("userIdentity.type")).isEqualTo("IAMUser");
        assertThat(e.field("requestParameters.name")).isEqualTo("trail");
        assertThat(e.field("futureField.x")).isEqualTo(List.of(1L, 2L));
        assertThat(e.field("futureField")).isEqualTo(new Event.ObjectValue("{\"x\":[1,2]}"));
        assertThat(e.field("nope.nothing")).isNull();
        assertThat(e.rawJson()).isEqualTo(REC1);
        assertThat(e.timeMillis()).isEqualTo(java.time.Instant.parse("2024-07-31T13:06:24Z").toEpochMilli());
        assertThat(e.origin()).isEqualTo("oddly-named.bin#record 1");
    }

    @Test
    void readsArraysAndJsonLinesAndPrettyPrintedSingleRecords() throws IOException {
        read(write("a.json", ("[\n  " + REC1 + ",\n  " + REC2 + "\n]").getBytes(StandardCharsets.UTF_8)));
        read(write("b.jsonl", (REC1 + "\n" + REC2 + "\n").getBytes(StandardCharsets.UTF_8)));
        read(write("c.json", REC1.replace(",", ",\n   ").getBytes(StandardCharsets.UTF_8)));
        assertThat(events).hasSize(5);
        assertThat(problems).isEmpty();
    }

    @Test
    void readsEveryStratusDetonationFile() throws IOException {
        Path stratus = SharedData.dir().resolve("data/stratus-detonations");
        long total = 0;
        try (var files = Files.list(stratus)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                total += read(p, 1 << 20).records();
            }
        }
        assertThat(total).isEqualTo(310);
        assertThat(problems).isEmpty();
        assertThat(events).allSatisfy(e -> assertThat(e.id()).isNotEmpty());
    }

    @Test
    void readsTheAwsDocumentationExamplesAsJsonLines() throws IOException {
        Path p = SharedData.dir().resolve("data/aws-docs-examples/cloudtrail_doc_examples.jsonl");
        var res = read(p, 1 << 20);
        // Line 11 is an excerpt from AWS's guide that holds only eventVersion and userIdentity (with mangled
        // "arn: aws: sts: : …" spacing): it must be reported and skipped, not crash the reader or be guessed at.
        assertThat(res.records()).isEqualTo(19);
        assertThat(problems).singleElement().satisfies(pr -> {
            assertThat(pr.reason()).isEqualTo("missing-field");
            assertThat(pr.location()).startsWith("cloudtrail_doc_examples.jsonl#record 11");
        });
    }

    @Test
    void recognisesDigestFilesAndSkipsOtherJson() throws IOException {
        var digest = read(SharedData.dir().resolve("data/aws-docs-examples/digest_0.json"));
        assertThat(digest.kind()).isEqualTo(FileKind.CLOUDTRAIL_DIGEST);
        var other = read(write("package.json", "{\"name\":\"x\",\"version\":\"1\"}".getBytes(StandardCharsets.UTF_8)));
        assertThat(other.kind()).isEqualTo(FileKind.UNKNOWN);
        var binary = read(write("img.png", new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 1, 2}));
        assertThat(binary.kind()).isEqualTo(FileKind.UNKNOWN);
        assertThat(problems).extracting(Problem::reason).containsExactly("not-cloudtrail", "not-cloudtrail");
        assertThat(events).isEmpty();
    }

    @Test
    void recognisesInsightFiles() throws IOException {
        String insight = "{\"eventVersion\":\"1.07\",\"eventTime\":\"2019-11-14T00:51:00Z\",\"awsRegion\":\"us-east-1\","
                + "\"eventID\":\"i-1\",\"eventType\":\"AwsCloudTrailInsight\",\"eventCategory\":\"Insight\","
                + "\"insightDetails\":{\"state\":\"Start\"}}";
        var res = read(write("insight.json.gz", gzip("{\"Records\":[" + insight + "]}")));
        assertThat(res.kind()).isEqualTo(FileKind.CLOUDTRAIL_INSIGHT);
        assertThat(res.records()).isEqualTo(1);
    }

    @Test
    void skipsBrokenRecordsAndKeepsTheRest() throws IOException {
        String missingName = REC1.replace("\"eventName\":\"StopLogging\",", "");
        String wrongType = REC1.replace("\"eventName\":\"StopLogging\"", "\"eventName\":42");
        String badTime = REC1.replace("2024-07-31T13:06:24Z", "yesterday");
        String invalid = REC1.replace("\"trail\"}", "tru}");
        String huge = REC1.replace("\"trail\"", "\"" + "A".repeat(10_000) + "\"");
        String body = "{\"Records\":[" + String.join(",", REC1, missingName, wrongType, badTime, invalid, huge, "7", REC2) + "]}";
        var res = read(write("mixed.json", body.getBytes(StandardCharsets.UTF_8)));
        assertThat(res.records()).isEqualTo(2);
        assertThat(res.skippedRecords()).isEqualTo(6);
        assertThat(problems).extracting(Problem::reason).containsExactly(
                "missing-field", "wrong-type", "bad-time", "invalid-json", "record-too-large", "not-an-object");
        assertThat(problems.get(0).location()).startsWith("mixed.json#record 2 (byte ");
        assertThat(events).extracting(Event::id).containsExactly("e-1", "e-2");
    }

    @Test
    void aCutJsonLineDoesNotSwallowTheNextOne() throws IOException {
        String cut = REC1.substring(0, 120);
        var res = read(write("lines.jsonl", (REC1 + "\n" + cut + "\n" + REC2 + "\n").getBytes(StandardCharsets.UTF_8)));
        assertThat(events).extracting(Event::id).containsExactly("e-1", "e-2");
        assertThat(res.skippedRecords()).isEqualTo(1);
        assertThat(problems).extracting(Problem::reason).containsExactly("invalid-json");
        assertThat(problems.get(0).message()).contains("line break inside a string");
    }

    @Test
    void truncatedGzipKeepsTheRecordsBeforeTheDamage() throws IOException {
        StringBuilder sb = new StringBuilder("{\"Records\":[");
        for (int i = 0; i < 200; i++) {
            sb.append(i == 0 ? "" : ",").append(REC1.replace("e-1", "e-" + i).replace("StopLogging", "Op" + Integer.toHexString(i * 7919)));
        }
        byte[] gz = gzip(sb.append("]}").toString());
        var res = read(write("cut.json.gz", Arrays.copyOf(gz, gz.length * 2 / 3)));
        assertThat(res.records()).isBetween(1L, 199L);
        assertThat(problems).extracting(Problem::reason).containsAnyOf("truncated-gzip", "truncated");
    }

    @Test
    void emptyAndMissingFilesAreReported() throws IOException {
        var empty = read(write("empty.json", new byte[0]));
        assertThat(empty.kind()).isEqualTo(FileKind.EMPTY);
        var missing = read(dir.resolve("gone.json"));
        assertThat(missing.kind()).isEqualTo(FileKind.UNREADABLE);
        assertThat(problems).extracting(Problem::reason).containsExactly("empty", "unreadable");
    }

    @Test
    void decompressionIsBounded() throws IOException {
        String big = "{\"Records\":[" + (REC1 + ",").repeat(2000) + REC2 + "]}";
        CloudTrailFileReader r = new CloudTrailFileReader(new CloudTrailFileReader.Limits(4096, 100_000), new LongAdder());
        Path p = write("bomb.json.gz", gzip(big));
        var res = r.read(new LogFile(p, "bomb", Files.size(p)), e -> events.add(e.detach()), problems::add);
        assertThat(problems).extracting(Problem::reason).containsExactly("decompression-limit");
        assertThat(res.records()).isLessThan(2001);
    }

    @Test
    void hostileValuesAreKeptVerbatimAsData() throws IOException {
        String hostile = REC1.replace("StopLogging", "<script>alert(1)</script>\\u001b[31m\\u0000");
        read(write("h.json", ("[" + hostile + "]").getBytes(StandardCharsets.UTF_8)));
        assertThat(events.get(0).field("eventName")).isEqualTo("<script>alert(1)</script>\u001b[31m\u0000");
    }

    @Test
    void fieldsOfEveryKindAndDepthReadTheirRealValues() throws IOException {
        String rec = REC1.replace("\"eventID\":\"e-1\",", "\"eventID\":\"e-1\",\"userAgent\":5,\"readOnly\":true,"
                + "\"errorCode\":null,")
                .replace("\"accountId\":\"111122223333\"}", "\"accountId\":\"111122223333\",\"sessionContext\":"
                        + "{\"attributes\":{\"mfaAuthenticated\":\"false\"}},\"invokedBy\":\"\\u0073ns.amazonaws.com\"}");
        read(write("kinds.json", ("[" + rec + "]").getBytes(StandardCharsets.UTF_8)));
        assertThat(problems).isEmpty();
        CloudTrailEvent e = events.get(0);
        assertThat(e.field("userAgent")).isEqualTo(5L);
        assertThat(e.field("readOnly")).isEqualTo(true);
        assertThat(e.field("errorCode")).isSameAs(Event.NULL);
        assertThat(e.field("errorMessage")).isNull();
        assertThat(e.field("userIdentity.invokedBy")).isEqualTo("sns.amazonaws.com");
        assertThat(e.field("userIdentity.sessionContext.attributes.mfaAuthenticated")).isEqualTo("false");
        assertThat(e.field("userIdentity")).isInstanceOf(Event.ObjectValue.class);
        assertThat(e.field("requestParameters")).isEqualTo(new Event.ObjectValue("{\"name\":\"trail\"}"));
    }

    /** Locates ../shared from the test's working directory or the vigil.shared property. */
    static final class SharedData {
        static Path dir() {
            String prop = System.getProperty("vigil.shared");
            if (prop != null && Files.isDirectory(Paths.get(prop))) {
                return Paths.get(prop);
            }
            return Paths.get("../../shared");
        }
    }
}
