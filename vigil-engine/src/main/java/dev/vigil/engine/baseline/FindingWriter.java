package dev.vigil.engine.baseline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.model.Evidence;
import dev.vigil.model.Finding;
import dev.vigil.model.Severity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a principal's anomalies into findings: one per (tactic, subject), the strongest anomaly described in the
 * summary and the description, every contributing call cited.
 */
final class FindingWriter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int USUAL_SHOWN = 5;

    private final BaselineSettings settings;

    FindingWriter(BaselineSettings settings) {
        this.settings = settings;
    }

    List<Finding> findings(String principalKey, Profile profile, List<Anomaly> anomalies) {
        Map<String, List<Anomaly>> groups = new TreeMap<>();
        for (Anomaly a : anomalies) {
            groups.computeIfAbsent(a.tactic().name() + "\n" + a.subject(), k -> new ArrayList<>()).add(a);
        }
        List<Finding> out = new ArrayList<>();
        for (List<Anomaly> group : groups.values()) {
            out.add(finding(principalKey, profile, group));
        }
        return out;
    }

    private Finding finding(String principalKey, Profile profile, List<Anomaly> group) {
        group.sort(Comparator.comparing(Anomaly::call, Sighting.FIRST));
        Anomaly first = group.getFirst();
        Anomaly strongest = group.stream().max(Comparator.comparingInt(Anomaly::score)
                .thenComparing(Anomaly::call, Sighting.FIRST.reversed())).orElseThrow();
        Severity severity = strongest.severity();
        Tactic tactic = first.tactic();

        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("account", first.call().account());
        keys.put("principal", principalKey);
        keys.put("tactic", tactic.guardDutyName());
        keys.put("anomaly", first.subject());
        Instant firstSeen = Instant.ofEpochMilli(first.call().time());
        Instant lastSeen = Instant.ofEpochMilli(group.getLast().call().time());

        List<Evidence> evidence = new ArrayList<>();
        evidence.add(new Evidence("summary", firstSeen, "summary",
                summary(principalKey, profile, strongest, group.size()).toString()));
        for (Anomaly a : group) {
            if (evidence.size() == Finding.MAX_EVIDENCE) {
                break;
            }
            evidence.add(a.call().evidence());
        }
        String description = description(principalKey, profile, strongest, group.size());
        return new Finding(Finding.idFor(tactic.detectionId(), keys), tactic.detection(severity, description), keys,
                first.call().account(), first.call().region(), principalKey, "", firstSeen, lastSeen, group.size(),
                evidence);
    }

    private String description(String principal, Profile profile, Anomaly a, int calls) {
        StringBuilder b = new StringBuilder();
        b.append(principal).append(" called ").append(a.call().api()).append(" at ")
                .append(Instant.ofEpochMilli(a.call().time())).append(", which departs from what it did during its"
                        + " learning period (").append(Instant.ofEpochMilli(profile.first)).append(" to ")
                .append(Instant.ofEpochMilli(learningEnd(profile))).append("):");
        for (Map.Entry<Feature, String> n : a.novel().entrySet()) {
            b.append(" new ").append(words(n.getKey())).append(' ').append(n.getValue());
            if (n.getKey() != Feature.API) {
                b.append(" (usual: ").append(String.join(", ", usual(profile, n.getKey()))).append(')');
            }
            b.append(';');
        }
        if (a.signals().contains("new-hour-of-week")) {
            b.append(" active at ").append(HourOfWeek.label(HourOfWeek.of(a.call().time())))
                    .append(" for the first time;");
        }
        a.spikes().forEach((kind, s) -> b.append(' ').append(s.observed()).append(kind.equals("calls")
                ? " calls" : " S3 bytes out").append(" in one minute against a learned ").append(round(s.mean()))
                .append(" ± ").append(round(s.deviation())).append(" per minute (busiest learned minute ").append(s.peak())
                .append(");"));
        b.append(" score ").append(a.score()).append(" (").append(String.join(", ", a.signals())).append(")");
        if (calls > 1) {
            b.append("; ").append(calls - 1).append(" more such call").append(calls > 2 ? "s" : "");
        }
        b.append(". Ask the principal's owner whether this was them; if not, disable its access keys or revoke its"
                + " sessions, then review what the calls read or changed.");
        return b.toString();
    }

    private ObjectNode summary(String principal, Profile profile, Anomaly a, int calls) {
        ObjectNode s = JSON.createObjectNode();
        s.put("principal", principal);
        s.put("account", a.call().account());
        s.put("tactic", a.tactic().guardDutyName());
        s.put("findingType", a.tactic().findingType());
        s.put("score", a.score());
        s.put("severity", a.severity().caption());
        ArrayNode signals = s.putArray("signals");
        a.signals().forEach(signals::add);
        ObjectNode call = s.putObject("call");
        call.put("time", Instant.ofEpochMilli(a.call().time()).toString());
        call.put("eventSource", a.call().eventSource());
        call.put("eventName", a.call().eventName());
        call.put("region", a.call().region());
        call.put("network", a.call().network());
        call.put("userAgentFamily", a.call().userAgent());
        call.put("hourOfWeek", HourOfWeek.label(HourOfWeek.of(a.call().time())));
        ObjectNode novel = s.putObject("new");
        a.novel().forEach((f, v) -> novel.put(f.jsonName(), v));
        ObjectNode baseline = s.putObject("baseline");
        baseline.put("learningStart", Instant.ofEpochMilli(profile.first).toString());
        baseline.put("learningEnd", Instant.ofEpochMilli(learningEnd(profile)).toString());
        for (Feature f : Feature.values()) {
            ArrayNode usual = baseline.putArray("usual" + Character.toUpperCase(f.jsonName().charAt(0))
                    + f.jsonName().substring(1) + "s");
            usual(profile, f).forEach(usual::add);
        }
        ObjectNode distinct = baseline.putObject("distinctValues");
        for (Feature f : Feature.values()) {
            distinct.put(f.jsonName(), profile.features.get(f).distinct());
        }
        long learnedHours = java.util.Arrays.stream(profile.hourFirst).filter(t -> t < learningEnd(profile)).count();
        baseline.put("activeHoursOfWeek", learnedHours);
        if (!a.spikes().isEmpty()) {
            ObjectNode volume = s.putObject("volume");
            a.spikes().forEach((kind, spike) -> {
                ObjectNode v = volume.putObject(kind);
                v.put("minute", Instant.ofEpochMilli(spike.minute() * MinuteVolume.MINUTE_MILLIS).toString());
                v.put("observed", spike.observed());
                v.put("learnedMean", round(spike.mean()));
                v.put("learnedStdDev", round(spike.deviation()));
                v.put("learnedPeak", spike.peak());
                v.put("threshold", round(spike.threshold()));
                v.put("seasonal", spike.hourOfWeek());
            });
        }
        s.put("calls", calls);
        return s;
    }

    /** The values used most during learning, most used first. */
    private List<String> usual(Profile profile, Feature f) {
        long end = learningEnd(profile);
        return profile.features.get(f).exact().entrySet().stream()
                .filter(e -> e.getValue().first < end)
                .sorted(Comparator.<Map.Entry<String, ValueSet.Entry>>comparingLong(e -> -e.getValue().count)
                        .thenComparing(Map.Entry::getKey))
                .limit(USUAL_SHOWN).map(Map.Entry::getKey).toList();
    }

    private long learningEnd(Profile profile) {
        return VolumeBaseline.saturatedAdd(profile.first, settings.learningPeriod());
    }

    private static String words(Feature f) {
        return switch (f) {
            case API -> "API";
            case REGION -> "region";
            case NETWORK -> "network";
            case USER_AGENT -> "user agent";
        };
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
