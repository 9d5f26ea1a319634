package dev.vigil.formats.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.Event;

import java.nio.charset.StandardCharsets;

/**
 * A CloudTrail record. The fields nearly every detection reads are decoded up front; anything else is read
 * from a tree parsed from the original bytes the first time a rule asks for it, so events no rule looks into
 * deeply cost one streaming pass.
 */
public final class CloudTrailEvent implements Event {

    /** Vigil's log-source name for CloudTrail records. */
    public static final String LOG_SOURCE = "aws:cloudtrail";

    private final byte[] raw;
    private final String origin;
    private final long timeMillis;
    private final String id;
    private final HotFields hot;
    private volatile JsonNode tree;
    private String rawText;

    CloudTrailEvent(byte[] raw, String origin, long timeMillis, String id, HotFields hot) {
        this.raw = raw;
        this.origin = origin;
        this.timeMillis = timeMillis;
        this.id = id;
        this.hot = hot;
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

    @Override
    public String origin() {
        return origin;
    }

    @Override
    public String rawJson() {
        String t = rawText;
        if (t == null) {
            t = new String(raw, StandardCharsets.UTF_8);
            rawText = t;
        }
        return t;
    }

    /** Size of the original record in bytes. */
    public int rawSize() {
        return raw.length;
    }

    @Override
    public Object field(String path) {
        if (!hot.irregular) {
            switch (path) {
                case "eventName": return hot.eventName;
                case "eventSource": return hot.eventSource;
                case "eventTime": return hot.eventTime;
                case "eventID": return hot.eventID;
                case "eventType": return hot.eventType;
                case "eventVersion": return hot.eventVersion;
                case "eventCategory": return hot.eventCategory;
                case "awsRegion": return hot.awsRegion;
                case "sourceIPAddress": return hot.sourceIPAddress;
                case "userAgent": return hot.userAgent;
                case "errorCode": return hot.errorCode;
                case "errorMessage": return hot.errorMessage;
                case "recipientAccountId": return hot.recipientAccountId;
                case "readOnly": return hot.readOnly;
                case "managementEvent": return hot.managementEvent;
                case "userIdentity.type": if (hot.identityDecoded) { return hot.uiType; } break;
                case "userIdentity.arn": if (hot.identityDecoded) { return hot.uiArn; } break;
                case "userIdentity.accountId": if (hot.identityDecoded) { return hot.uiAccountId; } break;
                case "userIdentity.principalId": if (hot.identityDecoded) { return hot.uiPrincipalId; } break;
                case "userIdentity.userName": if (hot.identityDecoded) { return hot.uiUserName; } break;
                case "userIdentity.invokedBy": if (hot.identityDecoded) { return hot.uiInvokedBy; } break;
                case "userIdentity.accessKeyId": if (hot.identityDecoded) { return hot.uiAccessKeyId; } break;
                default:
                    break;
            }
        }
        return JsonPaths.value(tree(), path);
    }

    /** The whole record as a tree, parsed on first use. */
    public JsonNode tree() {
        JsonNode t = tree;
        if (t == null) {
            t = CloudTrailDecoder.parseTree(raw);
            tree = t;
        }
        return t;
    }

    /**
     * Top-level and userIdentity fields decoded by the streaming pass. A value is {@code null} when absent and
     * {@link Event#NULL} when JSON null. {@code irregular} is set when one of them had an unexpected type: then
     * every lookup goes through the tree so the rule sees the real value.
     */
    static final class HotFields {
        Object eventName;
        Object eventSource;
        Object eventTime;
        Object eventID;
        Object eventType;
        Object eventVersion;
        Object eventCategory;
        Object awsRegion;
        Object sourceIPAddress;
        Object userAgent;
        Object errorCode;
        Object errorMessage;
        Object recipientAccountId;
        Object readOnly;
        Object managementEvent;
        boolean identityDecoded;
        Object uiType;
        Object uiArn;
        Object uiAccountId;
        Object uiPrincipalId;
        Object uiUserName;
        Object uiInvokedBy;
        Object uiAccessKeyId;
        boolean irregular;
    }
}
