package dev.vigil.posture.check.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.InventoryScope;
import dev.vigil.posture.check.Verdicts;
import dev.vigil.posture.inventory.Resource;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The DynamoDB checks: table encryption with a KMS key ("Encryption") and point-in-time recovery ("Resilience").
 * Config writes the SSE description with unusual casing ({@code ssedescription.ssetype}); fields are matched
 * case-insensitively so the API's {@code SSEDescription.SSEType} reads the same.
 */
public final class DynamoDbChecks {

    static final String TABLE = "AWS::DynamoDB::Table";

    private DynamoDbChecks() {
    }

    public static List<Check> checks() {
        return List.of(new KmsEncryptionCheck(), new PointInTimeRecoveryCheck());
    }

    /** One verdict per live table; an account without tables gets one verdict saying why. */
    static List<CheckResult> eachTable(Estate estate, Verdicts v, Function<Resource, CheckResult> judge) {
        return InventoryScope.eachResource(estate, v, TABLE, "DynamoDB tables", judge);
    }

    static String tableName(Resource table) {
        String name = field(table.configuration(), "tableName").asText("");
        return !name.isBlank() ? name : table.name().isBlank() ? table.id() : table.name();
    }

    /** A field of an object, matched without regard to case; missing node when absent. */
    static JsonNode field(JsonNode object, String name) {
        if (object == null || !object.isObject()) {
            return MissingNode.getInstance();
        }
        JsonNode exact = object.path(name);
        if (!exact.isMissingNode()) {
            return exact;
        }
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return MissingNode.getInstance();
    }

    /** Follows a path of case-insensitive field names. */
    static JsonNode path(JsonNode object, String... names) {
        JsonNode node = object;
        for (String n : names) {
            node = field(node, n);
        }
        return node;
    }

    static String clip(String s) {
        return Verdicts.clip(s);
    }
}
