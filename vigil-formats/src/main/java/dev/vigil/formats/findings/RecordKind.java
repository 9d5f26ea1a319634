package dev.vigil.formats.findings;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * What one JSON object in a findings file is, decided from its keys alone. Each format has a signature no other
 * format shares; an object matching two is ambiguous and reported rather than guessed at.
 */
enum RecordKind {
    GUARDDUTY, ASFF, OCSF, GUARDDUTY_EVENT, SECURITY_HUB_EVENT, OTHER_EVENT, UNKNOWN, AMBIGUOUS;

    static RecordKind of(JsonNode n) {
        if (n.has("detail-type") && n.has("detail")) {
            JsonNode t = n.get("detail-type");
            String type = t.isTextual() ? t.textValue() : "";
            if (type.equals("GuardDuty Finding")) {
                return GUARDDUTY_EVENT;
            }
            if (type.startsWith("Security Hub Findings")) {
                return SECURITY_HUB_EVENT;
            }
            return OTHER_EVENT;
        }
        List<RecordKind> matches = new ArrayList<>(1);
        if (n.has("ProductArn") && (n.has("AwsAccountId") || n.has("GeneratorId") || n.has("SchemaVersion"))) {
            matches.add(ASFF);
        }
        if (n.has("class_uid") && (n.has("finding_info") || n.has("finding") || n.has("metadata"))) {
            matches.add(OCSF);
        }
        if (has(n, "accountId") && has(n, "type") && (has(n, "service") || has(n, "resource") || has(n, "arn"))
                && !n.has("ProductArn")) {
            matches.add(GUARDDUTY);
        }
        if (matches.size() > 1) {
            return AMBIGUOUS;
        }
        return matches.isEmpty() ? UNKNOWN : matches.get(0);
    }

    /** camelCase or PascalCase, as GuardDuty's API and SDK outputs differ. */
    private static boolean has(JsonNode n, String camel) {
        return n.has(camel) || n.has(Character.toUpperCase(camel.charAt(0)) + camel.substring(1));
    }

    /** The first few keys of an object, quoted and shortened, for "what was it then" messages. */
    static String describeKeys(JsonNode n) {
        StringBuilder b = new StringBuilder();
        Iterator<String> names = n.fieldNames();
        int shown = 0;
        while (names.hasNext() && shown < 8) {
            b.append(shown++ == 0 ? "" : ", ").append('"').append(FindingFields.shorten(names.next())).append('"');
        }
        if (names.hasNext()) {
            b.append(", …");
        }
        return shown == 0 ? "no keys" : "keys " + b;
    }
}
