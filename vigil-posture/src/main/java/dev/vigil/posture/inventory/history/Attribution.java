package dev.vigil.posture.inventory.history;

import java.time.Instant;

/**
 * The API call that most likely made a change: the latest matching CloudTrail write call shortly before Config
 * captured the new state. "Most likely", not certain: Config does not say which call caused a change.
 *
 * @param principal the caller's ARN ({@code userIdentity.arn}), or its type and principal id when it has no ARN
 * @param eventTime when the call was made
 * @param sourceIp  {@code sourceIPAddress} as logged (attacker-controlled text)
 * @param userAgent {@code userAgent} as logged (attacker-controlled text)
 * @param eventSource e.g. {@code s3.amazonaws.com}
 * @param eventName e.g. {@code PutBucketVersioning}
 * @param eventId   CloudTrail's {@code eventID}, to find the full record
 */
public record Attribution(String principal, Instant eventTime, String sourceIp, String userAgent, String eventSource,
                          String eventName, String eventId) {

    static Attribution of(ApiCall call) {
        return new Attribution(call.principal(), call.eventTime(), call.sourceIp(), call.userAgent(),
                call.eventSource(), call.eventName(), call.eventId());
    }
}
