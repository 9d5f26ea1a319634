package dev.vigil.formats.cloudtrail;

import dev.vigil.formats.input.LogFile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CloudTrailEvent#fieldText} answers as {@link CloudTrailEvent#field} does, strings read in place included:
 * same characters, same value for everything that is not a plain string, in whichever order the two are asked.
 */
class FieldTextTest {

    /** The text of a value as field() would give it: views become Strings, everything else stays as it is. */
    private static Object normal(Object v) {
        return v instanceof CharSequence cs ? cs.toString() : v;
    }

    @Test
    void everyLocatedFieldOfEveryRealRecordReadsTheSame() throws IOException {
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
        int views = 0;
        for (CloudTrailEvent e : events) {
            for (String path : CloudTrailEvent.LOCATED) {
                Object expected = e.detach().field(path);
                CloudTrailEvent textFirst = e.detach();
                Object text = textFirst.fieldText(path);
                views += text instanceof AsciiText ? 1 : 0;
                assertThat(normal(text)).as(e.origin() + " " + path).isEqualTo(expected);
                assertThat(normal(textFirst.fieldText(path))).as("asked again").isEqualTo(expected);
                assertThat(textFirst.field(path)).as("field after fieldText").isEqualTo(expected);
                CloudTrailEvent fieldFirst = e.detach();
                fieldFirst.field(path);
                assertThat(normal(fieldFirst.fieldText(path))).as("fieldText after field").isEqualTo(expected);
            }
        }
        assertThat(views).as("plain strings are read in place").isGreaterThan(1_000);
    }

    @Test
    void escapesNonAsciiAndOtherValuesAreDecoded() throws Exception {
        String record = """
                {"eventVersion":"1.08","eventTime":"2026-10-01T10:00:00Z","eventSource":"s3.amazonaws.com",
                 "eventName":"Get\\u004fbject","eventID":"x","userAgent":"caf\u00e9 \\"quoted\\"",
                 "sourceIPAddress":"203.0.113.9","errorCode":null,"readOnly":true,"errorMessage":"",
                 "userIdentity":{"type":"IAMUser"},"recipientAccountId":123}
                """;
        CloudTrailEvent e = CloudTrailDecoder.decode(record.getBytes(StandardCharsets.UTF_8), "t");
        for (String path : CloudTrailEvent.LOCATED) {
            Object expected = e.detach().field(path);
            assertThat(normal(e.detach().fieldText(path))).as(path).isEqualTo(expected);
        }
        assertThat(e.detach().fieldText("sourceIPAddress")).isInstanceOf(AsciiText.class).hasToString("203.0.113.9");
        assertThat(e.detach().fieldText("eventName")).isEqualTo("GetObject");
        assertThat(e.detach().fieldText("userAgent")).isEqualTo("caf\u00e9 \"quoted\"");
        assertThat(e.detach().fieldText("requestParameters.bucketName")).isNull();
    }

    @Test
    void aReusedEventReadsEachRecordsOwnText() throws IOException {
        Path file = Files.createTempFile("vigil-fieldtext", ".json");
        try {
            Files.writeString(file, """
                    {"Records":[
                     {"eventVersion":"1.08","eventTime":"2026-10-01T10:00:00Z","eventSource":"a","eventName":"A",
                      "eventID":"1","userAgent":"first-agent"},
                     {"eventVersion":"1.08","eventTime":"2026-10-01T10:00:01Z","eventSource":"b","eventName":"B",
                      "eventID":"2","userAgent":"second"},
                     {"eventVersion":"1.08","eventTime":"2026-10-01T10:00:02Z","eventSource":"c","eventName":"C",
                      "eventID":"3"}]}
                    """);
            List<String> seen = new ArrayList<>();
            new CloudTrailFileReader(CloudTrailFileReader.Limits.DEFAULT, new LongAdder())
                    .read(new LogFile(file, "f", Files.size(file)), e -> seen.add(String.valueOf(e.fieldText("userAgent"))),
                            problem -> { });
            assertThat(seen).containsExactly("first-agent", "second", "null");
        } finally {
            Files.delete(file);
        }
    }
}
