package dev.vigil.formats.json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JsonRecordScannerTest {

    final List<String> records = new ArrayList<>();
    final List<String> reasons = new ArrayList<>();
    final List<String> names = new ArrayList<>();
    JsonRecordScanner.Shape shape;

    void scan(String json) throws IOException {
        scan(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), 1 << 20);
    }

    void scan(InputStream in, int max) throws IOException {
        FieldSpans spans = new FieldSpans(List.of("eventName", "userIdentity"));
        new JsonRecordScanner(in, max, spans, new JsonRecordScanner.Listener() {
            @Override
            public void shape(JsonRecordScanner.Shape s) {
                shape = s;
            }

            @Override
            public void record(byte[] buf, int off, int len, long byteOffset, FieldSpans f) {
                records.add(new String(buf, off, len, StandardCharsets.UTF_8));
                names.add(f.start(0) < 0 ? null : new String(buf, off + f.start(0), f.end(0) - f.start(0), StandardCharsets.UTF_8));
            }

            @Override
            public void problem(long byteOffset, String reason, String message) {
                reasons.add(reason);
            }
        }).scan();
    }

    @Test
    void findsTheSpansOfTheFieldsOfInterest() throws IOException {
        scan("{\"Records\":[{\"a\":{\"eventName\":\"inner\"},\"eventName\":\"Outer\",\"userIdentity\":{\"type\":\"Root\"}}]}");
        assertThat(shape).isEqualTo(JsonRecordScanner.Shape.RECORDS_WRAPPER);
        assertThat(names).containsExactly("\"Outer\"");
    }

    @Test
    void anEscapedKeyIsTheSameKey() throws IOException {
        scan("[{\"\\u0065ventName\":\"Sneaky\"}]");
        assertThat(names).containsExactly("\"Sneaky\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"eventName\":tru}", "{\"eventName\":01}", "{\"eventName\":1.}", "{\"eventName\":-}", "{\"eventName\":1e}",
            "{\"eventName\":\"a\\x\"}", "{\"eventName\":\"a\\u12\"}", "{\"eventName\":\"tab\there\"}",
            "{\"a\":[1,2,]}", "{\"a\":{\"b\" 1}}", "{\"a\":{,}}", "{\"a\":nul}", "{\"a\":[1 2]}", "{\"a\":\"x\"\"y\"}"})
    void malformedRecordsAreRejectedAndTheNextOneIsStillRead(String bad) throws IOException {
        scan("[" + bad + ",{\"eventName\":\"Good\"}]");
        assertThat(reasons).as(bad).containsExactly("invalid-json");
        assertThat(records).as(bad).containsExactly("{\"eventName\":\"Good\"}");
    }

    @Test
    void validEdgeCasesAreAccepted() throws IOException {
        String ok = "{\"n\":[0,-0,1.5e10,-2E-3,12345678901234567890],\"s\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9 é\","
                + "\"t\":true,\"f\":false,\"z\":null,\"e\":{},\"a\":[],\"eventName\":\"X\"}";
        scan("[" + ok + "]");
        assertThat(reasons).isEmpty();
        assertThat(records).containsExactly(ok);
    }

    @Test
    void nestingIsBounded() throws IOException {
        String deep = "{\"a\":" + "[".repeat(300) + "]".repeat(300) + "}";
        scan("[" + deep + ",{\"eventName\":\"Good\"}]");
        assertThat(reasons).containsExactly("invalid-json");
        assertThat(names).containsExactly("\"Good\"");
    }

    @Test
    void recordsSpanningBufferRefillsKeepTheirSpans() throws IOException {
        String pad = "x".repeat(70_000);
        scan("[{\"pad\":\"" + pad + "\",\"eventName\":\"After\"},{\"eventName\":\"Second\"}]");
        assertThat(names).containsExactly("\"After\"", "\"Second\"");
        assertThat(records.get(0)).isEqualTo("{\"pad\":\"" + pad + "\",\"eventName\":\"After\"}");
    }

    @Test
    void jsonLinesWithABrokenLineResumeAtTheNextLine() throws IOException {
        scan("{\"eventName\":\"One\"}\n{\"eventName\":\"Tw\n{\"eventName\":\"Three\"}\n");
        assertThat(shape).isEqualTo(JsonRecordScanner.Shape.OBJECTS);
        assertThat(names).containsExactly("\"One\"", "\"Three\"");
        assertThat(reasons).containsExactly("invalid-json");
    }

    @Test
    void aRecordOverTheLimitIsSkippedNotBuffered() throws IOException {
        String big = "{\"eventName\":\"Big\",\"pad\":\"" + "y".repeat(5000) + "\"}";
        scan(new ByteArrayInputStream(("[" + big + ",{\"eventName\":\"Small\"}]").getBytes(StandardCharsets.UTF_8)), 1000);
        assertThat(reasons).containsExactly("record-too-large");
        assertThat(names).containsExactly("\"Small\"");
    }

    @Test
    void truncatedInputIsReported() throws IOException {
        scan("{\"Records\":[{\"eventName\":\"A\"},{\"eventName\":\"B");
        assertThat(names).containsExactly("\"A\"");
        assertThat(reasons).containsExactly("truncated");
    }

    @Test
    void decodesStringBodies() {
        byte[] b = "a\\u00e9\\n\\\"é\\/".getBytes(StandardCharsets.UTF_8);
        assertThat(JsonStrings.decode(b, 0, b.length)).isEqualTo("aé\n\"é/");
    }
}
