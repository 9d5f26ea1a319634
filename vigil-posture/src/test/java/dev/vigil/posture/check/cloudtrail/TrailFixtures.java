package dev.vigil.posture.check.cloudtrail;

import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.EstateFixture;
import dev.vigil.posture.check.PosturePolicy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Shared bits of the CloudTrail tests: accounts, describe-trails entries as the CLI prints them, policies. */
final class TrailFixtures {

    static final String MGMT = "111111111111";
    static final String MEMBER = "222222222222";
    static final String ARCHIVE = "333333333333";

    private TrailFixtures() {
    }

    /** A trailList entry; flags in the order multi-region, organisation, validation. */
    static String trail(String account, String name, String home, boolean multi, boolean org, boolean validation,
                        String extra) {
        return """
                {"Name":"%s","S3BucketName":"trail-logs","IncludeGlobalServiceEvents":true,"IsMultiRegionTrail":%s,
                 "HomeRegion":"%s","TrailARN":"arn:aws:cloudtrail:%s:%s:trail/%s","LogFileValidationEnabled":%s,
                 "HasCustomEventSelectors":true,"HasInsightSelectors":false,"IsOrganizationTrail":%s%s}"""
                .formatted(name, multi, home, home, account, name, validation, org, extra.isEmpty() ? "" : "," + extra);
    }

    static String trailList(String... trails) {
        return "{\"trailList\":[" + String.join(",", trails) + "]}";
    }

    static final String LOGGING = """
            {"IsLogging":true,"LatestDeliveryTime":1780315200.0,"StartLoggingTime":1700000000.5,
             "LatestDeliveryAttemptTime":"2026-06-01T11:00:00Z","TimeLoggingStarted":"2023-11-14T22:13:20Z"}""";

    static final String ALL_MANAGEMENT = """
            {"TrailARN":"arn:aws:cloudtrail:us-east-1:111111111111:trail/org",
             "EventSelectors":[{"ReadWriteType":"All","IncludeManagementEvents":true,"DataResources":[],
              "ExcludeManagementEventSources":[]}]}""";

    static PosturePolicy policy(String logArchive, Set<String> dataEventBuckets, Duration maxAge) {
        PosturePolicy d = PosturePolicy.defaults();
        return new PosturePolicy(logArchive, "", d.enabledRegions(), d.allowedRegions(), d.criticalBuckets(),
                d.criticalTag(), dataEventBuckets, Map.of(), maxAge, d.rootUseWindow(), d.minBackupRetentionDays(),
                d.requiredGuardDutyFeatures());
    }

    /** An estate where the management account owns one org trail named {@code org}, seen in two regions. */
    static EstateFixture orgTrail(String extra) {
        String org = trail(MGMT, "org", "us-east-1", true, true, true, extra);
        return new EstateFixture()
                .export(MGMT, "us-east-1", "cloudtrail", "describe-trails", trailList(org))
                .export(MGMT, "eu-west-1", "cloudtrail", "describe-trails", trailList(org));
    }

    static CheckResult only(List<CheckResult> results) {
        if (results.size() != 1) {
            throw new AssertionError("expected one result, got " + results);
        }
        return results.get(0);
    }

    static CheckResult forAccount(List<CheckResult> results, String account) {
        return results.stream().filter(r -> r.account().equals(account)).findFirst()
                .orElseThrow(() -> new AssertionError("no result for " + account + " in " + results));
    }

    static long count(List<CheckResult> results, CheckStatus status) {
        return results.stream().filter(r -> r.status() == status).count();
    }
}
