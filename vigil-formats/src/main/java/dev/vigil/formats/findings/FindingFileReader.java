package dev.vigil.formats.findings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.formats.input.InputOpener;
import dev.vigil.formats.json.FieldSpans;
import dev.vigil.formats.json.JsonRecordScanner;
import dev.vigil.model.Problem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Reads a file of findings from GuardDuty, Security Hub (ASFF) or an OCSF producer, recognising the format from the
 * content, never the file name, and streaming one {@link IncomingFinding} at a time.
 *
 * <p>Accepted layouts, plain or gzip: JSON lines (GuardDuty's S3 export, EventBridge events, OCSF lines), a JSON
 * array of findings or events, and the API wrappers {@code {"Findings":[…]}} / {@code {"findings":[…]}}
 * (Security Hub GetFindings and BatchImportFindings input, GuardDuty GetFindings in either casing). Each record is
 * classified on its own, so a file of EventBridge events may mix GuardDuty and Security Hub events.
 *
 * <p>The first well-formed record decides whether the file is findings at all: if it is not, the file is refused
 * with {@link NotAFindingsFileException}. After that, a record that is broken, of another kind, too large, or lacks
 * a required field is reported as a {@link Problem} located at {@code FILE#line N} (JSON lines) or
 * {@code FILE#record N} (arrays) and skipped; the rest of the file is still read.
 */
public final class FindingFileReader {

    /**
     * Limits that keep hostile input bounded.
     *
     * @param maxRecordBytes  largest single record (finding or event) parsed; Security Hub caps a finding at 240 KB
     * @param maxDecompressed largest decompressed size per file
     */
    public record Limits(int maxRecordBytes, long maxDecompressed) {
        public static final Limits DEFAULT = new Limits(1 << 20, 4L << 30);
    }

    /**
     * What reading one file gave.
     *
     * @param findings findings handed to the consumer
     * @param skipped  records or findings skipped, each reported as a problem
     * @param formats  the formats the findings were in
     */
    public record Result(long findings, long skipped, Set<FindingFormat> formats) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> WRAPPERS = Set.of("Findings", "findings");

    private final Limits limits;
    private final LongAdder bytesRead;

    public FindingFileReader(Limits limits, LongAdder bytesRead) {
        this.limits = limits;
        this.bytesRead = bytesRead;
    }

    /**
     * Reads one file.
     *
     * @param path     the file
     * @param display  how the file is named in locations and messages (usually the path as the user gave it)
     * @param findings receives each finding, in file order
     * @param problems receives each skipped record or finding, and damage such as a truncated gzip stream
     * @throws NotAFindingsFileException when the content is not findings (nothing was passed to {@code findings})
     * @throws IOException               when the file cannot be opened
     */
    public Result read(Path path, String display, Consumer<IncomingFinding> findings, Consumer<Problem> problems)
            throws NotAFindingsFileException, IOException {
        FileState st = new FileState(display, findings, problems);
        InputStream opened = InputOpener.open(path, bytesRead, limits.maxDecompressed());
        try (LineTracker in = new LineTracker(opened)) {
            st.lines = in;
            new JsonRecordScanner(in, limits.maxRecordBytes(), new FieldSpans(List.of()), st,
                    new JsonRecordScanner.Buffers(), WRAPPERS).scan();
        } catch (NotFindings e) {
            throw new NotAFindingsFileException(display, e.getMessage());
        } catch (IOException e) {
            InputOpener.Damage damage = InputOpener.Damage.of(e, st.findingsOut + " findings");
            if (damage != null) {
                st.fileProblem(damage.reason(), damage.message());
            } else {
                st.fileProblem("io-error", "reading failed part-way: " + e.getMessage());
            }
        }
        if (!st.decided && !st.wrapper) {
            throw new NotAFindingsFileException(display, st.recordsSeen == 0 && st.skipped == 0
                    ? "the file holds no JSON objects"
                    : "no well-formed JSON object in it (" + st.skipped + " problems reported)");
        }
        return new Result(st.findingsOut, st.skipped, st.formats.isEmpty()
                ? Set.of() : Set.copyOf(st.formats));
    }

    /** Thrown inside the scan to stop at a file that is not findings. */
    private static final class NotFindings extends RuntimeException {
        NotFindings(String message) {
            super(message, null, false, false);
        }
    }

    private final class FileState implements JsonRecordScanner.Listener {
        final String display;
        final Consumer<IncomingFinding> sink;
        final Consumer<Problem> problems;
        final EnumSet<FindingFormat> formats = EnumSet.noneOf(FindingFormat.class);
        LineTracker lines;
        JsonRecordScanner.Shape shape;
        boolean wrapper;
        boolean decided;
        long recordsSeen;
        long findingsOut;
        long skipped;

        FileState(String display, Consumer<IncomingFinding> sink, Consumer<Problem> problems) {
            this.display = display;
            this.sink = sink;
            this.problems = problems;
        }

        @Override
        public void shape(JsonRecordScanner.Shape s) {
            shape = s;
            if (s == JsonRecordScanner.Shape.OTHER) {
                throw new NotFindings("the content is not JSON (it does not start with '{' or '['); "
                        + "export findings as JSON: GuardDuty, ASFF or OCSF");
            }
            wrapper = s == JsonRecordScanner.Shape.RECORDS_WRAPPER;
        }

        /** JSON lines are located by line, array elements by their index. */
        private String location(long byteOffset) {
            if (shape == JsonRecordScanner.Shape.OBJECTS) {
                return display + "#line " + lines.lineAt(byteOffset);
            }
            lines.lineAt(byteOffset); // keep the tracker's memory bounded
            return display + "#record " + recordsSeen;
        }

        @Override
        public void record(byte[] buf, int off, int len, long byteOffset, FieldSpans fields) {
            recordsSeen++;
            String location = location(byteOffset);
            JsonNode node;
            try {
                node = MAPPER.readTree(buf, off, len);
            } catch (JsonProcessingException e) {
                skip(location, "invalid-json", "the record is not valid JSON: " + e.getOriginalMessage());
                return;
            } catch (IOException e) {
                skip(location, "invalid-json", "the record cannot be read: " + e.getMessage());
                return;
            }
            if (node == null || !node.isObject()) {
                skip(location, "not-an-object", "the record is not a JSON object");
                return;
            }
            RecordKind kind = RecordKind.of(node);
            if (!decided) {
                if (kind == RecordKind.UNKNOWN || kind == RecordKind.OTHER_EVENT || kind == RecordKind.AMBIGUOUS) {
                    throw new NotFindings(notFindingsReason(node, kind, location));
                }
                decided = true;
            }
            switch (kind) {
                case GUARDDUTY -> emit(location, FindingFormat.GUARDDUTY, node, text(buf, off, len));
                case ASFF -> emit(location, FindingFormat.ASFF, node, text(buf, off, len));
                case OCSF -> emit(location, FindingFormat.OCSF, node, text(buf, off, len));
                case GUARDDUTY_EVENT -> guardDutyEvent(location, node, Arrays.copyOfRange(buf, off, off + len));
                case SECURITY_HUB_EVENT -> securityHubEvent(location, node, Arrays.copyOfRange(buf, off, off + len));
                case OTHER_EVENT -> skip(location, "not-a-finding", "an EventBridge event of detail-type '"
                        + FindingFields.shorten(node.get("detail-type").asText()) + "', not a findings event");
                case AMBIGUOUS -> skip(location, "ambiguous-record",
                        "the object has the marks of more than one findings format (" + RecordKind.describeKeys(node)
                                + "); not guessing which");
                case UNKNOWN -> skip(location, "not-a-finding", "not a GuardDuty, ASFF or OCSF finding ("
                        + RecordKind.describeKeys(node) + ")");
            }
        }

        private static String notFindingsReason(JsonNode node, RecordKind kind, String location) {
            String where = " (first record, " + location.substring(location.lastIndexOf('#') + 1) + ")";
            if (kind == RecordKind.OTHER_EVENT) {
                return "an EventBridge event of detail-type '" + FindingFields.shorten(node.get("detail-type").asText())
                        + "'" + where + "; expected 'GuardDuty Finding' or 'Security Hub Findings - Imported'";
            }
            if (kind == RecordKind.AMBIGUOUS) {
                return "the first record has the marks of more than one findings format ("
                        + RecordKind.describeKeys(node) + ")" + where;
            }
            if (node.has("Records") || node.has("eventVersion") || node.has("eventSource") || node.has("eventName")) {
                return "it holds CloudTrail records" + where + "; use `vigil scan` for logs";
            }
            return "the first record is not a GuardDuty, ASFF or OCSF finding (" + RecordKind.describeKeys(node) + ")"
                    + where;
        }

        private void guardDutyEvent(String location, JsonNode event, byte[] bytes) {
            JsonNode detail = event.get("detail");
            if (!detail.isObject()) {
                skip(location, "invalid-field", "the GuardDuty event's 'detail' is not an object");
                return;
            }
            emit(location, FindingFormat.GUARDDUTY, detail, rawOr(() -> RawSpans.detail(bytes), detail));
        }

        private void securityHubEvent(String location, JsonNode event, byte[] bytes) {
            JsonNode list = event.get("detail").get("findings");
            if (list == null || !list.isArray()) {
                skip(location, "missing-field", "the Security Hub event lacks the array 'detail.findings'");
                return;
            }
            List<String> raws;
            try {
                raws = RawSpans.detailFindings(bytes);
            } catch (IOException e) {
                raws = List.of();
            }
            for (int i = 0; i < list.size(); i++) {
                String where = list.size() == 1 ? location : location + " finding " + (i + 1);
                JsonNode f = list.get(i);
                if (!f.isObject()) {
                    skip(where, "not-an-object", "an element of 'detail.findings' is not a JSON object");
                    continue;
                }
                String raw = i < raws.size() && !raws.get(i).isEmpty() ? raws.get(i) : f.toString();
                emit(where, FindingFormat.ASFF, f, raw);
            }
        }

        private interface RawText {
            String get() throws IOException;
        }

        private static String rawOr(RawText exact, JsonNode fallback) {
            try {
                String s = exact.get();
                return s.isEmpty() ? fallback.toString() : s;
            } catch (IOException e) {
                return fallback.toString();
            }
        }

        private void emit(String location, FindingFormat format, JsonNode node, String raw) {
            IncomingFinding f;
            try {
                f = switch (format) {
                    case GUARDDUTY -> GuardDutyFindingMapper.map(node, raw, location);
                    case ASFF -> AsffFindingMapper.map(node, raw, location);
                    case OCSF -> OcsfFindingMapper.map(node, raw, location);
                };
            } catch (BadFinding b) {
                skip(location, b.reason(), b.getMessage());
                return;
            }
            formats.add(format);
            findingsOut++;
            sink.accept(f);
        }

        private static String text(byte[] buf, int off, int len) {
            return new String(buf, off, len, StandardCharsets.UTF_8);
        }

        @Override
        public void oversizedObject(long byteOffset, long size, Set<String> keys) {
            recordsSeen++;
            String location = location(byteOffset);
            if (!decided && keys.contains("Records")) {
                throw new NotFindings("it holds CloudTrail records ({\"Records\":[…]}); use `vigil scan` for logs");
            }
            skip(location, "record-too-large", "a record of " + size + " bytes exceeds the "
                    + limits.maxRecordBytes() + "-byte limit; skipped it");
        }

        @Override
        public void problem(long byteOffset, String reason, String message) {
            // the scanner names the byte where it gave up, which is past a line break that cut a string short;
            // the byte before it is on the line the broken record is on
            skip(display + "#line " + lines.lineAt(Math.max(0, byteOffset - 1)), reason, message);
        }

        private void skip(String location, String reason, String message) {
            skipped++;
            problems.accept(new Problem(location, reason, message + (message.contains("skipped") ? "" : "; skipped it")));
        }

        void fileProblem(String reason, String message) {
            skipped++;
            problems.accept(new Problem(display, reason, message));
        }
    }
}
