package dev.vigil.formats.cloudtrail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.model.Event;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

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

    /** Stands for a hot field whose JSON type is not a string or boolean; lookups then use the tree. */
    private static final Object WRONG_TYPE = new Object();

    private CloudTrailDecoder() {
    }

    /**
     * Decodes the record in {@code buf[off, off+len)}; the bytes are copied, so the buffer may be reused.
     *
     * @param origin file and position, kept on the event for evidence
     */
    public static CloudTrailEvent decode(byte[] buf, int off, int len, String origin) throws RejectedRecord {
        CloudTrailEvent.HotFields hot = new CloudTrailEvent.HotFields();
        try (JsonParser p = JSON.createParser(buf, off, len)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new RejectedRecord("not-an-object", "a CloudTrail record must be a JSON object");
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                switch (name) {
                    case "eventName" -> hot.eventName = scalar(p, v, hot);
                    case "eventSource" -> hot.eventSource = scalar(p, v, hot);
                    case "eventTime" -> hot.eventTime = scalar(p, v, hot);
                    case "eventID" -> hot.eventID = scalar(p, v, hot);
                    case "eventType" -> hot.eventType = scalar(p, v, hot);
                    case "eventVersion" -> hot.eventVersion = scalar(p, v, hot);
                    case "eventCategory" -> hot.eventCategory = scalar(p, v, hot);
                    case "awsRegion" -> hot.awsRegion = scalar(p, v, hot);
                    case "sourceIPAddress" -> hot.sourceIPAddress = scalar(p, v, hot);
                    case "userAgent" -> hot.userAgent = scalar(p, v, hot);
                    case "errorCode" -> hot.errorCode = scalar(p, v, hot);
                    case "errorMessage" -> hot.errorMessage = scalar(p, v, hot);
                    case "recipientAccountId" -> hot.recipientAccountId = scalar(p, v, hot);
                    case "readOnly" -> hot.readOnly = scalar(p, v, hot);
                    case "managementEvent" -> hot.managementEvent = scalar(p, v, hot);
                    case "userIdentity" -> identity(p, v, hot);
                    default -> p.skipChildren();
                }
            }
            if (t != JsonToken.END_OBJECT) {
                throw new RejectedRecord("invalid-json", "the record is not a well-formed JSON object");
            }
            if (p.nextToken() != null) {
                throw new RejectedRecord("invalid-json", "unexpected content after the record's closing brace");
            }
        } catch (RejectedRecord r) {
            throw r;
        } catch (IOException e) {
            throw new RejectedRecord("invalid-json", "invalid JSON: " + firstLine(e.getMessage()));
        }
        long time = requireTime(hot.eventTime);
        boolean insight = "AwsCloudTrailInsight".equals(hot.eventType);
        if (!insight) {
            requireString("eventSource", hot.eventSource);
            requireString("eventName", hot.eventName);
        }
        byte[] raw = Arrays.copyOfRange(buf, off, off + len);
        String id = hot.eventID instanceof String s && !s.isEmpty() ? s : syntheticId(raw);
        return new CloudTrailEvent(raw, origin, time, id, hot);
    }

    static JsonNode parseTree(byte[] raw) {
        try {
            return TREE.readTree(raw);
        } catch (IOException e) {
            // The streaming pass already accepted these bytes, so this cannot happen for a decoded event.
            throw new UncheckedIOException(e);
        }
    }

    private static Object scalar(JsonParser p, JsonToken v, CloudTrailEvent.HotFields hot) throws IOException {
        switch (v) {
            case VALUE_STRING:
                return p.getText();
            case VALUE_NULL:
                return Event.NULL;
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            default:
                hot.irregular = true;
                p.skipChildren();
                return WRONG_TYPE;
        }
    }

    private static void identity(JsonParser p, JsonToken v, CloudTrailEvent.HotFields hot) throws IOException {
        if (v != JsonToken.START_OBJECT) {
            // Absent or odd identity: let lookups go through the tree so rules see exactly what is there.
            p.skipChildren();
            return;
        }
        hot.identityDecoded = true;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "type" -> hot.uiType = scalar(p, t, hot);
                case "arn" -> hot.uiArn = scalar(p, t, hot);
                case "accountId" -> hot.uiAccountId = scalar(p, t, hot);
                case "principalId" -> hot.uiPrincipalId = scalar(p, t, hot);
                case "userName" -> hot.uiUserName = scalar(p, t, hot);
                case "invokedBy" -> hot.uiInvokedBy = scalar(p, t, hot);
                case "accessKeyId" -> hot.uiAccessKeyId = scalar(p, t, hot);
                default -> p.skipChildren();
            }
        }
    }

    private static void requireString(String field, Object v) throws RejectedRecord {
        if (v == null) {
            throw new RejectedRecord("missing-field", "the record has no " + field);
        }
        if (!(v instanceof String)) {
            throw new RejectedRecord("wrong-type", field + " must be a string, found " + (v == WRONG_TYPE ? "a number, object or array" : "null or a boolean"));
        }
    }

    private static long requireTime(Object v) throws RejectedRecord {
        requireString("eventTime", v);
        long t = EventTimes.parseMillis((String) v);
        if (t == Long.MIN_VALUE) {
            throw new RejectedRecord("bad-time", "eventTime is not an ISO-8601 UTC time");
        }
        return t;
    }

    private static String syntheticId(byte[] raw) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(raw);
            return "sha256:" + HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
