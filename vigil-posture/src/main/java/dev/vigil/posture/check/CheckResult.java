package dev.vigil.posture.check;

import java.util.Objects;

/**
 * One verdict of one check on one resource (or one account/region scope).
 *
 * @param checkId      the check's id
 * @param status       the verdict
 * @param account      the account judged, or empty for organisation-wide results
 * @param region       the region judged, {@code global}, or empty
 * @param resourceType the resource's type, or {@code AWS::::Account}
 * @param resource     the resource's ARN, or {@code type/id}, or the account/region scope text
 * @param reason       one sentence a person can act on: why it passed, failed, or could not be judged
 */
public record CheckResult(String checkId, CheckStatus status, String account, String region,
                          String resourceType, String resource, String reason) {
    public CheckResult {
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(status, "status");
        account = Objects.requireNonNullElse(account, "");
        region = Objects.requireNonNullElse(region, "");
        resourceType = Objects.requireNonNullElse(resourceType, "");
        resource = Objects.requireNonNullElse(resource, "");
        Objects.requireNonNull(reason, "reason");
    }
}
