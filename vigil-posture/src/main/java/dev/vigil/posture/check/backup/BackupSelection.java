package dev.vigil.posture.check.backup;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.posture.check.PolicyExposure;
import dev.vigil.posture.inventory.PolicyDocuments;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which resources one AWS Backup selection assigns to its plan, read from a Config item's
 * {@code configuration.BackupSelection} or from {@code aws backup get-backup-selection}'s {@code BackupSelection}
 * (the same PascalCase shape).
 *
 * <p>AWS Backup's rule: a resource is selected when it matches {@code Resources} (ARNs with wildcards) or any
 * {@code ListOfTags} entry (tag equals value), and also every entry of {@code Conditions} (AND), and no
 * {@code NotResources} pattern.
 *
 * @param planId       the backup plan the selection belongs to
 * @param name         the selection name, for reasons
 * @param resources    ARN patterns
 * @param notResources ARN patterns excluded
 * @param listOfTags   tag equalities, any of which selects
 * @param conditions   tag conditions, all of which must hold
 */
public record BackupSelection(String planId, String name, List<String> resources, List<String> notResources,
                              List<TagCondition> listOfTags, List<TagCondition> conditions) {

    public BackupSelection {
        resources = List.copyOf(resources);
        notResources = List.copyOf(notResources);
        listOfTags = List.copyOf(listOfTags);
        conditions = List.copyOf(conditions);
    }

    /** One tag test. {@code operator} is StringEquals, StringNotEquals, StringLike or StringNotLike. */
    public record TagCondition(String operator, String key, String value) {

        boolean holds(Map<String, String> tags) {
            String actual = tags.get(key);
            return switch (operator) {
                case "StringNotEquals" -> actual == null || !actual.equals(value);
                case "StringLike" -> actual != null && PolicyExposure.resourceMatches(value, actual);
                case "StringNotLike" -> actual == null || !PolicyExposure.resourceMatches(value, actual);
                default -> actual != null && actual.equals(value);
            };
        }
    }

    /** Reads the {@code BackupSelection} object; missing parts are empty lists. */
    public static BackupSelection of(String planId, JsonNode selection) {
        List<TagCondition> listOfTags = new ArrayList<>();
        for (JsonNode t : selection.path("ListOfTags")) {
            listOfTags.add(new TagCondition("StringEquals", tagKey(t.path("ConditionKey").asText("")),
                    t.path("ConditionValue").asText("")));
        }
        List<TagCondition> conditions = new ArrayList<>();
        for (String op : List.of("StringEquals", "StringNotEquals", "StringLike", "StringNotLike")) {
            for (JsonNode c : selection.path("Conditions").path(op)) {
                conditions.add(new TagCondition(op, tagKey(c.path("ConditionKey").asText("")),
                        c.path("ConditionValue").asText("")));
            }
        }
        return new BackupSelection(planId, selection.path("SelectionName").asText(""),
                PolicyDocuments.strings(selection.path("Resources")), PolicyDocuments.strings(selection.path("NotResources")),
                listOfTags, conditions);
    }

    /** True when the selection assigns the resource with this ARN and these tags to its plan. */
    public boolean selects(String arn, Map<String, String> tags) {
        boolean matched = resources.stream().anyMatch(p -> PolicyExposure.resourceMatches(p, arn))
                || listOfTags.stream().anyMatch(t -> t.holds(tags));
        if (!matched || !conditions.stream().allMatch(c -> c.holds(tags))) {
            return false;
        }
        return notResources.stream().noneMatch(p -> PolicyExposure.resourceMatches(p, arn));
    }

    /** Condition keys are written {@code aws:ResourceTag/Name} in Conditions and often in ListOfTags too. */
    private static String tagKey(String conditionKey) {
        return conditionKey.startsWith("aws:ResourceTag/") ? conditionKey.substring("aws:ResourceTag/".length()) : conditionKey;
    }
}
