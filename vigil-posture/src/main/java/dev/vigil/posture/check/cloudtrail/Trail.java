package dev.vigil.posture.check.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;

import dev.vigil.posture.check.Verdicts;

import java.util.Optional;

/**
 * One CloudTrail trail as the checks see it, read from {@code cloudtrail describe-trails} or, when that export is
 * missing, from an {@code AWS::CloudTrail::Trail} Config item (the two name the same facts in different casing).
 *
 * @param owner                   the account that owns the trail (from the trail ARN; else the account that listed it)
 * @param name                    the trail name
 * @param arn                     the trail ARN, the identity used to de-duplicate shadow copies across regions
 * @param homeRegion              the region the trail was created in
 * @param multiRegion             IsMultiRegionTrail
 * @param organisation            IsOrganizationTrail: the trail also logs every member account of the organisation
 * @param logFileValidation       LogFileValidationEnabled
 * @param kmsKeyId                KmsKeyId, or empty
 * @param bucket                  S3BucketName, or empty
 * @param logGroupArn             CloudWatchLogsLogGroupArn, or empty
 * @param customEventSelectors    HasCustomEventSelectors when stated; empty when the source does not say
 * @param source                  where the trail was read, for reasons
 */
record Trail(String owner, String name, String arn, String homeRegion, boolean multiRegion, boolean organisation,
             boolean logFileValidation, String kmsKeyId, String bucket, String logGroupArn,
             Optional<Boolean> customEventSelectors, String source) {

    /** A trail from one {@code trailList} entry of describe-trails. */
    static Optional<Trail> fromDescribeTrails(JsonNode t, String listingAccount, String source) {
        return of(t, listingAccount, source, "Name", "TrailARN", "HomeRegion", "IsMultiRegionTrail",
                "IsOrganizationTrail", "LogFileValidationEnabled", "KmsKeyId", "S3BucketName",
                "CloudWatchLogsLogGroupArn", "HasCustomEventSelectors");
    }

    /** A trail from the {@code configuration} of an AWS::CloudTrail::Trail Config item. */
    static Optional<Trail> fromConfigItem(JsonNode c, String account, String region, String source) {
        Optional<Trail> t = of(c, account, source, "name", "trailARN", "homeRegion", "isMultiRegionTrail",
                "isOrganizationTrail", "logFileValidationEnabled", "kmsKeyId", "s3BucketName",
                "cloudWatchLogsLogGroupArn", "hasCustomEventSelectors");
        return t.map(trail -> trail.homeRegion().isEmpty()
                ? new Trail(trail.owner(), trail.name(), trail.arn(), region, trail.multiRegion(), trail.organisation(),
                trail.logFileValidation(), trail.kmsKeyId(), trail.bucket(), trail.logGroupArn(),
                trail.customEventSelectors(), trail.source())
                : trail);
    }

    private static Optional<Trail> of(JsonNode t, String listingAccount, String source, String name, String arn,
                                      String home, String multi, String org, String validation, String kms,
                                      String bucket, String logGroup, String custom) {
        if (t == null || !t.isObject()) {
            return Optional.empty();
        }
        String trailName = text(t.path(name));
        String trailArn = text(t.path(arn));
        if (trailName.isEmpty() && trailArn.isEmpty()) {
            return Optional.empty();
        }
        String homeRegion = text(t.path(home));
        if (trailArn.isEmpty()) {
            trailArn = "arn:aws:cloudtrail:" + homeRegion + ":" + listingAccount + ":trail/" + trailName;
        }
        if (trailName.isEmpty()) {
            trailName = trailArn.substring(trailArn.lastIndexOf('/') + 1);
        }
        JsonNode customNode = t.path(custom);
        Optional<Boolean> customSelectors = customNode.isBoolean() ? Optional.of(customNode.asBoolean()) : Optional.empty();
        return Optional.of(new Trail(ownerOf(trailArn, listingAccount), trailName, trailArn, homeRegion,
                flag(t.path(multi)), flag(t.path(org)), flag(t.path(validation)), text(t.path(kms)),
                text(t.path(bucket)), text(t.path(logGroup)), customSelectors, source));
    }

    /** The account field of an ARN ({@code arn:aws:cloudtrail:REGION:ACCOUNT:trail/NAME}), if it is 12 digits. */
    static String ownerOf(String arn, String fallback) {
        String[] parts = arn.split(":", 6);
        return parts.length >= 5 && parts[4].matches("\\d{12}") ? parts[4] : fallback;
    }

    /** Text of a value, empty for null/missing/non-scalar (attacker-controlled data may use any type). */
    static String text(JsonNode node) {
        return node != null && node.isValueNode() && !node.isNull() ? node.asText().strip() : "";
    }

    /** True only for a JSON true or the string "true": a flag never defaults to the good state. */
    static boolean flag(JsonNode node) {
        return node != null && (node.isBoolean() ? node.asBoolean() : node.isTextual() && node.asText().equalsIgnoreCase("true"));
    }

    /** How reasons name the trail: its name and home account/region. */
    String label() {
        return "trail " + Verdicts.clip(name) + " (" + owner + (homeRegion.isEmpty() ? "" : ", " + homeRegion) + ")";
    }
}
