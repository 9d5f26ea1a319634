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

    private static final int EVENT_ID = 3;

    // A reader reuses one event per file for all its records (see reset): nothing here is final.
    private byte[] raw;
    private int off;
    private int len;
    private final int[] start;
    private final int[] end;
    private final Object[] decoded;
    /** Per located field: views on its bytes handed out by {@link #fieldText}, reused from record to record. */
    private final AsciiText[] views;
    /** Per located field, for this record: 0 not looked at, 1 its view is set, 2 it must be decoded. */
    private final byte[] viewState;
    private String file;
    private long record;
    private long timeMillis;
    /** Decoded on first use: most records never raise a finding, so most ids are never needed as text. */
    private String id;
    private JsonNode tree;
    private JsonNode[] subtrees;
    private String rawText;
    private String originText;

    /** An empty event whose field positions {@link CloudTrailDecoder} fills, then {@link #reset}s per record. */
    CloudTrailEvent() {
        this.start = new int[LOCATED.size()];
        this.end = new int[LOCATED.size()];
        this.decoded = new Object[LOCATED.size()];
        this.views = new AsciiText[LOCATED.size()];
        this.viewState = new byte[LOCATED.size()];
    }

    /** The positions in {@link #start()}/{@link #end()} index {@code raw}; the record is {@code raw[off, off+len)}. */
    void reset(byte[] raw, int off, int len, String file, long record, long timeMillis) {
        this.raw = raw;
        this.off = off;
        this.len = len;
        java.util.Arrays.fill(decoded, UNSET);
        java.util.Arrays.fill(viewState, (byte) 0);
        this.file = file;
        this.record = record;
        this.timeMillis = timeMillis;
        this.id = null;
        this.tree = null;
        this.subtrees = null;
        this.rawText = null;
        this.originText = null;
        java.util.Arrays.fill(cachedPaths, 0, cached, null);
        java.util.Arrays.fill(cachedValues, 0, cached, null);
        this.cached = 0;
    }

    /** Start of each located field's value, absolute in the buffer, or -1; filled by the decoder. */
    int[] start() {
        return start;
    }

    /** End (exclusive) of each located field's value. */
    int[] end() {
        return end;
    }

    @Override
    public String logSource() {
        return LOG_SOURCE;
    }

    @Override
    public String id() {
        String i = id;
        if (i == null) {
            int s = start[EVENT_ID];
            i = s >= 0 && raw[s] == '"' && end[EVENT_ID] - s > 2
                    ? JsonStrings.decode(raw, s + 1, end[EVENT_ID] - 1)
                    : CloudTrailDecoder.syntheticId(raw, off, len);
            id = i;
        }
        return i;
    }

    @Override
    public long timeMillis() {
        return timeMillis;
    }

    /** {@code file#record N}, or just the file name for a record decoded on its own (record 0). */
    @Override
    public String origin() {
        String o = originText;
        if (o == null) {
            o = record > 0 ? file + "#record " + record : file;
            originText = o;
        }
        return o;
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
        CloudTrailEvent copy = new CloudTrailEvent();
        copy.reset(java.util.Arrays.copyOfRange(raw, off, off + len), 0, len, file, record, timeMillis);
        for (int i = 0; i < start.length; i++) {
            copy.start[i] = start[i] < 0 ? -1 : start[i] - off;
            copy.end[i] = start[i] < 0 ? -1 : end[i] - off;
        }
        copy.id = id();
        return copy;
    }

    @Override
    public Object field(String path) {
        return field(path, plan(path));
    }

    private Object field(String path, Plan plan) {
        if (plan.located >= 0) {
            return located(plan.located);
        }
        int sub = plan.subtree;
        if (sub >= 0) {
            if (start[sub] < 0) {
                return null;
            }
            if (subtrees == null || subtrees[sub] == null) { // no tree yet: most paths are answered from the bytes
                Object v = cachedPath(path);
                if (v == NOT_CACHED) {
                    v = ByteJsonPaths.value(raw, start[sub], end[sub], plan.rest);
                    cachePath(path, v);
                }
                if (v != ByteJsonPaths.NEEDS_TREE) {
                    return v;
                }
            }
            JsonNode node = subtree(sub);
            return node == null ? null : JsonPaths.value(node, plan.restText);
        }
        return JsonPaths.value(tree(), path);
    }

    /**
     * A located field whose value is a JSON string of ASCII characters without escapes comes as a view on the
     * record's bytes (unless it was decoded already); anything else as {@link #field} answers.
     */
    @Override
    public Object fieldText(String path) {
        Plan plan = plan(path);
        int i = plan.located;
        if (i < 0 || decoded[i] != UNSET) {
            return field(path, plan);
        }
        switch (viewState[i]) {
            case 1:
                return views[i];
            case 2:
                return located(i);
            default:
                break;
        }
        int s = start[i];
        if (s < 0 || raw[s] != '"' || !AsciiText.plain(raw, s + 1, end[i] - 1)) {
            viewState[i] = 2;
            return located(i);
        }
        AsciiText v = views[i];
        if (v == null) {
            v = new AsciiText();
            views[i] = v;
        }
        v.set(raw, s + 1, end[i] - 1 - (s + 1));
        viewState[i] = 1;
        return v;
    }

    /**
     * How a path is answered: a located field, a path inside a located object (read from its bytes), or the whole
     * tree. Worked out once per path text: rules ask for the same few paths on every event.
     */
    private record Plan(int located, int subtree, String restText, ByteJsonPaths.Path rest) {
    }

    private static final int MAX_PLANS = 4096;
    /** Plans of the paths asked for so far; bounded, as paths can come from anywhere (a rule names any field). */
    private static final java.util.concurrent.ConcurrentHashMap<String, Plan> PLANS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static Plan plan(String path) {
        Plan p = PLANS.get(path);
        if (p == null) {
            p = planFor(path);
            if (PLANS.size() < MAX_PLANS) {
                PLANS.putIfAbsent(path, p);
            }
        }
        return p;
    }

    private static Plan planFor(String path) {
        Integer i = INDEX.get(path);
        if (i != null) {
            return new Plan(i, -1, null, null);
        }
        int dot = path.indexOf('.');
        if (dot > 0) {
            Integer sub = SUBTREES.get(path.substring(0, dot));
            if (sub != null) {
                String rest = path.substring(dot + 1);
                return new Plan(-1, sub, rest, ByteJsonPaths.Path.of(rest));
            }
        }
        return new Plan(-1, -1, null, null);
    }

    private static final Object NOT_CACHED = new Object();
    private static final int PATH_CACHE = 8;
    /** Nested paths already read from the bytes for this record: several rules often read the same one. */
    private final String[] cachedPaths = new String[PATH_CACHE];
    private final Object[] cachedValues = new Object[PATH_CACHE];
    private int cached;

    private Object cachedPath(String path) {
        for (int i = 0; i < cached; i++) {
            String p = cachedPaths[i];
            if (p == path || p.equals(path)) {
                return cachedValues[i];
            }
        }
        return NOT_CACHED;
    }

    private void cachePath(String path, Object value) {
        int slot = cached < PATH_CACHE ? cached++ : PATH_CACHE - 1;
        cachedPaths[slot] = path;
        cachedValues[slot] = value;
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
