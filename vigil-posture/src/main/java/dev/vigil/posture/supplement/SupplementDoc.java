package dev.vigil.posture.supplement;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Objects;

/**
 * One AWS CLI (or live API) response kept for the checks: the JSON body exactly as {@code aws SERVICE OPERATION
 * --output json} prints it.
 *
 * @param account   the account it describes
 * @param region    the region it describes, or {@code global} for organizations and IAM
 * @param service   the CLI service name: cloudtrail, logs, cloudwatch, sns, organizations, guardduty, securityhub,
 *                  backup, configservice, iam, kms, ec2, dlm
 * @param operation the CLI operation name, e.g. {@code describe-trails}
 * @param subject   the call's subject for per-item calls (trail name, policy id, detector id, plan id, key id);
 *                  empty for list/describe-all calls
 * @param body      the response body
 * @param source    the file it came from, for messages
 */
public record SupplementDoc(String account, String region, String service, String operation, String subject,
                            JsonNode body, String source) {
    public SupplementDoc {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(operation, "operation");
        subject = Objects.requireNonNullElse(subject, "");
        Objects.requireNonNull(body, "body");
        source = Objects.requireNonNullElse(source, "");
    }
}
