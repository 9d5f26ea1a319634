package dev.vigil.sim;

import java.util.HashMap;
import java.util.Map;

/**
 * Starts a {@link TrailRecord} with everything that follows from the API and the caller: event version,
 * source, name, ids, readOnly, event type and category, TLS host. Callers add the payloads.
 */
final class RecordFactory {

    private final Ids ids;
    private final Map<String, String> bracketed = new HashMap<>();

    RecordFactory(Ids ids) {
        this.ids = ids;
    }

    /** S3 writes SDK user agents in brackets; kept per agent so records share the string. */
    private String bracketed(String userAgent) {
        return bracketed.computeIfAbsent(userAgent, a -> "[" + a + "]");
    }

    Ids ids() {
        return ids;
    }

    /**
     * @param tlsHost endpoint host for {@code tlsDetails}; null for calls made by AWS services (CloudTrail
     *                omits TLS details when {@code invokedBy} is set)
     */
    TrailRecord.Builder start(Api api, long time, Identity identity, String account, String region,
                              String sourceIp, String userAgent, String tlsHost) {
        TrailRecord.Builder b = new TrailRecord.Builder();
        b.timeMillis = time;
        b.api = api;
        b.identity = identity;
        b.awsRegion = api.service.global ? Estate.HOME_REGION : region;
        b.sourceIp = sourceIp;
        // S3 writes SDK and CLI user agents in brackets; browsers, services and AWS Internal appear as they are
        b.userAgent = api.service == Service.S3 && userAgent.indexOf('/') > 0 && !userAgent.startsWith("Mozilla/")
                ? bracketed(userAgent) : userAgent;
        b.eventId = ids.uuid();
        b.recipientAccountId = account;
        b.tlsHost = tlsHost;
        switch (api.access) {
            case SIGN_IN -> {
                b.eventType = "AwsConsoleSignIn";
                b.readOnly = false;
            }
            case SERVICE_EVENT -> {
                b.eventType = "AwsServiceEvent";
                b.readOnly = false;
            }
            default -> {
                b.requestId = api.service == Service.S3 ? ids.s3RequestId() : ids.uuid();
                b.readOnly = api.readOnly();
            }
        }
        if (api.dataEvent()) {
            b.managementEvent = false;
            b.eventCategory = "Data";
        }
        return b;
    }

    /** Turns a call into a permission failure the way the service reports it. */
    static void deny(TrailRecord.Builder b, Api api, String callerArn) {
        String action = api.iamAction();
        String message = switch (api.service) {
            case EC2 -> "You are not authorized to perform this operation. User: " + callerArn
                    + " is not authorized to perform: " + action + " because no identity-based policy allows the "
                    + action + " action";
            case S3 -> "Access Denied";
            default -> "User: " + callerArn + " is not authorized to perform: " + action
                    + " because no identity-based policy allows the " + action + " action";
        };
        b.error(api.service.deniedCode, message);
        b.responseElements = null;
    }
}
