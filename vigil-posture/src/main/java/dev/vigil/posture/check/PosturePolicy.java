package dev.vigil.posture.check;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The organisation's own answers that checks need and AWS cannot give: which account archives logs, which regions
 * are allowed, which buckets are critical. Read from the posture policy file ({@code --policy FILE}); every field
 * has a default so the checks run without one, and a check that needs a missing answer says so (NOT_APPLICABLE or
 * MANUAL) instead of guessing.
 *
 * @param logArchiveAccount    account that should own the CloudTrail bucket, or empty when not declared
 * @param securityAccount      account that should hold the Config aggregator and GuardDuty/Security Hub admin
 * @param enabledRegions       regions to require services in; empty = every region the data shows as enabled
 * @param allowedRegions       data-residency allow-list; empty = no residency rule
 * @param criticalBuckets      bucket names that must replicate cross-region
 * @param criticalTag          a tag {@code key=value} that also marks a bucket critical, or empty
 * @param dataEventBuckets     buckets whose S3 data events must be logged; {@code *} = all buckets; empty = none
 * @param expectedScps         target (account id, OU id or root id) → SCP names or ids expected attached
 * @param trailDeliveryMaxAge  how old the latest CloudWatch Logs delivery of a trail may be
 * @param rootUseWindow        how far back a root use counts as recent
 * @param minBackupRetentionDays minimum retention for RDS backups and AWS Backup rules
 * @param requiredGuardDutyFeatures GuardDuty feature names that must be ENABLED
 */
public record PosturePolicy(String logArchiveAccount, String securityAccount, List<String> enabledRegions,
                            List<String> allowedRegions, Set<String> criticalBuckets, String criticalTag,
                            Set<String> dataEventBuckets, Map<String, List<String>> expectedScps,
                            Duration trailDeliveryMaxAge, Duration rootUseWindow, int minBackupRetentionDays,
                            List<String> requiredGuardDutyFeatures) {

    public PosturePolicy {
        logArchiveAccount = Objects.requireNonNullElse(logArchiveAccount, "");
        securityAccount = Objects.requireNonNullElse(securityAccount, "");
        enabledRegions = List.copyOf(enabledRegions);
        allowedRegions = List.copyOf(allowedRegions);
        criticalBuckets = Set.copyOf(criticalBuckets);
        criticalTag = Objects.requireNonNullElse(criticalTag, "");
        dataEventBuckets = Set.copyOf(dataEventBuckets);
        expectedScps = Map.copyOf(expectedScps);
        Objects.requireNonNull(trailDeliveryMaxAge, "trailDeliveryMaxAge");
        Objects.requireNonNull(rootUseWindow, "rootUseWindow");
        requiredGuardDutyFeatures = List.copyOf(requiredGuardDutyFeatures);
    }

    /** The defaults used when no policy file is given. */
    public static PosturePolicy defaults() {
        return new PosturePolicy("", "", List.of(), List.of(), Set.of(), "", Set.of(), Map.of(),
                Duration.ofHours(24), Duration.ofDays(90), 7,
                List.of("S3_DATA_EVENTS", "EKS_AUDIT_LOGS", "EBS_MALWARE_PROTECTION", "RDS_LOGIN_EVENTS"));
    }
}
