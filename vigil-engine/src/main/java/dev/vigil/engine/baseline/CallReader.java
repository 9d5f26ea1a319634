package dev.vigil.engine.baseline;

import dev.vigil.engine.FieldText;
import dev.vigil.engine.CloudTrailFacts;
import dev.vigil.model.Event;

/**
 * Reads what a baseline needs from a CloudTrail record, or tells it to skip the record.
 *
 * <p>Skipped: other log sources, records without a usable time, API or principal, calls by AWS services themselves
 * ({@code userIdentity.type} {@code AWSService}, {@code eventType} {@code AwsServiceEvent}) and AWS-internal calls
 * ({@code sourceIPAddress} {@code AWS Internal}): their behaviour is AWS's, not a principal's.
 */
final class CallReader {

    private CallReader() {
    }

    /** The call, or null when the record is skipped. */
    static Sighting read(Event event, boolean copyText) {
        return read(event, copyText, principalKey(event), new Memo(SourceNetwork::of), new Memo(UserAgentFamily::of));
    }

    /**
     * The call of the principal {@code principal} ({@link #principalKey}, computed once by the caller), with
     * networks and user-agent families normalised through the reader's memos; null when the record is skipped.
     */
    static Sighting read(Event event, boolean copyText, String principal, Memo networks, Memo userAgents) {
        if (!CloudTrailFacts.LOG_SOURCE.equals(event.logSource()) || event.timeMillis() == Long.MIN_VALUE) {
            return null;
        }
        String type = text(event, "userIdentity.type");
        String sourceIp = text(event, "sourceIPAddress");
        if (type.equals("AWSService") || text(event, "eventType").equals("AwsServiceEvent")
                || sourceIp.equalsIgnoreCase("AWS Internal") || principal.isEmpty()) {
            return null;
        }
        String source = cut(text(event, "eventSource"));
        String name = cut(text(event, "eventName"));
        if (source.isEmpty() || name.isEmpty()) {
            return null;
        }
        String account = cut(text(event, "recipientAccountId"));
        if (account.isEmpty()) {
            account = cut(text(event, "userIdentity.accountId"));
        }
        Object readOnly = event.field("readOnly");
        return new Sighting(event.timeMillis(), event.origin(), event.id(), copyText ? event.rawJson() : "",
                account, source, name, Boolean.TRUE.equals(readOnly) || "true".equals(readOnly),
                cut(text(event, "awsRegion")), networks.apply(sourceIp),
                userAgents.apply(text(event, "userAgent")));
    }

    /**
     * The role's ARN for an assumed-role session ({@code userIdentity.sessionContext.sessionIssuer.arn}): session
     * names change with every session (an instance id, a random SDK name), so a baseline per session would never
     * finish learning. Otherwise {@code userIdentity.arn}, else {@code type:principalId}; empty when none is there.
     */
    static String principalKey(Event event) {
        if (text(event, "userIdentity.type").equals("AssumedRole")) {
            String role = text(event, "userIdentity.sessionContext.sessionIssuer.arn");
            if (!role.isEmpty()) {
                return cut(role);
            }
        }
        String arn = text(event, "userIdentity.arn");
        if (!arn.isEmpty()) {
            return cut(arn);
        }
        String id = text(event, "userIdentity.principalId");
        return id.isEmpty() ? "" : cut(text(event, "userIdentity.type") + ":" + id);
    }

    /** S3 bytes out of a data event ({@code additionalEventData.bytesTransferredOut}), else 0. */
    static long bytesOut(Event event) {
        if (!"s3.amazonaws.com".equals(text(event, "eventSource"))) {
            return 0;
        }
        Object v = event.field("additionalEventData.bytesTransferredOut");
        long bytes = switch (v) {
            case Long l -> l;
            case Double d when Double.isFinite(d) -> (long) Math.min(d, (double) Long.MAX_VALUE);
            case String s -> parse(s);
            case null, default -> 0;
        };
        return Math.max(0, bytes);
    }

    private static long parse(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String text(Event event, String path) {
        return FieldText.scalar(event, path);
    }

    private static String cut(String value) {
        return value.length() <= BehaviourBaselines.MAX_VALUE_LENGTH ? value
                : value.substring(0, BehaviourBaselines.MAX_VALUE_LENGTH);
    }
}
