package dev.vigil.formats.cloudtrail;

import dev.vigil.formats.input.InputOpener;
import dev.vigil.formats.input.LogFile;
import dev.vigil.formats.json.FieldSpans;
import dev.vigil.formats.json.JsonRecordScanner;
import dev.vigil.model.Problem;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Reads one file of CloudTrail evidence, whatever shape it has: the S3 delivery wrapper (gzip or not), a JSON
 * array of records, JSON lines. Digest and Insights files are recognised and reported as such; other JSON is
 * reported as not CloudTrail. Broken records are reported with their position and skipped; the rest of the
 * file is still read.
 */
public final class CloudTrailFileReader {

    /**
     * Limits that keep hostile input bounded.
     *
     * @param maxRecordBytes  largest single record kept (CloudTrail's own records stay far below 1 MiB)
     * @param maxDecompressed largest decompressed size per file
     */
    public record Limits(int maxRecordBytes, long maxDecompressed) {
        public static final Limits DEFAULT = new Limits(1 << 20, 4L << 30);
    }

    /** What reading one file gave. */
    public record Result(FileKind kind, long records, long skippedRecords) {
    }

    private final Limits limits;
    private final LongAdder bytesRead;
    // one set per reading thread: files are small and many, buffers are not
    private static final ThreadLocal<JsonRecordScanner.Buffers> BUFFERS =
            ThreadLocal.withInitial(JsonRecordScanner.Buffers::new);
    private static final ThreadLocal<FieldSpans> SPANS =
            ThreadLocal.withInitial(() -> new FieldSpans(CloudTrailDecoder.HOT_FIELDS));

    public CloudTrailFileReader(Limits limits, LongAdder bytesRead) {
        this.limits = limits;
        this.bytesRead = bytesRead;
    }

    /**
     * Reads one file. Each event is valid only while {@code events} handles it (it is a view on the reader's
     * buffer); use {@link CloudTrailEvent#detach()} to keep one.
     */
    public Result read(LogFile file, Consumer<CloudTrailEvent> events, Consumer<Problem> problems) {
        FileState st = new FileState(file, events, problems);
        try (InputStream in = InputOpener.open(file.path(), bytesRead, limits.maxDecompressed())) {
            new JsonRecordScanner(in, limits.maxRecordBytes(), SPANS.get(), st, BUFFERS.get()).scan();
        } catch (StopFile stop) {
            // classification decided the rest of the file need not be read
        } catch (IOException e) {
            InputOpener.Damage damage = InputOpener.Damage.of(e, st.records + " records");
            if (damage != null) {
                st.fileProblem(damage.reason(), damage.message());
            } else if (st.records == 0 && st.kind == null) {
                problems.accept(new Problem(file.display(), "unreadable", "cannot read the file: " + e.getMessage()
                        + "; check that it exists and is readable"));
                return new Result(FileKind.UNREADABLE, 0, 0);
            } else {
                st.fileProblem("io-error", "reading failed part-way: " + e.getMessage());
            }
        }
        FileKind kind = st.kind;
        if (kind == null) {
            kind = st.recordsSeen == 0 && st.skipped == 0 ? FileKind.EMPTY : FileKind.CLOUDTRAIL;
            if (kind == FileKind.EMPTY) {
                problems.accept(new Problem(file.display(), "empty",
                        "the file holds no JSON records; CloudTrail never delivers empty files"));
            }
        }
        return new Result(kind, st.records, st.skipped);
    }

    /** Thrown by the listener to stop reading a file once it is classified as something other than records. */
    private static final class StopFile extends RuntimeException {
        StopFile() {
            super(null, null, false, false);
        }
    }

    private final class FileState implements JsonRecordScanner.Listener {
        final LogFile file;
        final Consumer<CloudTrailEvent> events;
        final Consumer<Problem> problems;
        FileKind kind;
        long recordsSeen;
        long records;
        long skipped;

        /** One event for all records of the file: each is a view valid only during its callback anyway. */
        private final CloudTrailEvent slot = new CloudTrailEvent();

        FileState(LogFile file, Consumer<CloudTrailEvent> events, Consumer<Problem> problems) {
            this.file = file;
            this.events = events;
            this.problems = problems;
        }

        @Override
        public void shape(JsonRecordScanner.Shape s) {
            if (s == JsonRecordScanner.Shape.OTHER) {
                kind = FileKind.UNKNOWN;
                problems.accept(new Problem(file.display(), "not-cloudtrail",
                        "not JSON records (the content does not start with '{' or '['); skipped the file"));
                throw new StopFile();
            }
        }

        @Override
        public void record(byte[] buf, int off, int len, long byteOffset, FieldSpans fields) {
            recordsSeen++;
            if (recordsSeen == 1 && !looksLikeRecord(fields) && !classifyFirst(buf, off, len, fields.keys())) {
                throw new StopFile();
            }
            try {
                CloudTrailEvent e = slot;
                CloudTrailDecoder.decodeInto(e, buf, off, len, fields, file.display(), recordsSeen);
                if (recordsSeen == 1 && kind == null && "AwsCloudTrailInsight".equals(e.field("eventType"))) {
                    kind = FileKind.CLOUDTRAIL_INSIGHT;
                }
                records++;
                events.accept(e);
            } catch (CloudTrailDecoder.RejectedRecord r) {
                skipped++;
                problems.accept(new Problem(file.display() + "#record " + recordsSeen + " (byte " + byteOffset + ")", r.reason(),
                        r.getMessage() + "; skipped the record"));
            }
        }

        /** The scanner already located a field every CloudTrail record has: no need to look at the keys again. */
        private boolean looksLikeRecord(FieldSpans fields) {
            for (String f : new String[]{"eventTime", "eventName", "eventVersion", "eventSource", "eventID"}) {
                if (fields.start(CloudTrailDecoder.HOT_FIELDS.indexOf(f)) >= 0) {
                    return true;
                }
            }
            return false;
        }

        /** Decides from the first record what the file is; false stops reading. */
        private boolean classifyFirst(byte[] buf, int off, int len, Set<String> keys) {
            Set<String> k = keys.isEmpty() ? TopLevelKeys.of(buf, off, len) : keys;
            if (k.contains("digestStartTime") || (k.contains("logFiles") && k.contains("digestS3Bucket"))) {
                kind = FileKind.CLOUDTRAIL_DIGEST;
                return false;
            }
            if (k.contains("eventTime") || k.contains("eventName") || k.contains("eventVersion")
                    || k.contains("eventSource") || k.contains("eventID")) {
                return true;
            }
            if (k.isEmpty()) {
                return true; // not even a valid object: let the decoder report the record
            }
            kind = FileKind.UNKNOWN;
            problems.accept(new Problem(file.display(), "not-cloudtrail",
                    "JSON, but not CloudTrail records (first object has keys " + TopLevelKeys.describe(k)
                            + "); skipped the file"));
            return false;
        }

        @Override
        public void oversizedObject(long byteOffset, long size, Set<String> keys) {
            if (recordsSeen == 0 && keys.contains("digestStartTime")) {
                kind = FileKind.CLOUDTRAIL_DIGEST;
                throw new StopFile();
            }
            recordsSeen++;
            skipped++;
            problems.accept(new Problem(file.display() + "#record " + recordsSeen + " (byte " + byteOffset + ")",
                    "record-too-large", "a record of " + size + " bytes exceeds the "
                    + limits.maxRecordBytes() + "-byte limit; skipped it"));
        }

        @Override
        public void problem(long byteOffset, String reason, String message) {
            skipped++;
            problems.accept(new Problem(file.display() + " (byte " + byteOffset + ")", reason, message));
        }

        void fileProblem(String reason, String message) {
            skipped++;
            problems.accept(new Problem(file.display(), reason, message));
        }
    }
}
