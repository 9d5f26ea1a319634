package dev.vigil.formats.findings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.DetectionInfo;
import dev.vigil.model.Finding;
import dev.vigil.model.FindingOrigin;
import dev.vigil.model.ImportedFinding;
import dev.vigil.model.RecordState;
import dev.vigil.model.Severity;
import dev.vigil.model.Workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/** Maps one ASFF finding (SchemaVersion 2018-10-08) to Vigil's model. ASFF names are PascalCase, matched exactly. */
final class AsffFindingMapper {

    private static final FindingFields F = new FindingFields("ASFF", false);

    /** Names Security Hub shows for AWS's own integrations, by the product id in their ProductArn. */
    private static final Map<String, String> AWS_PRODUCTS = Map.of(
            "guardduty", "GuardDuty", "securityhub", "Security Hub", "inspector", "Inspector", "macie", "Macie",
            "config", "Config", "access-analyzer", "IAM Access Analyzer", "firewall-manager", "Firewall Manager",
            "health", "Health", "ssm-patch-manager", "Systems Manager Patch Manager");

    private AsffFindingMapper() {
    }

    static IncomingFinding map(JsonNode a, String raw, String location) throws BadFinding {
        F.requireText(a, "SchemaVersion");
        String id = F.requireText(a, "Id");
        String productArn = F.requireText(a, "ProductArn");
        String generator = F.requireText(a, "GeneratorId");
        String account = F.requireText(a, "AwsAccountId");
        List<String> types = F.texts(a, "Types");
        if (F.node(a, "Types") == null) {
            throw F.missing("Types");
        }
        Instant created = F.requireTime(a, "CreatedAt");
        Instant updated = F.requireTime(a, "UpdatedAt");
        Severity severity = severity(a);
        String title = F.requireText(a, "Title");
        JsonNode desc = F.node(a, "Description");
        if (desc == null) {
            throw F.missing("Description");
        }
        List<JsonNode> resources = F.objects(a, "Resources");
        if (resources.isEmpty()) {
            throw F.node(a, "Resources") == null ? F.missing("Resources")
                    : F.invalid("Resources", "must be an array of at least one resource object");
        }

        Instant first = orElse(F.time(a, "FirstObservedAt"), created);
        Instant last = orElse(F.time(a, "LastObservedAt"), updated);
        if (last.isBefore(first)) {
            last = first;
        }
        String ruleId = types.isEmpty() ? generator : types.get(0);
        DetectionInfo rule = new DetectionInfo(ruleId, title, desc.isTextual() ? desc.textValue() : "", severity,
                techniques(a, types), types);
        JsonNode primary = resources.get(0);
        String region = F.text(a, "Region");
        if (region.isEmpty()) {
            region = F.text(primary, "Region");
        }
        if (region.isEmpty()) {
            region = arnPart(productArn, 3);
        }
        Actor actor = actor(resources);
        String product = product(a, productArn);
        long count = F.whole(a, "Count").orElse(1);

        Finding finding = new Finding(ImportedFinding.idFor(product, id), rule, Map.of("productFindingId", id),
                account, region, actor.principal, F.text(primary, "Id"), first, last, Math.max(1, count), List.of());
        FindingOrigin origin = new FindingOrigin(product, id, FindingFormat.ASFF.id(), location, raw, confidence(a));
        return new IncomingFinding(new ImportedFinding(finding, origin), workflow(a), recordState(a),
                F.text(primary, "Type"), actor.accessKey);
    }

    /** Severity.Label; else Severity.Normalized in Security Hub's bands; else the provider's label. */
    private static Severity severity(JsonNode a) throws BadFinding {
        if (F.node(a, "Severity") == null) {
            throw F.missing("Severity");
        }
        for (String path : List.of("Severity.Label", "FindingProviderFields.Severity.Label")) {
            String label = F.text(a, path);
            if (!label.isEmpty()) {
                try {
                    return Severity.parse(label);
                } catch (IllegalArgumentException e) {
                    throw F.invalid(path, "is '" + FindingFields.shorten(label)
                            + "'; expected INFORMATIONAL, LOW, MEDIUM, HIGH or CRITICAL");
                }
            }
        }
        OptionalDouble n = F.number(a, "Severity.Normalized");
        if (n.isPresent() && n.getAsDouble() >= 0 && n.getAsDouble() <= 100) {
            return normalizedBand(n.getAsDouble());
        }
        throw F.invalid("Severity", "has neither a valid Label nor a Normalized value from 0 to 100");
    }

    /** 0 → INFORMATIONAL; 1–39 LOW; 40–69 MEDIUM; 70–89 HIGH; 90–100 CRITICAL. */
    static Severity normalizedBand(double n) {
        if (n >= 90) {
            return Severity.CRITICAL;
        }
        if (n >= 70) {
            return Severity.HIGH;
        }
        if (n >= 40) {
            return Severity.MEDIUM;
        }
        return n >= 1 ? Severity.LOW : Severity.INFORMATIONAL;
    }

    /** ATT&CK technique ids stated in TTPs types or threat names, e.g. {@code TTPs/Defense Evasion/T1562.008}. */
    private static List<String> techniques(JsonNode a, List<String> types) {
        Set<String> out = new LinkedHashSet<>();
        for (String t : types) {
            if (t.startsWith("TTPs/")) {
                AttackIds.collect(t, out);
            }
        }
        for (JsonNode threat : F.objects(a, "Threats")) {
            AttackIds.collect(F.text(threat, "Name"), out);
        }
        return new ArrayList<>(out);
    }

    private record Actor(String principal, String accessKey) {
    }

    private static Actor actor(List<JsonNode> resources) {
        String principal = "";
        String key = "";
        for (JsonNode r : resources) {
            String type = F.text(r, "Type");
            if (type.equals("AwsIamAccessKey")) {
                String k = F.text(r, "Details.AwsIamAccessKey.AccessKeyId");
                if (k.isEmpty()) {
                    k = F.text(r, "Id");
                    int colon = k.lastIndexOf(':');
                    k = k.startsWith("AWS::IAM::AccessKey:") ? k.substring(colon + 1) : k;
                }
                key = key.isEmpty() ? k : key;
                if (principal.isEmpty()) {
                    principal = firstNonEmpty(F.text(r, "Details.AwsIamAccessKey.PrincipalName"),
                            F.text(r, "Details.AwsIamAccessKey.UserName"),
                            F.text(r, "Details.AwsIamAccessKey.PrincipalId"));
                }
            } else if (type.equals("AwsIamUser") && principal.isEmpty()) {
                principal = firstNonEmpty(F.text(r, "Details.AwsIamUser.UserName"), F.text(r, "Id"));
            }
        }
        return new Actor(principal, key);
    }

    /** ProductName as given (GuardDuty via Security Hub stays "GuardDuty"); else derived from the ProductArn. */
    static String product(JsonNode a, String productArn) {
        String name = F.text(a, "ProductName");
        if (!name.isBlank()) {
            return name;
        }
        // arn:<partition>:securityhub:<region>:<account>:product/<company-id>/<product-id>
        String resource = arnPart(productArn, 5);
        String[] parts = resource.split("/", -1);
        if (parts.length == 3 && parts[0].equals("product") && !parts[2].isBlank()) {
            if (parts[1].equals("aws")) {
                return AWS_PRODUCTS.getOrDefault(parts[2], parts[2]);
            }
            return parts[2].equals("default") ? parts[1] + "/default" : parts[2];
        }
        return productArn;
    }

    private static int confidence(JsonNode a) {
        for (String path : List.of("Confidence", "FindingProviderFields.Confidence")) {
            OptionalDouble c = F.number(a, path);
            if (c.isPresent() && c.getAsDouble() >= 0 && c.getAsDouble() <= 100) {
                return (int) Math.round(c.getAsDouble());
            }
        }
        return FindingOrigin.UNKNOWN_CONFIDENCE;
    }

    private static Optional<Workflow> workflow(JsonNode a) {
        String s = F.text(a, "Workflow.Status");
        if (s.isEmpty()) {
            // retired WorkflowState: only the values with an unambiguous modern equivalent
            s = switch (F.text(a, "WorkflowState")) {
                case "NEW" -> "NEW";
                case "RESOLVED" -> "RESOLVED";
                default -> "";
            };
        }
        try {
            return s.isEmpty() ? Optional.empty() : Optional.of(Workflow.parse(s));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<RecordState> recordState(JsonNode a) {
        String s = F.text(a, "RecordState");
        try {
            return s.isEmpty() ? Optional.empty() : Optional.of(RecordState.parse(s));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The n-th colon-separated part of an ARN (0 = "arn"), or "" when it has fewer; the resource part keeps colons. */
    static String arnPart(String arn, int n) {
        String[] p = arn.split(":", 6);
        return p.length > n && p[0].equals("arn") ? p[n] : "";
    }

    private static String firstNonEmpty(String... values) {
        for (String v : values) {
            if (!v.isBlank()) {
                return v;
            }
        }
        return "";
    }

    private static Instant orElse(Instant a, Instant b) {
        return a != null ? a : b;
    }
}
