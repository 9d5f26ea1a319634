package dev.vigil.posture.inventory.history;

import java.time.Instant;
import java.util.Objects;

/**
 * A CloudTrail write call kept to explain configuration changes: only what attribution reports, not the record.
 *
 * @param account   the account the call acted in ({@code recipientAccountId}, else the caller's account)
 * @param region    {@code awsRegion}
 * @param eventTime when the call was made
 * @param eventSource e.g. {@code ec2.amazonaws.com}
 * @param eventName e.g. {@code AuthorizeSecurityGroupIngress}
 * @param eventId   CloudTrail's {@code eventID}
 * @param principal the caller's ARN, or type and principal id when it has no ARN
 * @param sourceIp  {@code sourceIPAddress}
 * @param userAgent {@code userAgent}
 */
public record ApiCall(String account, String region, Instant eventTime, String eventSource, String eventName,
                      String eventId, String principal, String sourceIp, String userAgent) {
    public ApiCall {
        account = Objects.requireNonNullElse(account, "");
        region = Objects.requireNonNullElse(region, "");
        Objects.requireNonNull(eventTime, "eventTime");
        eventSource = Objects.requireNonNullElse(eventSource, "");
        eventName = Objects.requireNonNullElse(eventName, "");
        eventId = Objects.requireNonNullElse(eventId, "");
        principal = Objects.requireNonNullElse(principal, "");
        sourceIp = Objects.requireNonNullElse(sourceIp, "");
        userAgent = Objects.requireNonNullElse(userAgent, "");
    }
}
