package dev.vigil.posture.check.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.posture.check.Estate;

import java.util.Optional;
import java.util.Set;

/**
 * Whether a trail's {@code get-event-selectors} export lets a control's management events through: the right
 * services, and read-only and/or mutating calls as the control's records need. Advanced selectors are judged on
 * {@code eventCategory} and {@code eventSource} only (a {@code readOnly} field selector is not yet considered).
 * Without the export the trail is given the benefit of the doubt (most trails use the default selector, which
 * records all management events); the CloudTrail checks judge selectors in their own right.
 */
final class EventSelectors {

    private EventSelectors() {
    }

    static boolean recordsManagementEvents(Estate estate, String account, JsonNode trail, CanonicalEvents.Needs needs) {
        Set<String> sources = needs.sources();
        Optional<JsonNode> export = TrailDeliveries.perTrail(estate, account, trail, "get-event-selectors");
        if (export.isEmpty()) {
            return true;
        }
        JsonNode basic = export.get().path("EventSelectors");
        JsonNode advanced = export.get().path("AdvancedEventSelectors");
        if (basic.isArray() && !basic.isEmpty()) {
            for (JsonNode s : basic) {
                String kind = s.path("ReadWriteType").asText("All");
                boolean kindsCovered = kind.equals("All") || (kind.equals("ReadOnly") && !needs.writes())
                        || (kind.equals("WriteOnly") && !needs.reads());
                if (s.path("IncludeManagementEvents").asBoolean(true) && kindsCovered
                        && !excludesAny(s.path("ExcludeManagementEventSources"), sources)) {
                    return true;
                }
            }
            return false;
        }
        if (advanced.isArray() && !advanced.isEmpty()) {
            for (JsonNode s : advanced) {
                if (selectsManagement(s) && !excludesAnyAdvanced(s, sources)) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }

    private static boolean excludesAny(JsonNode excluded, Set<String> sources) {
        for (JsonNode e : excluded) {
            if (sources.contains(e.asText(""))) {
                return true;
            }
        }
        return false;
    }

    private static boolean selectsManagement(JsonNode selector) {
        for (JsonNode f : selector.path("FieldSelectors")) {
            if (f.path("Field").asText("").equals("eventCategory")) {
                for (JsonNode v : f.path("Equals")) {
                    if (v.asText("").equals("Management")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Advanced selectors drop a service with {@code eventSource NotEquals [...]}. */
    private static boolean excludesAnyAdvanced(JsonNode selector, Set<String> sources) {
        for (JsonNode f : selector.path("FieldSelectors")) {
            if (f.path("Field").asText("").equals("eventSource") && excludesAny(f.path("NotEquals"), sources)) {
                return true;
            }
        }
        return false;
    }
}
