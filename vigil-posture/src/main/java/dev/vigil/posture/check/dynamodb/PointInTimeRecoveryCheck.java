package dev.vigil.posture.check.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.Severity;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckMetadata;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.Exported;
import dev.vigil.posture.check.Remediation;
import dev.vigil.posture.check.Verdicts;
import dev.vigil.posture.inventory.PolicyDocuments;
import dev.vigil.posture.inventory.Resource;

import java.util.List;
import java.util.Locale;

/**
 * dynamodb.point_in_time_recovery: point-in-time recovery is enabled. Read from Config's
 * {@code supplementaryConfiguration.ContinuousBackupsDescription}, else from a
 * {@code dynamodb describe-continuous-backups.<TableName>} export.
 */
final class PointInTimeRecoveryCheck implements Check {

    static final CheckMetadata METADATA = new CheckMetadata(
            "dynamodb.point_in_time_recovery",
            "DynamoDB tables have point-in-time recovery enabled",
            "Resilience", Severity.MEDIUM, DynamoDbChecks.TABLE,
            "Point-in-time recovery keeps continuous backups so a table can be restored to any second of the "
                    + "recovery window, undoing accidental writes, deletes or a malicious bulk overwrite.",
            new Remediation("Enable point-in-time recovery on the table.",
                    "aws dynamodb update-continuous-backups --table-name <table> --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true",
                    """
                    Table:
                      Type: AWS::DynamoDB::Table
                      Properties:
                        PointInTimeRecoverySpecification:
                          PointInTimeRecoveryEnabled: true
                    """,
                    """
                    resource "aws_dynamodb_table" "example" {
                      point_in_time_recovery {
                        enabled = true
                      }
                    }
                    """),
            List.of("config:BatchGetResourceConfig", "dynamodb:DescribeContinuousBackups"));

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<CheckResult> evaluate(Estate estate) {
        Verdicts v = new Verdicts(METADATA);
        return DynamoDbChecks.eachTable(estate, v, table -> judge(estate, v, table));
    }

    private static CheckResult judge(Estate estate, Verdicts v, Resource table) {
        // Config may keep this value double-serialised; PolicyDocuments.parse accepts an object or a JSON string.
        JsonNode recorded = PolicyDocuments.parse(DynamoDbChecks.field(table.supplementaryConfiguration(),
                "ContinuousBackupsDescription")).orElse(null);
        String source = "Config";
        if (recorded == null) {
            Exported exported = Exported.lookup(estate, table.account(), table.region(), "dynamodb",
                    "describe-continuous-backups", DynamoDbChecks.tableName(table));
            if (!(exported instanceof Exported.Present p)) {
                return v.error(table, "Not judged: Config recorded no ContinuousBackupsDescription for the table and "
                        + Verdicts.unavailableReason(exported).replaceFirst("^Not judged: ", "")
                        .replaceFirst("^the export", "its export"));
            }
            recorded = DynamoDbChecks.field(p.body(), "ContinuousBackupsDescription");
            source = "the describe-continuous-backups export";
        }
        String status = DynamoDbChecks.path(recorded, "pointInTimeRecoveryDescription", "pointInTimeRecoveryStatus").asText("");
        return switch (status.toUpperCase(Locale.ROOT)) {
            case "ENABLED" -> v.pass(table, "Point-in-time recovery is enabled.");
            case "DISABLED" -> v.fail(table, "Point-in-time recovery is disabled.");
            default -> v.error(table, "Not judged: " + source + " gives no point-in-time recovery status"
                    + (status.isBlank() ? "" : " ('" + DynamoDbChecks.clip(status) + "')") + "; export `aws dynamodb describe-continuous-backups --table-name "
                    + DynamoDbChecks.clip(DynamoDbChecks.tableName(table)) + "`.");
        };
    }
}
