package dev.vigil.posture.check.backup;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The parts of an AWS Backup plan the resilience check judges. Config (CloudFormation-style) names the rule list
 * {@code BackupPlanRule}; {@code aws backup get-backup-plan} names it {@code Rules}; the rule fields are the same.
 *
 * @param id     plan id
 * @param name   plan name
 * @param region the plan's region (copies to another region are judged against it)
 * @param rules  the plan's rules
 */
record BackupPlan(String id, String name, String region, List<Rule> rules) {

    /**
     * @param name             rule name
     * @param schedule         ScheduleExpression, or empty
     * @param deleteAfterDays  Lifecycle.DeleteAfterDays, or null when recovery points are kept until deleted by hand
     * @param copyDestinations CopyActions[].DestinationBackupVaultArn
     */
    record Rule(String name, String schedule, Integer deleteAfterDays, List<String> copyDestinations) {
    }

    /** Reads the {@code BackupPlan} object of a Config item or a get-backup-plan response. */
    static BackupPlan of(String id, String region, JsonNode plan) {
        JsonNode ruleList = plan.has("BackupPlanRule") ? plan.path("BackupPlanRule") : plan.path("Rules");
        List<Rule> rules = new ArrayList<>();
        for (JsonNode r : ruleList) {
            JsonNode days = r.path("Lifecycle").path("DeleteAfterDays");
            List<String> copies = new ArrayList<>();
            for (JsonNode c : r.path("CopyActions")) {
                String arn = c.path("DestinationBackupVaultArn").asText("");
                if (!arn.isBlank()) {
                    copies.add(arn);
                }
            }
            rules.add(new Rule(r.path("RuleName").asText(""), r.path("ScheduleExpression").asText(""), days(days),
                    copies));
        }
        return new BackupPlan(id, plan.path("BackupPlanName").asText(""), region, rules);
    }

    /** A day count written as a number or numeric text; null when absent or not a number. */
    private static Integer days(JsonNode n) {
        if (n.isNumber()) {
            return n.canConvertToInt() ? n.asInt() : Integer.MAX_VALUE;
        }
        String t = n.asText("").strip();
        return n.isTextual() && t.matches("\\d{1,9}") ? Integer.valueOf(t) : null;
    }

    /** The region of a backup vault ARN ({@code arn:aws:backup:REGION:ACCOUNT:backup-vault:NAME}), or empty. */
    static String vaultRegion(String arn) {
        String[] parts = arn.split(":", -1);
        return parts.length > 3 ? parts[3] : "";
    }
}
