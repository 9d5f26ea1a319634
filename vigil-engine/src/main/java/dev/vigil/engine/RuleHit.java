package dev.vigil.engine;

import dev.vigil.model.Evidence;

import java.util.Map;
import java.util.Objects;

/**
 * One rule matched one event: what the stateless stage ({@link DetectionSet#evaluate}) hands to the stateful one
 * ({@link FindingAggregator}). It carries the event's evidence and the facts findings are keyed on, so the
 * aggregator never needs the event itself.
 *
 * @param ruleId     id of the rule that matched
 * @param eventId    the event's id (CloudTrail {@code eventID}); may be empty
 * @param timeMillis event time, or {@link Long#MIN_VALUE} when the event had none
 * @param account    account the activity happened in, or ""
 * @param region     region, or ""
 * @param principal  acting principal, or ""
 * @param resource   first non-empty value of the rule's {@code vigil.resource} fields, or ""
 * @param fields     text of the event fields the aggregator needs (finding keys, correlation group-by and counted
 *                   fields), by path; absent and JSON-null fields are left out
 * @param evidence   the record itself
 */
public record RuleHit(String ruleId, String eventId, long timeMillis, String account, String region,
                      String principal, String resource, Map<String, String> fields, Evidence evidence) {

    public RuleHit {
        Objects.requireNonNull(ruleId, "ruleId");
        eventId = Objects.requireNonNullElse(eventId, "");
        account = Objects.requireNonNullElse(account, "");
        region = Objects.requireNonNullElse(region, "");
        principal = Objects.requireNonNullElse(principal, "");
        resource = Objects.requireNonNullElse(resource, "");
        fields = Map.copyOf(fields); // no copy when the map is already immutable, as the engine's are
        Objects.requireNonNull(evidence, "evidence");
    }

    /** The field's text, or "" when the event did not have it. */
    public String field(String path) {
        return fields.getOrDefault(path, "");
    }

    /**
     * What makes two hits the same record: the event id, or, for sources without ids, the place it was read from.
     */
    String identity() {
        return eventId.isEmpty() ? "origin:" + evidence.origin() : eventId;
    }
}
