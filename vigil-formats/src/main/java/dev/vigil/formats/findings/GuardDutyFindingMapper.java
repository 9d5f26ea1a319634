package dev.vigil.formats.findings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.DetectionInfo;
import dev.vigil.model.Finding;
import dev.vigil.model.FindingOrigin;
import dev.vigil.model.ImportedFinding;
import dev.vigil.model.RecordState;
import dev.vigil.model.Severity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Maps one GuardDuty finding (EventBridge {@code detail}, a line of an S3 export, or an element of GetFindings
 * output, camelCase or PascalCase) to Vigil's model.
 */
final class GuardDutyFindingMapper {

    static final String PRODUCT = "GuardDuty";
    private static final FindingFields F = new FindingFields("GuardDuty", true);

    private GuardDutyFindingMapper() {
    }

    static IncomingFinding map(JsonNode g, String raw, String location) throws BadFinding {
        String id = F.requireText(g, "id");
        String type = F.requireText(g, "type");
        String account = F.requireText(g, "accountId");
        String region = F.requireText(g, "region");
        Severity severity = severity(g);
        Instant created = F.requireTime(g, "createdAt");
        Instant updated = F.requireTime(g, "updatedAt");
        Instant first = orElse(F.time(g, "service.eventFirstSeen"), created);
        Instant last = orElse(F.time(g, "service.eventLastSeen"), updated);
        if (last.isBefore(first)) {
            last = first;
        }
        long count = F.whole(g, "service.count").orElse(1);
        String title = F.text(g, "title");
        DetectionInfo rule = new DetectionInfo(type, title.isBlank() ? type : title, F.text(g, "description"),
                severity, List.of(), List.of(type));

        String accessKey = F.text(g, "resource.accessKeyDetails.accessKeyId");
        String resourceType = F.text(g, "resource.resourceType");
        String partition = F.text(g, "partition").isEmpty() ? "aws" : F.text(g, "partition");
        String principal = principal(g, partition, account);
        String resource = primaryResource(g, resourceType, partition, region, account, accessKey);

        Finding finding = new Finding(ImportedFinding.idFor(PRODUCT, id), rule, Map.of("productFindingId", id),
                account, region, principal, resource, first, last, Math.max(1, count), List.of());
        FindingOrigin origin = new FindingOrigin(PRODUCT, id, FindingFormat.GUARDDUTY.id(), location, raw,
                confidence(g));
        JsonNode archived = F.node(g, "service.archived");
        Optional<RecordState> state = archived != null && archived.isBoolean()
                ? Optional.of(archived.booleanValue() ? RecordState.ARCHIVED : RecordState.ACTIVE) : Optional.empty();
        return new IncomingFinding(new ImportedFinding(finding, origin), Optional.empty(), state, resourceType, accessKey);
    }

    /**
     * The acting principal in the form Vigil's CloudTrail detections give it, so the hub links GuardDuty's findings
     * with Vigil's on the same identity: an IAM user's ARN, the root ARN, an assumed-role session ARN (role name
     * from {@code userName}, session name after the colon of {@code principalId}); otherwise the user name, else
     * the principal id.
     */
    static String principal(JsonNode g, String partition, String account) {
        String userName = F.text(g, "resource.accessKeyDetails.userName");
        String principalId = F.text(g, "resource.accessKeyDetails.principalId");
        String userType = F.text(g, "resource.accessKeyDetails.userType");
        boolean plainName = !userName.isEmpty() && userName.chars().noneMatch(c -> c == ':' || c == '/' || c < 0x20);
        switch (userType) {
            case "IAMUser":
                if (plainName) {
                    return "arn:" + partition + ":iam::" + account + ":user/" + userName;
                }
                break;
            case "Root":
                return "arn:" + partition + ":iam::" + account + ":root";
            case "AssumedRole":
                int colon = principalId.indexOf(':');
                if (plainName && colon > 0 && colon < principalId.length() - 1) {
                    return "arn:" + partition + ":sts::" + account + ":assumed-role/" + userName + "/"
                            + principalId.substring(colon + 1);
                }
                break;
            default:
                break;
        }
        return userName.isEmpty() ? principalId : userName;
    }

    /** GuardDuty's bands: Low 1.0–3.9, Medium 4.0–6.9, High 7.0–8.9, Critical 9.0–10.0. */
    static Severity band(double s) {
        if (s >= 9.0) {
            return Severity.CRITICAL;
        }
        if (s >= 7.0) {
            return Severity.HIGH;
        }
        if (s >= 4.0) {
            return Severity.MEDIUM;
        }
        return Severity.LOW;
    }

    private static Severity severity(JsonNode g) throws BadFinding {
        if (F.node(g, "severity") == null) {
            throw F.missing("severity");
        }
        OptionalDouble s = F.number(g, "severity");
        if (s.isEmpty() || s.getAsDouble() < 0 || s.getAsDouble() > 10) {
            throw F.invalid("severity", "must be a number from 0 to 10, found " + F.kind(F.node(g, "severity"))
                    + (s.isPresent() ? " " + s.getAsDouble() : ""));
        }
        return band(s.getAsDouble());
    }

    /** GuardDuty states confidence rarely (0 marks a false positive); kept when it is a 0–100 number. */
    private static int confidence(JsonNode g) {
        OptionalDouble c = F.number(g, "confidence");
        if (c.isEmpty() || c.getAsDouble() < 0 || c.getAsDouble() > 100) {
            return FindingOrigin.UNKNOWN_CONFIDENCE;
        }
        return (int) Math.round(c.getAsDouble());
    }

    /** The affected resource as an ARN where GuardDuty gives or implies one, else its id. */
    private static String primaryResource(JsonNode g, String type, String partition, String region, String account,
                                          String accessKey) {
        switch (type) {
            case "Instance" -> {
                String id = F.text(g, "resource.instanceDetails.instanceId");
                return id.isEmpty() ? "" : "arn:" + partition + ":ec2:" + region + ":" + account + ":instance/" + id;
            }
            case "S3Bucket" -> {
                List<JsonNode> buckets = F.objects(g, "resource.s3BucketDetails");
                if (!buckets.isEmpty()) {
                    String arn = F.text(buckets.get(0), "arn");
                    String name = F.text(buckets.get(0), "name");
                    return !arn.isEmpty() ? arn : name.isEmpty() ? "" : "arn:" + partition + ":s3:::" + name;
                }
                return "";
            }
            case "EKSCluster" -> {
                return F.text(g, "resource.eksClusterDetails.arn");
            }
            case "ECSCluster" -> {
                return F.text(g, "resource.ecsClusterDetails.arn");
            }
            case "Container" -> {
                return F.text(g, "resource.containerDetails.id");
            }
            case "RDSDBInstance" -> {
                return F.text(g, "resource.rdsDbInstanceDetails.dbInstanceArn");
            }
            case "Lambda" -> {
                return F.text(g, "resource.lambdaDetails.functionArn");
            }
            case "AccessKey" -> {
                // the API call's target when GuardDuty names one, else the key itself
                JsonNode affected = F.node(g, "service.action.awsApiCallAction.affectedResources");
                if (affected != null && affected.isObject()) {
                    for (JsonNode v : affected) {
                        if (v.isTextual() && !v.textValue().isBlank()) {
                            return v.textValue();
                        }
                    }
                }
                return accessKey;
            }
            default -> {
                return "";
            }
        }
    }

    private static Instant orElse(Instant a, Instant b) {
        return a != null ? a : b;
    }
}
