package dev.vigil.hub.analysis;

import dev.vigil.model.FindingOrigin;
import dev.vigil.model.Severity;
import dev.vigil.model.Workflow;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What correlation and risk scoring read of a finding: a flat view the store fills from its rows, whatever product
 * reported the finding. Every text field is attacker-influenced (principal names, resource names, tags and titles
 * come from logs or from other products) and is only compared, hashed or shown sanitised, never interpreted.
 *
 * @param id           the finding's Vigil id
 * @param title        one-line title (rule title, GuardDuty title, ASFF Title) for summaries
 * @param types        finding types: ASFF style {@code TTPs/Defense Evasion/CloudTrailStopped}, or a GuardDuty type
 *                     such as {@code Recon:IAMUser/TorIPCaller}
 * @param techniques   ATT&amp;CK technique ids, e.g. {@code T1562.008}, primary technique first
 * @param severity     severity
 * @param product      reporting product: {@code Vigil}, {@code GuardDuty}, an ASFF product name…
 * @param account      AWS account id, or empty
 * @param region       AWS region, or empty
 * @param principal    acting principal (ARN or name), or empty; surrounding blanks are removed
 * @param accessKeyId  access key id used ({@code AKIA…}/{@code ASIA…}), or empty; surrounding blanks are removed
 * @param resource     affected resource (ARN or id), or empty; surrounding blanks are removed
 * @param resourceType resource type ({@code AwsS3Bucket}, {@code Instance}…), or empty
 * @param resourceTags the resource's tags when known, else empty
 * @param firstSeen    start of the activity
 * @param lastSeen     end of the activity, not before {@code firstSeen}
 * @param count        observations (at least 1)
 * @param confidence   the product's confidence 0–100, or {@link FindingOrigin#UNKNOWN_CONFIDENCE}
 * @param workflow     workflow status
 */
public record AnalysedFinding(String id, String title, List<String> types, List<String> techniques, Severity severity,
                              String product, String account, String region, String principal, String accessKeyId,
                              String resource, String resourceType, Map<String, String> resourceTags,
                              Instant firstSeen, Instant lastSeen, long count, int confidence, Workflow workflow) {

    public AnalysedFinding {
        Objects.requireNonNull(id, "id");
        title = Objects.requireNonNullElse(title, "");
        types = List.copyOf(types);
        techniques = List.copyOf(techniques);
        Objects.requireNonNull(severity, "severity");
        product = Objects.requireNonNullElse(product, "");
        account = Objects.requireNonNullElse(account, "");
        region = Objects.requireNonNullElse(region, "");
        // The linking entities are compared without surrounding blanks; strip once here, not per comparison.
        principal = Objects.requireNonNullElse(principal, "").strip();
        accessKeyId = Objects.requireNonNullElse(accessKeyId, "").strip();
        resource = Objects.requireNonNullElse(resource, "").strip();
        resourceType = Objects.requireNonNullElse(resourceType, "");
        resourceTags = resourceTags == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(resourceTags));
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(workflow, "workflow");
        if (lastSeen.isBefore(firstSeen)) {
            throw new IllegalArgumentException("finding " + id + ": lastSeen " + lastSeen + " is before firstSeen "
                    + firstSeen + "; pass the activity window in order");
        }
        if (count < 1) {
            throw new IllegalArgumentException("finding " + id + ": count must be at least 1, was " + count);
        }
        if (confidence != FindingOrigin.UNKNOWN_CONFIDENCE && (confidence < 0 || confidence > 100)) {
            throw new IllegalArgumentException("finding " + id + ": confidence must be 0-100 or -1 (unknown), was "
                    + confidence);
        }
    }
}
