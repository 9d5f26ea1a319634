package dev.vigil.posture.custom;

import dev.vigil.model.Severity;
import dev.vigil.posture.check.CheckMetadata;
import dev.vigil.posture.check.Remediation;
import dev.vigil.posture.check.Verdicts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns one item of a file's {@code checks:} list into a {@link CheckDefinition}, reporting every problem of the
 * item (unknown or repeated keys, missing or malformed fields) rather than stopping at the first.
 */
final class CheckDefinitionReader {

    static final String APPLIES_IF = "applies-if";
    static final String ASSERT = "assert";

    private static final List<String> KEYS = List.of("id", "title", "section", "severity", "resource-type",
            APPLIES_IF, ASSERT, "pass-reason", "fail-reason", "rationale", "remediation", "permissions");
    private static final List<String> REMEDIATION_KEYS = List.of("summary", "aws-cli", "cloudformation", "terraform");

    private static final Pattern RESOURCE_TYPE = Pattern.compile("[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+");
    private static final Pattern PERMISSION = Pattern.compile("[a-z0-9-]+:[A-Za-z0-9*]+");
    private static final int MAX_SHORT_TEXT = 300;
    private static final int MAX_LONG_TEXT = 20_000;

    private final CustomCheckIds ids;
    private final Problems problems;

    CheckDefinitionReader(CustomCheckIds ids, Problems problems) {
        this.ids = ids;
        this.problems = problems;
    }

    /** The definition, or empty when the item has any problem (all of them reported). */
    Optional<CheckDefinition> read(YamlNode item) {
        if (!(item instanceof YamlNode.Mapping mapping)) {
            problems.at(item, "", "each item of 'checks:' must be a mapping with id, title, assert, ...; found "
                    + item.kind());
            return Optional.empty();
        }
        int before = problems.count();
        String label = rawId(mapping);
        Map<String, YamlNode.Entry> fields = fields(mapping, KEYS, label, "");

        String id = requiredText(mapping, fields, "id", label, MAX_SHORT_TEXT);
        if (!id.isEmpty()) {
            ids.problem(id).ifPresent(p -> problems.at(fields.get("id").value(), label, p));
        }
        String title = requiredText(mapping, fields, "title", label, MAX_SHORT_TEXT);
        String section = requiredText(mapping, fields, "section", label, MAX_SHORT_TEXT);
        Severity severity = severity(mapping, fields, label);
        String resourceType = resourceType(mapping, fields, label);
        Optional<CheckDefinition.Expression> appliesIf = fields.containsKey(APPLIES_IF)
                ? expression(fields.get(APPLIES_IF), label) : Optional.empty();
        Optional<CheckDefinition.Expression> assertion = fields.containsKey(ASSERT)
                ? expression(fields.get(ASSERT), label) : missing(mapping, ASSERT, label);
        String passReason = optionalText(fields, "pass-reason", label, MAX_SHORT_TEXT);
        String failReason = optionalText(fields, "fail-reason", label, MAX_SHORT_TEXT);
        String rationale = requiredText(mapping, fields, "rationale", label, MAX_LONG_TEXT);
        Remediation remediation = remediation(mapping, fields, label);
        List<String> permissions = permissions(mapping, fields, label);

        if (problems.count() > before) {
            return Optional.empty();
        }
        CheckMetadata metadata = new CheckMetadata(id, title, section, severity, resourceType, rationale,
                remediation, permissions);
        return Optional.of(new CheckDefinition(metadata, appliesIf, assertion.orElseThrow(), passReason,
                failReason, mapping.line(), mapping.column()));
    }

    /** The id as written, only to label this item's errors; validated separately. */
    private static String rawId(YamlNode.Mapping mapping) {
        for (YamlNode.Entry entry : mapping.entries()) {
            if (entry.key().equals("id") && entry.value() instanceof YamlNode.Scalar s && !s.isNull()) {
                return Verdicts.clip(s.text());
            }
        }
        return "";
    }

    /** Known keys by name; reports unknown keys (with the nearest known one) and keys given twice. */
    private Map<String, YamlNode.Entry> fields(YamlNode.Mapping mapping, List<String> known, String label,
                                              String parent) {
        Map<String, YamlNode.Entry> out = new LinkedHashMap<>();
        for (YamlNode.Entry entry : mapping.entries()) {
            String key = entry.key();
            if (!known.contains(key)) {
                problems.at(entry, label, "unknown key '" + parent + Verdicts.clip(key) + "'"
                        + nearest(key, known).map(k -> "; did you mean '" + parent + k + "'?")
                        .orElse("; allowed keys are " + String.join(", ", known)));
            } else if (out.containsKey(key)) {
                problems.at(entry, label, "key '" + parent + key + "' is given twice (first at line "
                        + out.get(key).line() + "); keep one");
            } else {
                out.put(key, entry);
            }
        }
        return out;
    }

    private String requiredText(YamlNode node, Map<String, YamlNode.Entry> fields, String key, String label,
                                int maxLength) {
        YamlNode.Entry entry = fields.get(key);
        if (entry == null) {
            missing(node, key, label);
            return "";
        }
        String text = text(entry, label, maxLength);
        if (text.isBlank() && entry.value() instanceof YamlNode.Scalar) {
            problems.at(entry, label, "'" + key + "' is empty; give it a value");
        }
        return text;
    }

    private String optionalText(Map<String, YamlNode.Entry> fields, String key, String label, int maxLength) {
        YamlNode.Entry entry = fields.get(key);
        return entry == null ? "" : text(entry, label, maxLength);
    }

    /** The scalar's text (stripped), or "" after reporting a non-scalar or over-long value. */
    private String text(YamlNode.Entry entry, String label, int maxLength) {
        if (!(entry.value() instanceof YamlNode.Scalar scalar)) {
            problems.at(entry.value(), label, "'" + entry.key() + "' must be a single value, not "
                    + entry.value().kind());
            return "";
        }
        String text = scalar.isNull() ? "" : scalar.text().strip();
        if (text.length() > maxLength) {
            problems.at(scalar, label, "'" + entry.key() + "' is longer than " + maxLength + " characters; shorten it");
            return "";
        }
        return text;
    }

    private <T> Optional<T> missing(YamlNode node, String key, String label) {
        problems.at(node, label, "missing required key '" + key + "'");
        return Optional.empty();
    }

    private Severity severity(YamlNode node, Map<String, YamlNode.Entry> fields, String label) {
        String text = requiredText(node, fields, "severity", label, MAX_SHORT_TEXT);
        if (text.isEmpty()) {
            return Severity.MEDIUM;
        }
        try {
            return Severity.parse(text);
        } catch (IllegalArgumentException e) {
            problems.at(fields.get("severity").value(), label, Verdicts.clip(e.getMessage()));
            return Severity.MEDIUM;
        }
    }

    private String resourceType(YamlNode node, Map<String, YamlNode.Entry> fields, String label) {
        String text = requiredText(node, fields, "resource-type", label, MAX_SHORT_TEXT);
        if (!text.isEmpty() && !text.equals(Verdicts.ACCOUNT) && !RESOURCE_TYPE.matcher(text).matches()) {
            problems.at(fields.get("resource-type").value(), label, "resource-type '" + Verdicts.clip(text)
                    + "' is not an AWS Config type; write it as Config does, e.g. AWS::S3::Bucket, or "
                    + Verdicts.ACCOUNT + " for a once-per-account check");
        }
        return text;
    }

    private Optional<CheckDefinition.Expression> expression(YamlNode.Entry entry, String label) {
        String source = text(entry, label, ExpressionCompiler.MAX_EXPRESSION_CHARS);
        if (source.isBlank()) {
            if (entry.value() instanceof YamlNode.Scalar) {
                problems.at(entry, label, "'" + entry.key() + "' is empty; write a CEL expression that is true "
                        + "or false, e.g. \"owner\" in resource.tags");
            }
            return Optional.empty();
        }
        YamlNode value = entry.value();
        return Optional.of(new CheckDefinition.Expression(entry.key(), source, value.line(), value.column()));
    }

    private Remediation remediation(YamlNode node, Map<String, YamlNode.Entry> fields, String label) {
        YamlNode.Entry entry = fields.get("remediation");
        if (entry == null) {
            missing(node, "remediation", label);
            return null;
        }
        if (!(entry.value() instanceof YamlNode.Mapping mapping)) {
            problems.at(entry.value(), label, "'remediation' must be a mapping with summary, aws-cli and "
                    + "terraform or cloudformation; found " + entry.value().kind());
            return null;
        }
        Map<String, YamlNode.Entry> parts = fields(mapping, REMEDIATION_KEYS, label, "remediation.");
        String summary = requiredText(mapping, parts, "summary", label, MAX_LONG_TEXT);
        String awsCli = requiredText(mapping, parts, "aws-cli", label, MAX_LONG_TEXT);
        String cloudFormation = optionalText(parts, "cloudformation", label, MAX_LONG_TEXT);
        String terraform = optionalText(parts, "terraform", label, MAX_LONG_TEXT);
        if (cloudFormation.isBlank() && terraform.isBlank()) {
            problems.at(mapping, label, "'remediation' needs a 'terraform' or a 'cloudformation' snippet that "
                    + "fixes a failing resource");
            return null;
        }
        if (summary.isBlank() || awsCli.isBlank()) {
            return null;
        }
        return new Remediation(summary, awsCli, cloudFormation, terraform);
    }

    private List<String> permissions(YamlNode node, Map<String, YamlNode.Entry> fields, String label) {
        YamlNode.Entry entry = fields.get("permissions");
        if (entry == null) {
            missing(node, "permissions", label);
            return List.of();
        }
        if (!(entry.value() instanceof YamlNode.Sequence sequence) || sequence.items().isEmpty()) {
            problems.at(entry.value(), label, "'permissions' must be a non-empty list of IAM read actions, "
                    + "e.g. [config:BatchGetResourceConfig]");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (YamlNode item : sequence.items()) {
            String text = item instanceof YamlNode.Scalar s && !s.isNull() ? s.text().strip() : "";
            if (!PERMISSION.matcher(text).matches()) {
                problems.at(item, label, "permission '" + Verdicts.clip(text) + "' is not an IAM action; write it "
                        + "as service:Action, e.g. config:BatchGetResourceConfig");
            } else {
                out.add(text);
            }
        }
        return out;
    }

    /** The known key within edit distance 2 of a misspelt one, to suggest it. */
    static Optional<String> nearest(String key, List<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : known) {
            int d = distance(key, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 2 || a.length() > 64) {
            return Integer.MAX_VALUE;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
