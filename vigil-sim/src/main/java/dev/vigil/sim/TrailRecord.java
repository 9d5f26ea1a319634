package dev.vigil.sim;

import java.util.List;
import java.util.Map;

/**
 * One CloudTrail record before it is written. Payload fields ({@code requestParameters} and friends) hold
 * JSON-shaped Java values: {@link Map} (ordered), {@link List}, {@link String}, {@link Number},
 * {@link Boolean} or null.
 *
 * <p>Optional fields are null when absent; {@code requestParameters} and {@code responseElements} are
 * always written, as JSON null when null.
 */
record TrailRecord(long timeMillis, Api api, Identity identity, String awsRegion, String sourceIp, String userAgent, String errorCode, String errorMessage,
                   Object requestParameters, Object responseElements, Object additionalEventData,
                   String requestId, String eventId, Boolean readOnly, List<Resource> resources, String eventType,
                   Boolean managementEvent, String recipientAccountId, Object serviceEventDetails,
                   String eventCategory, boolean sessionCredentialFromConsole, String tlsHost) {

    /** The event version the record's service writes. */
    String eventVersion() {
        return api.service.eventVersion;
    }

    String eventSource() {
        return api.service.eventSource;
    }

    String eventName() {
        return api.eventName;
    }

    /** An element of {@code resources}; written with the upper-case {@code ARN} key CloudTrail uses. */
    record Resource(String arn, String accountId, String type) {
    }

    /** Mutable assembly of a record: many fields are optional and callers fill them in steps. */
    static final class Builder {
        long timeMillis;
        Api api;
        Identity identity;
        String awsRegion;
        String sourceIp;
        String userAgent;
        String errorCode;
        String errorMessage;
        Object requestParameters;
        Object responseElements;
        Object additionalEventData;
        String requestId;
        String eventId;
        Boolean readOnly;
        List<Resource> resources;
        String eventType = "AwsApiCall";
        Boolean managementEvent = Boolean.TRUE;
        String recipientAccountId;
        Object serviceEventDetails;
        String eventCategory = "Management";
        boolean sessionCredentialFromConsole;
        String tlsHost;

        Builder error(String code, String message) {
            this.errorCode = code;
            this.errorMessage = message;
            return this;
        }

        Builder resources(List<Resource> resources) {
            this.resources = resources;
            return this;
        }

        Builder additional(Object additionalEventData) {
            this.additionalEventData = additionalEventData;
            return this;
        }

        TrailRecord build() {
            if (api == null || identity == null || awsRegion == null || eventId == null || recipientAccountId == null) {
                throw new IllegalStateException("record is missing a required field: " + api);
            }
            return new TrailRecord(timeMillis, api, identity, awsRegion, sourceIp,
                    userAgent, errorCode, errorMessage, requestParameters, responseElements, additionalEventData,
                    requestId, eventId, readOnly, resources, eventType, managementEvent, recipientAccountId,
                    serviceEventDetails, eventCategory, sessionCredentialFromConsole, tlsHost);
        }
    }
}
