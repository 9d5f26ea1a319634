package dev.vigil.formats.cloudtrail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.formats.json.FieldSpans;
import dev.vigil.formats.json.JsonRecordScanner;
import dev.vigil.formats.json.JsonStrings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Decodes one CloudTrail record's bytes into a {@link CloudTrailEvent} in a single streaming pass.
 *
 * <p>Unknown fields are accepted (AWS adds fields in minor versions) and regions are not checked against a
 * list. A record is rejected, with a reason, only when it is not valid JSON or lacks what every CloudTrail
 * record has: a parseable {@code eventTime} and, except for Insights events, {@code eventSource} and
 * {@code eventName} as strings.
 */
public final class CloudTrailDecoder {

    static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build())
            .build();
    private static final ObjectMapper TREE = new ObjectMapper(JSON);

    /** Why a record was not decoded; {@link #reason()} is the stable key counted in the run summary. */
    public static final class RejectedRecord extends Exception {
        private final String reason;

        RejectedRecord(String reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    private CloudTrailDecoder() {
    }

    /** The fields the scanner locates for each record (see {@link CloudTrailEvent}). */
    public static final List<String> HOT_FIELDS = CloudTrailEvent.LOCATED;
    private static final int EVENT_NAME = 0;
    private static final int EVENT_SOURCE = 1;
    private static final int EVENT_TIME = 2;
    private static final int EVENT_ID = 3;
    private static final int EVENT_TYPE = 4;

    /**
     * Makes an event of a record that {@link JsonRecordScanner} has checked, from the spans it found. Only the
     * fields every record must have are decoded here; the rest when a rule asks. The event is a view on
     * {@code buf}: valid while the buffer is, see {@link CloudTrailEvent#detach()}.
     *
     * @param file   the file as the user would name it, and {@code record} its position: the event's origin
     */
    public static CloudTrailEvent decode(byte[] buf, int off, int len, FieldSpans spans, String file, long record)
            throws RejectedRecord {
        CloudTrailEvent e = new CloudTrailEvent();
        decodeInto(e, buf, off, len, spans, file, record);
        return e;
    }

    /**
     * As {@link #decode(byte[], int, int, FieldSpans, String, long)}, into an event the caller reuses from record to
     * record (the reader keeps one per file): the previous record's view is gone afterwards.
     */
    static void decodeInto(CloudTrailEvent e, byte[] buf, int off, int len, FieldSpans spans, String file, long record)
            throws RejectedRecord {
        int n = HOT_FIELDS.size();
        int[] start = e.start();
        int[] end = e.end();
        for (int i = 0; i < n; i++) {
            int s = spans.start(i);
            start[i] = s < 0 ? -1 : off + s;
            end[i] = s < 0 ? -1 : off + spans.end(i);
        }
        requireString(buf, start, end, EVENT_TIME, "eventTime");
        long time = EventTimes.parseMillis(buf, start[EVENT_TIME] + 1, end[EVENT_TIME] - 1);
        if (time == Long.MIN_VALUE) {
            throw new RejectedRecord("bad-time", "eventTime is not an ISO-8601 UTC time");
        }
        boolean insight = start[EVENT_TYPE] >= 0 && isInsight(buf, start[EVENT_TYPE], end[EVENT_TYPE]);
        if (!insight) {
            requireString(buf, start, end, EVENT_SOURCE, "eventSource");
            requireString(buf, start, end, EVENT_NAME, "eventName");
        }
        e.reset(buf, off, len, file, record, time);
    }

    private static final byte[] INSIGHT = "\"AwsCloudTrailInsight\"".getBytes(StandardCharsets.ISO_8859_1);

    private static boolean isInsight(byte[] buf, int from, int to) {
        return Arrays.equals(buf, from, to, INSIGHT, 0, INSIGHT.length);
    }

    /** Checks that field {@code i} is present and a string; the value itself is decoded when a rule reads it. */
    private static void requireString(byte[] raw, int[] start, int[] end, int i, String field) throws RejectedRecord {
        if (start[i] < 0) {
            throw new RejectedRecord("missing-field", "the record has no " + field);
        }
        byte first = raw[start[i]];
        if (first != '"') {
            throw new RejectedRecord("wrong-type", field + " must be a string, found "
                    + (first == 'n' ? "null" : first == 't' || first == 'f' ? "a boolean" : "a number, object or array"));
        }
    }

    /** Decodes one record given as JSON text (checked first); for callers outside the file reader. */
    public static CloudTrailEvent decode(byte[] json, String origin) throws RejectedRecord {
        FieldSpans spans = new FieldSpans(HOT_FIELDS);
        CloudTrailEvent[] out = new CloudTrailEvent[1];
        RejectedRecord[] rejected = new RejectedRecord[1];
        JsonRecordScanner scanner = new JsonRecordScanner(new java.io.ByteArrayInputStream(json), Integer.MAX_VALUE - 8,
                spans, new JsonRecordScanner.Listener() {
                    @Override
                    public void record(byte[] b, int o, int l, long at, FieldSpans f) {
                        if (out[0] == null && rejected[0] == null) {
                            try {
                                out[0] = decode(b, o, l, f, origin, 0).detach();
                            } catch (RejectedRecord r) {
                                rejected[0] = r;
                            }
                        }
                    }

                    @Override
                    public void problem(long at, String reason, String message) {
                        if (rejected[0] == null) {
                            rejected[0] = new RejectedRecord(reason, message);
                        }
                    }
                });
        try {
            scanner.scan();
        } catch (IOException e) {
            throw new RejectedRecord("invalid-json", e.getMessage());
        }
        if (rejected[0] != null) {
            throw rejected[0];
        }
        if (out[0] == null) {
            throw new RejectedRecord("not-an-object", "a CloudTrail record must be a JSON object");
        }
        return out[0];
    }


    static JsonNode parseTree(byte[] raw, int off, int len) {
        try {
            return TREE.readTree(raw, off, len);
        } catch (IOException e) {
            // The streaming pass already accepted these bytes, so this cannot happen for a decoded event.
            throw new UncheckedIOException(e);
        }
    }





    /** An id for a record without an eventID: a hash of its bytes, the same wherever it is read. */
    static String syntheticId(byte[] raw, int off, int len) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(raw, off, len);
            byte[] d = md.digest();
            return "sha256:" + HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
