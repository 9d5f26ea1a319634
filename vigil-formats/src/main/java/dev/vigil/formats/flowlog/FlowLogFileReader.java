package dev.vigil.formats.flowlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.vigil.formats.cloudtrail.CloudTrailFileReader.Limits;
import dev.vigil.formats.cloudtrail.FileKind;
import dev.vigil.formats.input.InputOpener;
import dev.vigil.formats.input.LogFile;
import dev.vigil.model.AddressScreen;
import dev.vigil.model.FlowRecord;
import dev.vigil.model.Problem;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Reads one file of VPC Flow Logs, whatever shape it has: S3 text delivery ({@code .log}, {@code .log.gz}, header
 * line first), a text file without header (the default version-2 layout), a CloudWatch Logs export (the JSON the
 * AWS CLI prints, or the text an export task writes: timestamp, space, message), or Parquet (with Hive-style
 * partition directories). A malformed line is reported as a {@link Problem} at {@code FILE#line N} and skipped;
 * the rest of the file is still read. Safe to use from several threads, one file per call.
 */
public final class FlowLogFileReader {

    /** The longest line accepted; flow-log records with every field of every version stay far below it. */
    public static final int MAX_LINE_BYTES = 8192;

    /** What reading one file gave. */
    public record Result(FileKind kind, long records, long skippedRecords) {
    }

    private final Limits limits;
    private final LongAdder bytesRead;
    private final FlowLogFormat headerlessFormat;
    private final AddressScreen screen;

    /** A reader that assumes the default version-2 layout for files and exports without a header line. */
    public FlowLogFileReader(Limits limits, LongAdder bytesRead) {
        this(limits, bytesRead, FlowLogFormat.V2_DEFAULT);
    }

    /**
     * @param headerlessFormat the layout of files without a header line (CloudWatch Logs exports of a flow log with
     *                         a custom {@code LogFormat}); S3 text files name their own layout in their header line
     */
    public FlowLogFileReader(Limits limits, LongAdder bytesRead, FlowLogFormat headerlessFormat) {
        this(limits, bytesRead, headerlessFormat, null);
    }

    /**
     * @param screen run once per distinct srcaddr and dstaddr of text files, its answers carried by the records
     *               ({@link FlowRecord#screenedOut}); null for none. Parquet rows are not screened.
     */
    public FlowLogFileReader(Limits limits, LongAdder bytesRead, FlowLogFormat headerlessFormat,
                             AddressScreen screen) {
        this.limits = limits;
        this.bytesRead = bytesRead;
        this.headerlessFormat = headerlessFormat;
        this.screen = screen;
    }

    /** Reads one file; every record is a new, immutable {@link FlowRecord} the consumer may keep. */
    public Result read(LogFile file, Consumer<FlowRecord> records, Consumer<Problem> problems) {
        if (ParquetFlowReader.isParquet(file.path())) {
            return readParquet(file, records, problems);
        }
        FileState st = new FileState(file, records, problems);
        try (InputStream raw = InputOpener.open(file.path(), bytesRead, limits.maxDecompressed());
             BufferedInputStream in = new BufferedInputStream(raw, 1 << 16)) {
            int first = firstSignificantByte(in);
            if (first == '{' || first == '[') {
                st.readJson(in);
            } else {
                st.readLines(in);
            }
        } catch (JsonProcessingException e) {
            st.fileProblem("invalid-json", "the CloudWatch Logs export is not valid JSON after event " + st.units
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": "
                    + Printable.clip(e.getOriginalMessage()) + "); the rest of the file was not read");
        } catch (IOException e) {
            InputOpener.Damage damage = InputOpener.Damage.of(e, st.records + " records");
            if (damage != null) {
                st.fileProblem(damage.reason(), damage.message());
            } else if (st.units == 0) {
                return unreadable(file, problems, e.getMessage());
            } else {
                st.fileProblem("io-error", "reading failed part-way: " + e.getMessage());
            }
        }
        return st.result();
    }

    private static Result unreadable(LogFile file, Consumer<Problem> problems, String why) {
        problems.accept(new Problem(file.display(), "unreadable", "cannot read the file: " + why
                + "; check that it exists and is readable"));
        return new Result(FileKind.UNREADABLE, 0, 0);
    }

    private Result readParquet(LogFile file, Consumer<FlowRecord> records, Consumer<Problem> problems) {
        if (ParquetFlowReader.hasPatternCharacters(file.path())) {
            problems.accept(new Problem(file.display(), "unsupported-path", "the Parquet file's path contains * ? [ "
                    + "or {, which the Parquet reader takes as a pattern; rename or move the file and scan it again"));
            return new Result(FileKind.UNREADABLE, 0, 0);
        }
        long[] progress = new long[2];
        try {
            ParquetFlowReader.Outcome o = ParquetFlowReader.read(file.path(), file.display(), records, problems,
                    progress);
            if (!o.flowLog()) {
                problems.accept(new Problem(file.display(), "not-flow-log", "a Parquet file without flow-log "
                        + "columns (srcaddr, interface_id, log_status…); skipped the file"));
                return new Result(FileKind.UNKNOWN, 0, 0);
            }
            return new Result(FileKind.VPC_FLOW_LOG, o.records(), o.skipped());
        } catch (MalformedRecord e) {
            problems.accept(new Problem(file.display(), e.reason(), e.getMessage() + "; skipped the file"));
            return new Result(FileKind.UNKNOWN, 0, 0);
        } catch (SQLException e) {
            String why = Printable.clip(String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            if (progress[0] + progress[1] == 0) {
                problems.accept(new Problem(file.display(), "corrupt-parquet", "cannot read the Parquet file ("
                        + why + "); check that the copy is complete"));
                return new Result(FileKind.UNREADABLE, 0, 0);
            }
            problems.accept(new Problem(file.display(), "corrupt-parquet", "reading the Parquet file failed after "
                    + (progress[0] + progress[1]) + " rows (" + why + "); the rest was not read"));
            return new Result(FileKind.VPC_FLOW_LOG, progress[0], progress[1] + 1);
        } finally {
            bytesRead.add(file.size() > 0 ? file.size() : 0);
        }
    }

    /** The first byte that is not white space or a UTF-8 byte-order mark, without consuming anything. */
    private static int firstSignificantByte(BufferedInputStream in) throws IOException {
        in.mark(4096);
        try {
            for (int i = 0; i < 4096; i++) {
                int c = in.read();
                if (c < 0) {
                    return -1;
                }
                if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != 0xef && c != 0xbb && c != 0xbf) {
                    return c;
                }
            }
            return -1;
        } finally {
            in.reset();
        }
    }

    /** How one file is going: its layout once known, counts, and where problems are reported. */
    private final class FileState {
        final LogFile file;
        final Consumer<FlowRecord> sink;
        final Consumer<Problem> problems;
        /** Null until the first line or event decides the layout. */
        FlowLineParser parser;
        boolean cloudWatchText;
        boolean unknownLayout;
        /** Lines or events seen, including blank and broken ones. */
        long units;
        long nonBlank;
        long records;
        long skipped;
        String unit = "line";

        FileState(LogFile file, Consumer<FlowRecord> records, Consumer<Problem> problems) {
            this.file = file;
            this.sink = records;
            this.problems = problems;
        }

        void readLines(InputStream in) throws IOException {
            LineReader lines = new LineReader(in, MAX_LINE_BYTES);
            while (lines.next()) {
                units = lines.lineNumber();
                if (lines.tooLong()) {
                    nonBlank++;
                    skip(units, "line-too-long", "the line is longer than " + MAX_LINE_BYTES
                            + " bytes, which no flow-log record is");
                    continue;
                }
                int s = lines.start();
                if (lines.lineNumber() == 1 && lines.end() - s >= 3 && lines.buffer()[s] == (byte) 0xef
                        && lines.buffer()[s + 1] == (byte) 0xbb && lines.buffer()[s + 2] == (byte) 0xbf) {
                    s += 3;
                }
                if (!line(lines.buffer(), s, lines.end(), units, true)) {
                    return;
                }
            }
        }

        void readJson(InputStream in) throws IOException {
            unit = "event";
            CloudWatchJsonReader json = new CloudWatchJsonReader(limits.maxRecordBytes());
            json.read(in, (message, n) -> {
                units = n;
                if (message == null) {
                    nonBlank++;
                    skip(n, "missing-message", "the event has no message text");
                    return true;
                }
                if (message.length() > MAX_LINE_BYTES) {
                    nonBlank++;
                    skip(n, "line-too-long", "the message is longer than " + MAX_LINE_BYTES
                            + " characters, which no flow-log record is");
                    return true;
                }
                byte[] b = message.getBytes(StandardCharsets.UTF_8);
                return line(b, 0, b.length, n, false);
            });
            if (!json.sawEvents() && parser == null && !unknownLayout) {
                unknownLayout = true;
                problems.accept(new Problem(file.display(), "not-flow-log", "JSON, but not a CloudWatch Logs "
                        + "export (no events with a message); skipped the file"));
            }
        }

        /** Handles one line or message; false stops the file. */
        boolean line(byte[] b, int s, int e, long n, boolean text) {
            while (s < e && (b[s] == ' ' || b[s] == '\t')) {
                s++;
            }
            if (s == e) {
                return true;
            }
            nonBlank++;
            if (parser == null) {
                FlowLogFormat header = FlowLogFormat.fromHeaderLine(b, s, e);
                if (header != null) {
                    parser = FlowLineParser.forReading(header, screen);
                    return true;
                }
                if (text && CloudWatchText.messageStart(b, s, e) >= 0) {
                    cloudWatchText = true;
                }
                if (!decideHeaderless(b, cloudWatchText ? CloudWatchText.messageStart(b, s, e) : s, e)) {
                    return false;
                }
            }
            if (cloudWatchText) {
                int m = CloudWatchText.messageStart(b, s, e);
                s = m >= 0 ? m : s;
            }
            try {
                FlowRecord r = parser.parse(b, s, e, originPrefix(), n);
                records++;
                sink.accept(r);
            } catch (MalformedRecord m) {
                FlowLogFormat header = FlowLogFormat.fromHeaderLine(b, s, e);
                if (header != null) {
                    parser.use(header); // a header further down: files joined end to end
                    return true;
                }
                skipped++;
                problems.accept(new Problem(originPrefix() + n, m.reason(), m.getMessage() + "; skipped the " + unit));
            }
            return true;
        }

        /**
         * The first line is not a header: the file uses the headerless layout when the line parses with it, or,
         * for the default layout, when it at least starts with version 2 (the line itself is then reported).
         */
        private boolean decideHeaderless(byte[] b, int s, int e) {
            FlowLineParser p = FlowLineParser.forReading(headerlessFormat, screen);
            boolean fits;
            try {
                p.parse(b, s, e, "");
                fits = true;
            } catch (MalformedRecord m) {
                fits = !headerlessFormat.equals(FlowLogFormat.V2_DEFAULT)
                        || e - s > 2 && b[s] == '2' && (b[s + 1] == ' ' || b[s + 1] == '\t');
            }
            if (fits) {
                parser = p;
                return true;
            }
            unknownLayout = true;
            problems.accept(new Problem(file.display() + "#" + unit + " " + units, "unknown-layout",
                    "the first " + unit + " is neither a flow-log header line nor a record in the layout '"
                            + headerlessFormat.describe() + "' (it starts '" + Printable.clip(b, s, e)
                            + "'); without a header the columns cannot be named, so the file was skipped. "
                            + "For a custom-format flow log exported from CloudWatch Logs, give its LogFormat"));
            return false;
        }

        private String originPrefix;

        /** {@code FILE#line } once per file: a record keeps it and its number, and builds no origin text. */
        private String originPrefix() {
            if (originPrefix == null) {
                originPrefix = file.display() + "#" + unit + " ";
            }
            return originPrefix;
        }

        void skip(long n, String reason, String message) {
            skipped++;
            problems.accept(new Problem(file.display() + "#" + unit + " " + n, reason, message + "; skipped the " + unit));
        }

        void fileProblem(String reason, String message) {
            skipped++;
            problems.accept(new Problem(file.display(), reason, message));
        }

        Result result() {
            if (unknownLayout || parser == null && nonBlank > 0) {
                return new Result(FileKind.UNKNOWN, records, skipped);
            }
            if (nonBlank == 0 && skipped == 0) {
                problems.accept(new Problem(file.display(), "empty", "the file holds no flow-log lines; "
                        + "AWS never delivers empty files (an interrupted copy?)"));
                return new Result(FileKind.EMPTY, 0, 0);
            }
            return new Result(FileKind.VPC_FLOW_LOG, records, skipped);
        }
    }
}
