package dev.vigil.posture.check;

import dev.vigil.model.Severity;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a check is: the catalogue entry frameworks map to and docs/posture.md is generated from.
 *
 * @param id           stable id, lower-case dotted, e.g. {@code cloudtrail.log_file_validation}; never reused
 * @param title        short imperative title, e.g. "CloudTrail log file validation is enabled"
 * @param section      report section, e.g. "CloudTrail", "CloudWatch", "Encryption"
 * @param severity     severity of a FAIL
 * @param resourceType the resource type judged, a Config type ({@code AWS::CloudTrail::Trail}) or
 *                     {@code AWS::::Account} for account- or region-wide checks
 * @param rationale    why it matters, one short paragraph
 * @param remediation  how to fix it
 * @param permissions  the IAM read actions the check's data needs, e.g. {@code cloudtrail:GetTrailStatus}
 */
public record CheckMetadata(String id, String title, String section, Severity severity, String resourceType,
                            String rationale, Remediation remediation, List<String> permissions) {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(\\.[a-z0-9_]+)+");

    public CheckMetadata {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("check id '" + id + "' must be lower-case dotted, e.g. cloudtrail.log_file_validation");
        }
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(rationale, "rationale");
        Objects.requireNonNull(remediation, "remediation");
        permissions = List.copyOf(permissions);
    }
}
