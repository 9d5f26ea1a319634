package dev.vigil.formats.flowlog;

import dev.vigil.formats.input.InputOpener;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * Tells flow-log files from other evidence by their first bytes, whatever their name: a flow-log header line; a
 * first line that parses as a default-format (version 2) record; a CloudWatch Logs export (JSON or text) whose
 * first message is such a record; a Parquet file with flow-log columns. Reads at most {@link #PREFIX_BYTES}
 * decompressed bytes, so a huge or hostile file costs no more than a small one.
 */
public final class FlowLogSniffer {

    /** How much of the (decompressed) start of a file is looked at. */
    public static final int PREFIX_BYTES = 16 * 1024;

    /** Parquet columns that only flow logs have together; three of them make a flow log. */
    private static final Set<String> PARQUET_MARKERS = Set.of("interface-id", "srcaddr", "dstaddr", "srcport",
            "dstport", "log-status", "pkt-srcaddr", "pkt-dstaddr", "tcp-flags", "flow-direction", "traffic-path");

    private FlowLogSniffer() {
    }

    /**
     * False for files named as CloudTrail delivers them ({@code ACCOUNT_CloudTrail_REGION_…}, digests and Insights
     * alike), which a caller need not open a second time to learn they are not flow logs: a log bucket holds
     * thousands of them. Callers still judge such files by content with their own reader.
     */
    public static boolean worthSniffing(Path file) {
        return !file.getFileName().toString().contains("_CloudTrail");
    }

    /** Whether the file holds VPC Flow Logs; false for anything unreadable. */
    public static boolean isFlowLog(Path file) {
        if (ParquetFlowReader.isParquet(file)) {
            return parquetHasFlowColumns(file);
        }
        byte[] prefix;
        try (InputStream in = InputOpener.open(file, new LongAdder(), PREFIX_BYTES * 64L)) {
            prefix = in.readNBytes(PREFIX_BYTES);
        } catch (IOException e) {
            return false; // truncated or corrupt gzip, unreadable: the reader will say what is wrong
        }
        int s = 0;
        if (prefix.length >= 3 && prefix[0] == (byte) 0xef && prefix[1] == (byte) 0xbb && prefix[2] == (byte) 0xbf) {
            s = 3;
        }
        while (s < prefix.length && isBlank(prefix[s])) {
            s++;
        }
        if (s == prefix.length) {
            return false;
        }
        if (prefix[s] == '{' || prefix[s] == '[') {
            return firstMessageIsRecord(prefix);
        }
        int e = s;
        while (e < prefix.length && prefix[e] != '\n') {
            e++;
        }
        if (e == prefix.length && prefix.length == PREFIX_BYTES) {
            return false; // the first line is longer than any flow-log line
        }
        if (e > s && prefix[e - 1] == '\r') {
            e--;
        }
        if (FlowLogFormat.fromHeaderLine(prefix, s, e) != null) {
            return true;
        }
        int m = CloudWatchText.messageStart(prefix, s, e);
        return isV2Record(prefix, m >= 0 ? m : s, e);
    }

    private static boolean isBlank(byte c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean isV2Record(byte[] b, int s, int e) {
        try {
            FlowLineParser.forSniffing(FlowLogFormat.V2_DEFAULT).parse(b, s, e, "");
            return true;
        } catch (MalformedRecord m) {
            return false;
        }
    }

    /** The first event's message of a CloudWatch Logs JSON export, if the prefix holds one, is a v2 record. */
    private static boolean firstMessageIsRecord(byte[] prefix) {
        if (!contains(prefix, MESSAGE_KEY)) {
            return false; // CloudTrail, Config, findings: no need to walk their JSON
        }
        boolean[] found = new boolean[1];
        try {
            new CloudWatchJsonReader(PREFIX_BYTES).read(new ByteArrayInputStream(prefix), (message, n) -> {
                if (message != null) {
                    byte[] b = message.getBytes(StandardCharsets.UTF_8);
                    found[0] = isV2Record(b, 0, b.length);
                }
                return false; // the first event decides
            });
        } catch (IOException e) {
            // a prefix ends mid-JSON, or it is not JSON: what was found before is the answer
        }
        return found[0];
    }

    private static final byte[] MESSAGE_KEY = "\"message\"".getBytes(StandardCharsets.US_ASCII);

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean parquetHasFlowColumns(Path file) {
        if (ParquetFlowReader.hasPatternCharacters(file)) {
            return true; // the magic says Parquet; the reader will explain why it cannot open it
        }
        try {
            List<String> columns = ParquetFlowReader.columns(file);
            return columns.stream().map(FlowLogFormat::hyphenated).filter(PARQUET_MARKERS::contains).count() >= 3;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }
}
