package dev.vigil.sim;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import static dev.vigil.sim.JsonOut.ascii;

/**
 * Writes a {@link TrailRecord} as compact JSON in the field order CloudTrail uses. Every string goes through
 * {@link JsonOut#string(String)}, so any value — even one copied from attacker input — comes out escaped.
 *
 * <p>A principal's {@code userIdentity} repeats on every call of a session and is serialised once per
 * session object; TLS details are cached per host. Not thread-safe.
 */
final class TrailRecordWriter {

    private static final int IDENTITY_CACHE_LIMIT = 4096;

    private static final byte[] EVENT_VERSION = ascii("{\"eventVersion\":");
    private static final byte[] USER_IDENTITY = ascii(",\"userIdentity\":");
    private static final byte[] EVENT_TIME = ascii(",\"eventTime\":");
    private static final byte[] AWS_REGION = ascii(",\"awsRegion\":");
    private static final byte[] SOURCE_IP = ascii(",\"sourceIPAddress\":");
    private static final byte[] USER_AGENT = ascii(",\"userAgent\":");
    private static final byte[] ERROR_CODE = ascii(",\"errorCode\":");
    private static final byte[] ERROR_MESSAGE = ascii(",\"errorMessage\":");
    private static final byte[] REQUEST_PARAMETERS = ascii(",\"requestParameters\":");
    private static final byte[] RESPONSE_ELEMENTS = ascii(",\"responseElements\":");
    private static final byte[] ADDITIONAL = ascii(",\"additionalEventData\":");
    private static final byte[] REQUEST_ID = ascii(",\"requestID\":");
    private static final byte[] EVENT_ID = ascii(",\"eventID\":");
    private static final byte[] READ_ONLY = ascii(",\"readOnly\":");
    private static final byte[] RESOURCES = ascii(",\"resources\":[");
    private static final byte[] EVENT_TYPE = ascii(",\"eventType\":");
    private static final byte[] MANAGEMENT = ascii(",\"managementEvent\":");
    private static final byte[] RECIPIENT = ascii(",\"recipientAccountId\":");
    private static final byte[] SERVICE_DETAILS = ascii(",\"serviceEventDetails\":");
    private static final byte[] CATEGORY = ascii(",\"eventCategory\":");
    private static final byte[] FROM_CONSOLE = ascii(",\"sessionCredentialFromConsole\":\"true\"");
    private static final byte[] TLS = ascii(",\"tlsDetails\":{\"tlsVersion\":");

    /** Per API, the opening {@code {"eventVersion":"…"} of its records. */
    private static final byte[][] VERSIONS = new byte[Api.values().length][];
    /** Per API, {@code ,"eventSource":"…","eventName":"…"}. */
    private static final byte[][] NAMES = new byte[Api.values().length][];

    static {
        JsonOut o = new JsonOut(128);
        for (Api api : Api.values()) {
            o.reset();
            o.raw(EVENT_VERSION);
            o.string(api.service.eventVersion);
            VERSIONS[api.ordinal()] = o.toByteArray();
            o.reset();
            o.raw(ascii(",\"eventSource\":"));
            o.string(api.service.eventSource);
            o.raw(ascii(",\"eventName\":"));
            o.string(api.eventName);
            NAMES[api.ordinal()] = o.toByteArray();
        }
    }

    private final JsonOut out = new JsonOut(4096);
    private final JsonOut scratch = new JsonOut(1024);
    private final TimeText time = new TimeText();
    private final Map<Identity, byte[]> identities = new IdentityHashMap<>();
    private final Map<String, byte[]> tls12 = new IdentityHashMap<>();
    private final Map<String, byte[]> tls13 = new IdentityHashMap<>();
    private final Map<String, byte[]> quoted = new IdentityHashMap<>();

    /** The record as UTF-8 JSON bytes. */
    byte[] write(TrailRecord r) {
        JsonOut o = out;
        o.reset();
        o.raw(VERSIONS[r.api().ordinal()]);
        o.raw(USER_IDENTITY);
        o.raw(identity(r.identity()));
        o.raw(EVENT_TIME);
        o.raw(time.isoQuoted(r.timeMillis()));
        o.raw(NAMES[r.api().ordinal()]);
        o.raw(AWS_REGION);
        o.raw(quoted(r.awsRegion()));
        o.raw(SOURCE_IP);
        o.raw(quoted(r.sourceIp()));
        if (r.userAgent() != null) {
            o.raw(USER_AGENT);
            o.raw(quoted(r.userAgent()));
        }
        optional(ERROR_CODE, r.errorCode());
        optional(ERROR_MESSAGE, r.errorMessage());
        o.raw(REQUEST_PARAMETERS);
        value(o, r.requestParameters());
        o.raw(RESPONSE_ELEMENTS);
        value(o, r.responseElements());
        if (r.additionalEventData() != null) {
            o.raw(ADDITIONAL);
            value(o, r.additionalEventData());
        }
        optional(REQUEST_ID, r.requestId());
        o.raw(EVENT_ID);
        o.string(r.eventId());
        if (r.readOnly() != null) {
            o.raw(READ_ONLY);
            o.bool(r.readOnly());
        }
        if (r.resources() != null) {
            o.raw(RESOURCES);
            boolean first = true;
            for (TrailRecord.Resource res : r.resources()) {
                if (!first) {
                    o.raw((byte) ',');
                }
                first = false;
                o.raw((byte) '{');
                if (res.accountId() != null) {
                    field(o, "accountId", res.accountId());
                    o.raw((byte) ',');
                }
                field(o, "type", res.type());
                o.raw((byte) ',');
                field(o, "ARN", res.arn());
                o.raw((byte) '}');
            }
            o.raw((byte) ']');
        }
        o.raw(EVENT_TYPE);
        o.raw(quoted(r.eventType()));
        if (r.managementEvent() != null) {
            o.raw(MANAGEMENT);
            o.bool(r.managementEvent());
        }
        o.raw(RECIPIENT);
        o.raw(quoted(r.recipientAccountId()));
        if (r.serviceEventDetails() != null) {
            o.raw(SERVICE_DETAILS);
            value(o, r.serviceEventDetails());
        }
        o.raw(CATEGORY);
        o.raw(quoted(r.eventCategory()));
        if (r.sessionCredentialFromConsole()) {
            o.raw(FROM_CONSOLE);
        }
        if (r.tlsHost() != null) {
            o.raw(TLS);
            o.raw(tls(r.tlsHost(), r.userAgent()));
        }
        o.raw((byte) '}');
        return o.toByteArray();
    }

    /**
     * The escaped, quoted bytes of a value that repeats across records (event names, regions, addresses,
     * user agents). Keyed by reference: these strings come from the estate and the API catalogue, so the same
     * object recurs; a new object with equal content just costs one more entry.
     */
    private byte[] quoted(String value) {
        byte[] cached = quoted.get(value);
        if (cached == null) {
            if (quoted.size() >= IDENTITY_CACHE_LIMIT) {
                quoted.clear();
            }
            JsonOut o = scratch;
            o.reset();
            o.string(value);
            cached = o.toByteArray();
            quoted.put(value, cached);
        }
        return cached;
    }

    private void optional(byte[] name, String value) {
        if (value != null) {
            out.raw(name);
            out.string(value);
        }
    }

    private static void field(JsonOut o, String name, String value) {
        o.string(name);
        o.raw((byte) ':');
        o.string(value);
    }

    /** Modern SDKs negotiate TLS 1.3; a stable quarter of clients (by user agent) still use 1.2. */
    private byte[] tls(String host, String userAgent) {
        boolean tls12 = userAgent != null && (userAgent.hashCode() & 3) == 0;
        Map<String, byte[]> cache = tls12 ? this.tls12 : tls13;
        byte[] cached = cache.get(host);
        if (cached == null) {
            if (cache.size() >= IDENTITY_CACHE_LIMIT) {
                cache.clear();
            }
            JsonOut o = scratch;
            o.reset();
            o.string(tls12 ? "TLSv1.2" : "TLSv1.3");
            o.raw((byte) ',');
            field(o, "cipherSuite", tls12 ? "ECDHE-RSA-AES128-GCM-SHA256" : "TLS_AES_128_GCM_SHA256");
            o.raw((byte) ',');
            field(o, "clientProvidedHostHeader", host);
            o.raw((byte) '}');
            cached = o.toByteArray();
            cache.put(host, cached);
        }
        return cached;
    }

    /** Serialised once per identity object: sessions hand out the same object for every call they make. */
    private byte[] identity(Identity identity) {
        byte[] cached = identities.get(identity);
        if (cached == null) {
            if (identities.size() >= IDENTITY_CACHE_LIMIT) {
                identities.clear();
            }
            JsonOut o = scratch;
            o.reset();
            writeIdentity(o, identity);
            cached = o.toByteArray();
            identities.put(identity, cached);
        }
        return cached;
    }

    private void writeIdentity(JsonOut o, Identity identity) {
        o.raw((byte) '{');
        switch (identity) {
            case Identity.IamUser u -> {
                field(o, "type", "IAMUser");
                next(o, "principalId", u.principalId());
                next(o, "arn", u.arn());
                next(o, "accountId", u.accountId());
                if (u.accessKeyId() != null) {
                    next(o, "accessKeyId", u.accessKeyId());
                }
                next(o, "userName", u.userName());
                if (u.session() != null) {
                    sessionContext(o, null, u.session());
                }
            }
            case Identity.FailedSignIn f -> {
                field(o, "type", "IAMUser");
                if (f.principalId() != null) {
                    next(o, "principalId", f.principalId());
                }
                next(o, "accountId", f.accountId());
                next(o, "accessKeyId", "");
                next(o, "userName", f.userName());
            }
            case Identity.AssumedRole a -> {
                field(o, "type", "AssumedRole");
                next(o, "principalId", a.roleId() + ":" + a.sessionName());
                next(o, "arn", a.arn());
                next(o, "accountId", a.accountId());
                next(o, "accessKeyId", a.accessKeyId());
                sessionContext(o, a, a.session());
                if (a.invokedBy() != null) {
                    next(o, "invokedBy", a.invokedBy());
                }
            }
            case Identity.Root root -> {
                field(o, "type", "Root");
                next(o, "principalId", root.accountId());
                next(o, "arn", "arn:aws:iam::" + root.accountId() + ":root");
                next(o, "accountId", root.accountId());
                next(o, "accessKeyId", root.accessKeyId());
                if (root.session() != null) {
                    sessionContext(o, null, root.session());
                }
            }
            case Identity.AwsService s -> {
                field(o, "type", "AWSService");
                next(o, "invokedBy", s.invokedBy());
            }
            case Identity.AwsInternal i -> {
                field(o, "accountId", i.accountId());
                next(o, "invokedBy", "AWS Internal");
            }
            case Identity.WebIdentity w -> {
                field(o, "type", "WebIdentityUser");
                next(o, "principalId", w.principalId());
                next(o, "userName", w.userName());
                next(o, "identityProvider", w.identityProvider());
            }
        }
        o.raw((byte) '}');
    }

    private static void next(JsonOut o, String name, String value) {
        o.raw((byte) ',');
        field(o, name, value);
    }

    /** {@code issuer} null writes the empty {@code sessionIssuer} of user and root console sessions. */
    private void sessionContext(JsonOut o, Identity.AssumedRole issuer, Identity.Session session) {
        o.raw(ascii(",\"sessionContext\":{\"sessionIssuer\":{"));
        if (issuer != null) {
            field(o, "type", "Role");
            next(o, "principalId", issuer.roleId());
            next(o, "arn", issuer.roleArn());
            next(o, "accountId", issuer.accountId());
            next(o, "userName", issuer.roleName());
        }
        o.raw(ascii("},\"webIdFederationData\":{},\"attributes\":{"));
        field(o, "creationDate", time.iso(session.creationMillis()));
        next(o, "mfaAuthenticated", session.mfa() ? "true" : "false");
        o.raw(ascii("}}"));
    }

    private void value(JsonOut o, Object value) {
        switch (value) {
            case null -> o.nul();
            case String s -> o.string(s);
            case Boolean b -> o.bool(b);
            case Integer i -> o.number(i.longValue());
            case Long l -> o.number(l.longValue());
            case Double d -> o.number(d.doubleValue());
            case Json.Obj obj -> {
                Object[] kv = obj.keyValues();
                o.raw((byte) '{');
                for (int i = 0; i < kv.length; i += 2) {
                    if (i > 0) {
                        o.raw((byte) ',');
                    }
                    o.raw(quoted((String) kv[i])); // keys are literals: the cache hits
                    o.raw((byte) ':');
                    value(o, kv[i + 1]);
                }
                o.raw((byte) '}');
            }
            case Map<?, ?> map -> {
                o.raw((byte) '{');
                boolean first = true;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (!first) {
                        o.raw((byte) ',');
                    }
                    first = false;
                    o.string((String) e.getKey());
                    o.raw((byte) ':');
                    value(o, e.getValue());
                }
                o.raw((byte) '}');
            }
            case List<?> list -> {
                o.raw((byte) '[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        o.raw((byte) ',');
                    }
                    value(o, list.get(i));
                }
                o.raw((byte) ']');
            }
            default -> throw new IllegalArgumentException("not a JSON value: " + value.getClass());
        }
    }
}
