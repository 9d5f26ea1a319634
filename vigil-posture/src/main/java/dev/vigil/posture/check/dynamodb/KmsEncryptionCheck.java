package dev.vigil.posture.check.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.Severity;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckMetadata;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.Remediation;
import dev.vigil.posture.check.Verdicts;
import dev.vigil.posture.inventory.Resource;

import java.util.List;
import java.util.Optional;

/**
 * dynamodb.kms_encryption: tables are encrypted with a KMS key (AWS-managed {@code aws/dynamodb} or customer-managed).
 *
 * <p>Decision: every DynamoDB table is encrypted at rest; without an SSE description it uses an AWS owned key,
 * which the account cannot audit in CloudTrail or restrict by key policy. That is a FAIL of LOW severity — a gap in
 * key control, not unencrypted data. Config records no SSE description for AWS-owned-key tables, so its absence
 * on an otherwise recorded table means exactly that.
 */
final class KmsEncryptionCheck implements Check {

    static final CheckMetadata METADATA = new CheckMetadata(
            "dynamodb.kms_encryption",
            "DynamoDB tables are encrypted with a KMS key",
            "Encryption", Severity.LOW, DynamoDbChecks.TABLE,
            "DynamoDB always encrypts data at rest, by default with a key AWS owns. A KMS key instead logs every "
                    + "use in CloudTrail and, when customer-managed, lets a key policy decide who can read the table's data. "
                    + "A table on the AWS owned key fails with low severity: its data is encrypted, but nobody in the "
                    + "organisation can audit or restrict the key.",
            new Remediation("Switch the table's encryption to a KMS key, preferably customer-managed.",
                    "aws dynamodb update-table --table-name <table> --sse-specification Enabled=true,SSEType=KMS,KMSMasterKeyId=<key-arn>",
                    """
                    Table:
                      Type: AWS::DynamoDB::Table
                      Properties:
                        SSESpecification:
                          SSEEnabled: true
                          SSEType: KMS
                          KMSMasterKeyId: <key-arn>
                    """,
                    """
                    resource "aws_dynamodb_table" "example" {
                      server_side_encryption {
                        enabled     = true
                        kms_key_arn = aws_kms_key.dynamodb.arn
                      }
                    }
                    """),
            List.of("config:BatchGetResourceConfig", "dynamodb:DescribeTable"));

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
        if (!table.configuration().isObject() || table.configuration().isEmpty()) {
            return v.error(table, "The table's Config item has no configuration; re-record it or export `aws dynamodb describe-table`.");
        }
        JsonNode sse = DynamoDbChecks.field(table.configuration(), "ssedescription");
        String status = DynamoDbChecks.field(sse, "status").asText("");
        String type = DynamoDbChecks.field(sse, "ssetype").asText("");
        if (sse.isMissingNode() || sse.isNull() || status.equalsIgnoreCase("DISABLED")) {
            return v.fail(table, "The table is encrypted with an AWS owned key, which you cannot audit or control; use a KMS key.");
        }
        if (!type.equalsIgnoreCase("KMS") || !(status.equalsIgnoreCase("ENABLED") || status.equalsIgnoreCase("UPDATING")
                || status.equalsIgnoreCase("ENABLING"))) {
            return v.fail(table, "The table's encryption is " + DynamoDbChecks.clip(type.isBlank() ? "of unknown type" : type)
                    + " with status " + DynamoDbChecks.clip(status.isBlank() ? "unknown" : status) + ", not an enabled KMS key.");
        }
        String keyArn = DynamoDbChecks.field(sse, "kmsmasterKeyArn").asText("");
        Optional<Resource> key = keyArn.isBlank() ? Optional.empty() : estate.inventory().byArn(keyArn);
        String manager = key.map(k -> k.config("keyManager").asText("")).orElse("");
        String which = manager.equalsIgnoreCase("AWS") ? "the AWS-managed key aws/dynamodb"
                : manager.equalsIgnoreCase("CUSTOMER") ? "customer-managed key " + DynamoDbChecks.clip(keyArn)
                : keyArn.isBlank() ? "a KMS key" : "KMS key " + DynamoDbChecks.clip(keyArn);
        return v.pass(table, "The table is encrypted with " + which + ".");
    }
}
