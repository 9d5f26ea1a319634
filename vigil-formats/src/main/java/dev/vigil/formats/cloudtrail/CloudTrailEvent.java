package dev.vigil.formats.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.formats.json.JsonStrings;
import dev.vigil.model.Event;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A CloudTrail record, kept as its original bytes plus the positions of the fields rules read most. A field is
 * decoded the first time something asks for it; a path into a nested object ({@code requestParameters.name}) parses
 * only that object. So an event that no rule looks into deeply costs one scanning pass and a few small strings.
 *
 * <p>Events handed out by {@link CloudTrailFileReader} are views on the reader's buffer and are valid only
 * during the callback that receives them: Vigil's pipeline evaluates rules inside it and keeps nothing but the
 * evidence text it copies. Call {@link #detach()} to keep an event beyond that. Not safe for concurrent use.
 */
public final class CloudTrailEvent implements Event {

    /** Vigil's log-source name for CloudTrail records. */
    public static final String LOG_SOURCE = "aws:cloudtrail";

    /** Fields located while scanning; order fixes their indexes. Children name fields inside {@code userIdentity}. */
    static final java.util.List<String> LOCATED = java.util.List.of(
            "eventName", "eventSource", "eventTime", "eventID", "eventType", "eventVersion", "eventCategory",
            "awsRegion", "sourceIPAddress", "userAgent", "errorCode", "errorMessage", "recipientAccountId", "readOnly",
            "managementEvent", "userIdentity", "userIdentity.type", "userIdentity.arn", "userIdentity.accountId",
            "userIdentity.principalId", "userIdentity.userName", "userIdentity.invokedBy", "userIdentity.accessKeyId",
            "requestParameters", "responseElements", "additionalEventData", "resources", "serviceEventDetails",
            "tlsDetails");
    private static final Map<String, Integer> INDEX = new HashMap<>();
    /** Top-level objects whose nested paths are answered by parsing just that object. */
    private static final Map<String, Integer> SUBTREES = new HashMap<>();

    static {
        for (int i = 0; i < LOCATED.size(); i++) {
            INDEX.put(LOCATED.get(i), i);
        }
        for (String s : new String[]{"userIdentity", "requestParameters", "responseElements", "additionalEventData",
                "resources", "serviceEventDetails", "tlsDetails"}) {
            SUBTREES.put(s, LOCATED.indexOf(s));
        }
    }

    private static final Object UNSET = new Object();

    private final byte[] raw;
    private final int off;
    private final int len;
    private final int[] start;
    private final int[] end;
    private final Object[] decoded;
    private final String file;
    private final long record;
    private final long timeMillis;
    private final String id;
    private JsonNode tree;
    private JsonNode[] subtrees;
    private String rawText;

    /** {@code start}/{@code end} are absolute indexes into {@code raw}; the record is {@code raw[off, off+len)}. */
    CloudTrailEvent(byte[] raw, int off, int len, int[] start, int[] end, String file, long record, long timeMillis,
                    String id) {
        this.raw = raw;
        this.off = off;
        this.len = len;
        this.start = start;
        this.end = end;
        this.decoded = new Object[start.length];
        java.util.Arrays.fill(decoded, UNSET);
        this.file = file;
        this.record = record;
        this.timeMillis = timeMillis;
        this.id = id;
    }

    @Override
    public String logSource() {
        return LOG_SOURCE;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public long timeMillis() {
        return timeMillis;
    }

    /** {@code file#record N}, or just the file name for a record decoded on its own (record 0). */
    @Override
    public String origin() {
        return record > 0 ? file + "#record " + record : file;
    }

    @Override
    public String rawJson() {
        String t = rawText;
        if (t == null) {
            t = new String(raw, off, len, StandardCharsets.UTF_8);
            rawText = t;
        }
        return t;
    }

    /** Size of the original record in bytes. */
    public int rawSize() {
        return len;
    }

    /** A copy that owns its bytes, valid after the reader's callback returns. */
    public CloudTrailEvent detach() {
        byte[] copy = java.util.Arrays.copyOfRange(raw, off, off + len);
        int[] s = start.clone();
        int[] e = end.clone();
        for (int i = 0; i < s.length; i++) {
            if (s[i] >= 0) {
                s[i] -= off;
                e[i] -= off;
            }
        }
        return new CloudTrailEvent(copy, 0, len, s, e, file, record, timeMillis, id);
    }

    @Override
    public Object field(String path) {
        Integer i = INDEX.get(path);
        if (i != null) {
            return located(i);
        }
        int dot = path.indexOf('.');
        if (dot > 0) {
            Integer sub = SUBTREES.get(path.substring(0, dot));
            if (sub != null) {
                JsonNode node = subtree(sub);
                return node == null ? null : JsonPaths.value(node, path.substring(dot + 1));
            }
        }
        return JsonPaths.value(tree(), path);
    }

    /** The value of located field {@code i}, decoded on first use. */
    Object located(int i) {
        Object v = decoded[i];
        if (v == UNSET) {
            v = decode(i);
            decoded[i] = v;
        }
        return v;
    }

    private Object decode(int i) {
        int s = start[i];
        if (s < 0) {
            return null;
        }
        return switch (raw[s]) {
            case '"' -> JsonStrings.decode(raw, s + 1, end[i] - 1);
            case 't' -> Boolean.TRUE;
            case 'f' -> Boolean.FALSE;
            case 'n' -> Event.NULL;
            default -> JsonPaths.convert(CloudTrailDecoder.parseTree(raw, s, end[i] - s));
        };
    }

    private JsonNode subtree(int i) {
        if (subtrees == null) {
            subtrees = new JsonNode[start.length];
        }
        JsonNode n = subtrees[i];
        if (n == null && start[i] >= 0) {
            n = CloudTrailDecoder.parseTree(raw, start[i], end[i] - start[i]);
            subtrees[i] = n;
        }
        return n;
    }

    /** The whole record as a tree, parsed on first use. */
    public JsonNode tree() {
        JsonNode t = tree;
        if (t == null) {
            t = CloudTrailDecoder.parseTree(raw, off, len);
            tree = t;
        }
        return t;
    }
}
