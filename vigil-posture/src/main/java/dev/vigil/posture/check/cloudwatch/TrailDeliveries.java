package dev.vigil.posture.check.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.EventSelectors;
import dev.vigil.posture.check.Exported;
import dev.vigil.posture.supplement.SupplementDoc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Finds, from an account's {@code cloudtrail describe-trails} exports, the trails whose events reach a log group:
 * multi-region (so every region's calls arrive), delivering to CloudWatch Logs, logging per {@code get-trail-status},
 * and with event selectors that keep the control's management events ({@link EventSelectors}). Each trail is good,
 * rejected with a reason, or unknown: a trail whose status or selectors export is missing or failed cannot be
 * credited, and cannot be blamed either, so it is reported as the export to add.
 */
final class TrailDeliveries {

    /** What the exports say: the usable deliveries plus why other trails were not usable, or why nothing is known. */
    sealed interface Lookup {
        /**
         * @param deliveries usable trails
         * @param rejected   why other trails cannot feed a filter
         * @param unknown    trails that could not be judged for lack of a per-trail export
         */
        record Found(List<TrailDelivery> deliveries, List<String> rejected, List<Unknown> unknown) implements Lookup {
        }

        /** A trail that might feed the filter, but whose status or event selectors were not (readably) exported. */
        record Unknown(String region, Exported exported) {
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
        List<Lookup.Unknown> unknown = new ArrayList<>();
        for (JsonNode t : trails.values()) {
            String name = t.path("Name").asText("");
            String arn = t.path("CloudWatchLogsLogGroupArn").asText("");
            if (arn.isEmpty()) {
                rejected.add("trail " + name + " does not deliver to CloudWatch Logs");
                continue;
            }
            if (!t.path("IsMultiRegionTrail").asBoolean(false)) {
                rejected.add("trail " + name + " records only its home region");
                continue;
            }
            Optional<TrailDelivery> delivery = TrailDelivery.of(name, arn);
            if (delivery.isEmpty()) {
                rejected.add("trail " + name + " names a malformed log group ARN");
                continue;
            }
            String region = t.path("HomeRegion").asText("");
            Exported status = perTrail(estate, account, t, "get-trail-status");
            if (!(status instanceof Exported.Present p)) {
                unknown.add(new Lookup.Unknown(region, status));
                continue;
            }
            JsonNode logging = p.body().path("IsLogging");
            if (!(logging.isBoolean() ? logging.booleanValue() : logging.asText("").equalsIgnoreCase("true"))) {
                rejected.add("trail " + name + " is not logging");
                continue;
            }
            Exported selectors = perTrail(estate, account, t, "get-event-selectors");
            Optional<String> gap;
            switch (selectors) {
                case Exported.Present sel -> gap = gap(sel.body(), needs);
                case Exported.Failed f -> { unknown.add(new Lookup.Unknown(region, f)); continue; }
                case Exported.Missing m -> {
                    if (t.path("HasCustomEventSelectors").isBoolean() && !t.path("HasCustomEventSelectors").booleanValue()) {
                        // No custom selectors: the default one, which logs every management event.
                        gap = Optional.empty();
                    } else {
                        unknown.add(new Lookup.Unknown(region, m));
                        continue;
                    }
                }
            }
            if (gap.isPresent()) {
                rejected.add("trail " + name + "'s event selectors " + gap.get());
            } else {
                found.add(delivery.get());
            }
        }
        return new Lookup.Found(found, rejected, unknown);
    }

    /**
     * Why the selectors keep out some of the control's events (naming the services and read/write), if they do.
     */
    static Optional<String> gap(JsonNode selectors, CanonicalEvents.Needs needs) {
        List<String> noWrites = new ArrayList<>();
        List<String> noReads = new ArrayList<>();
        for (String source : new TreeSet<>(needs.sources())) {
            EventSelectors.Coverage c = EventSelectors.managementFrom(selectors, source);
            if (needs.writes() && !c.writes()) {
                noWrites.add(source);
            }
            if (needs.reads() && !c.reads()) {
                noReads.add(source);
            }
        }
        List<String> missing = new ArrayList<>();
        if (!noWrites.isEmpty()) {
            missing.add("write events from " + sources(noWrites));
        }
        if (!noReads.isEmpty()) {
            missing.add("read events from " + sources(noReads));
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        EventSelectors.Management m = EventSelectors.management(selectors);
        String why = m.limits().isEmpty() ? m.gap() : String.join("; ", m.limits());
        return Optional.of("leave out " + String.join(" and ", missing) + (why.isEmpty() ? "" : " (" + why + ")"));
    }

    private static String sources(List<String> sources) {
        return sources.size() <= 2 ? String.join(", ", sources)
                : sources.get(0) + ", " + sources.get(1) + " and " + (sources.size() - 2) + " more";
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

    /**
     * A per-trail export ({@code get-trail-status.<name>}, {@code get-event-selectors.<name>}) named by the trail's
     * name or ARN, from this account or the trail's owner (an organisation trail's status can be read from either),
     * preferring a readable copy, then the home region. Missing names the file expected in the home region.
     */
    static Exported perTrail(Estate estate, String account, JsonNode trail, String operation) {
        String name = trail.path("Name").asText("");
        String trailArn = trail.path("TrailARN").asText("");
        String home = trail.path("HomeRegion").asText("");
        String[] arnParts = trailArn.split(":", 6);
        String owner = arnParts.length >= 5 ? arnParts[4] : account;
        Optional<SupplementDoc> best = estate.supplements().all("cloudtrail", operation).stream()
                .filter(d -> d.account().equals(account) || d.account().equals(owner))
                .filter(d -> (!name.isEmpty() && d.subject().equals(name)) || (!trailArn.isEmpty() && d.subject().equals(trailArn)))
                .min(Comparator.comparing((SupplementDoc d) -> !(Exported.of(d) instanceof Exported.Present))
                        .thenComparing(d -> !d.account().equals(account))
                        .thenComparing(d -> !d.region().equals(home)));
        return best.map(Exported::of).orElseGet(() -> new Exported.Missing(account,
                home.isEmpty() ? firstRegion(estate, account) : home, "cloudtrail", operation, name));
    }

    static String firstRegion(Estate estate, String account) {
        return estate.enabledRegions(account).stream().findFirst().orElse("us-east-1");
    }
}
