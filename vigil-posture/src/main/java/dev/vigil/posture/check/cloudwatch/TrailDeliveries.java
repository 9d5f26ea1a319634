package dev.vigil.posture.check.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.Exported;
import dev.vigil.posture.supplement.SupplementDoc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds, from an account's {@code cloudtrail describe-trails} exports, the trails whose events reach a log group:
 * multi-region (so every region's calls arrive), delivering to CloudWatch Logs, not reported stopped by
 * {@code get-trail-status}, and with event selectors that keep the control's management events
 * ({@link EventSelectors}). A trail without status or selector exports is given the benefit of the doubt here; the
 * CloudTrail checks judge those in their own right.
 */
final class TrailDeliveries {

    /** What the exports say: the usable deliveries plus why other trails were not usable, or why nothing is known. */
    sealed interface Lookup {
        record Found(List<TrailDelivery> deliveries, List<String> rejected) implements Lookup {
        }

        record Unavailable(String region, Exported exported) implements Lookup {
        }
    }

    private TrailDeliveries() {
    }

    /**
     * @param needs the management events that must reach the log group (a trail whose event selectors leave them
     *              out cannot feed the filter)
     */
    static Lookup of(Estate estate, String account, CanonicalEvents.Needs needs) {
        Map<String, JsonNode> trails = new LinkedHashMap<>();
        Exported firstProblem = null;
        for (SupplementDoc doc : estate.supplements().all("cloudtrail", "describe-trails")) {
            if (!doc.account().equals(account)) {
                continue;
            }
            switch (Exported.of(doc)) {
                case Exported.Present p -> {
                    for (JsonNode t : p.body().path("trailList")) {
                        String key = t.path("TrailARN").asText(t.path("Name").asText(""));
                        if (!key.isEmpty()) {
                            trails.putIfAbsent(key, withRegion(t, doc.region()));
                        }
                    }
                }
                case Exported.Failed f -> firstProblem = firstProblem == null ? f : firstProblem;
                case Exported.Missing m -> { }
            }
        }
        if (trails.isEmpty() && !anyPresent(estate, account)) {
            String region = firstRegion(estate, account);
            return new Lookup.Unavailable(region, firstProblem != null ? firstProblem
                    : new Exported.Missing(account, region, "cloudtrail", "describe-trails", ""));
        }
        List<TrailDelivery> found = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        for (JsonNode t : trails.values()) {
            String name = t.path("Name").asText("");
            String arn = t.path("CloudWatchLogsLogGroupArn").asText("");
            if (arn.isEmpty()) {
                rejected.add("trail " + name + " does not deliver to CloudWatch Logs");
            } else if (!t.path("IsMultiRegionTrail").asBoolean(false)) {
                rejected.add("trail " + name + " records only its home region");
            } else if (stopped(estate, account, t)) {
                rejected.add("trail " + name + " is not logging");
            } else if (!EventSelectors.recordsManagementEvents(estate, account, t, needs)) {
                rejected.add("trail " + name + "'s event selectors leave out these management events");
            } else {
                TrailDelivery.of(name, arn).ifPresentOrElse(found::add,
                        () -> rejected.add("trail " + name + " names a malformed log group ARN"));
            }
        }
        return new Lookup.Found(found, rejected);
    }

    private static JsonNode withRegion(JsonNode trail, String exportRegion) {
        if (trail.isObject() && !trail.path("HomeRegion").isTextual()) {
            ObjectNode copy = trail.deepCopy();
            return copy.put("HomeRegion", exportRegion);
        }
        return trail;
    }

    private static boolean anyPresent(Estate estate, String account) {
        return estate.supplements().all("cloudtrail", "describe-trails").stream()
                .anyMatch(d -> d.account().equals(account) && Exported.of(d) instanceof Exported.Present);
    }

    /** True only when a status export exists and says the trail is not logging. */
    private static boolean stopped(Estate estate, String account, JsonNode trail) {
        return perTrail(estate, account, trail, "get-trail-status")
                .map(body -> body.path("IsLogging").isBoolean() && !body.path("IsLogging").booleanValue())
                .orElse(false);
    }

    /**
     * A per-trail export ({@code get-trail-status.<name>}, {@code get-event-selectors.<name>}), looked for in the
     * trail's home region first, then in any region of the account.
     */
    static Optional<JsonNode> perTrail(Estate estate, String account, JsonNode trail, String operation) {
        String name = trail.path("Name").asText("");
        Set<String> regions = new LinkedHashSet<>();
        regions.add(trail.path("HomeRegion").asText(""));
        regions.addAll(estate.supplements().regions(account));
        for (String region : regions) {
            if (Exported.lookup(estate, account, region, "cloudtrail", operation, name) instanceof Exported.Present p) {
                return Optional.of(p.body());
            }
        }
        return Optional.empty();
    }

    static String firstRegion(Estate estate, String account) {
        return estate.enabledRegions(account).stream().findFirst().orElse("us-east-1");
    }
}
