package dev.vigil.engine.baseline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.model.Evidence;
import dev.vigil.model.Finding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns a principal's anomalies into findings: one per tactic, its summary and description listing what was new
 * (APIs, networks, user agents, regions, hours, volume spikes), its evidence the anomalous calls.
 */
final class FindingWriter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int USUAL_SHOWN = 5;
    /** New values named in a description; the summary lists up to {@link #SUMMARY_VALUES}. */
    private static final int VALUES_SHOWN = 8;
    private static final int SUMMARY_VALUES = 50;

    private final BaselineSettings settings;

    FindingWriter(BaselineSettings settings) {
        this.settings = settings;
    }

    List<Finding> findings(String principalKey, Profile profile, List<Anomaly> anomalies) {
        Map<Tactic, List<Anomaly>> byTactic = new EnumMap<>(Tactic.class);
        for (Anomaly a : anomalies) {
            byTactic.computeIfAbsent(a.tactic(), k -> new ArrayList<>()).add(a);
        }
        List<Finding> out = new ArrayList<>();
        byTactic.forEach((tactic, group) -> out.add(finding(principalKey, profile, tactic, group)));
        return out;
    }

    /**
     * One finding per (tactic, account, principal), GuardDuty's AnomalousBehavior model: its identity holds no
     * API or value, so a later run that sees more of the same activity updates the finding instead of adding one.
     */
    private Finding finding(String principalKey, Profile profile, Tactic tactic, List<Anomaly> group) {
        group.sort(Comparator.comparing(Anomaly::call, Sighting.FIRST));
        Anomaly first = group.getFirst();
        AnomalyScore score = AnomalyScore.of(group, tactic, settings.scoring());
        Novelties novel = new Novelties(group);

        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("account", first.call().account());
        keys.put("principal", principalKey);
        keys.put("tactic", tactic.guardDutyName());
        Instant firstSeen = Instant.ofEpochMilli(first.call().time());
        Instant lastSeen = Instant.ofEpochMilli(group.getLast().call().time());
        String type = tactic == Tactic.EXFILTRATION && group.stream().allMatch(a -> isS3DataEvent(a.call()))
                ? Tactic.S3_EXFILTRATION_TYPE : tactic.findingType();

        List<Evidence> evidence = new ArrayList<>();
        evidence.add(new Evidence("summary", firstSeen, "summary",
                summary(principalKey, profile, tactic, type, score, novel, group).toString()));
        for (Anomaly a : group) {
            if (evidence.size() == Finding.MAX_EVIDENCE) {
                break;
            }
            evidence.add(a.call().evidence());
        }
        String description = description(principalKey, profile, tactic, score, novel, group);
        return new Finding(Finding.idFor(tactic.detectionId(), keys), tactic.detection(score.severity(), description,
                type), keys, first.call().account(), first.call().region(), principalKey, "", firstSeen, lastSeen,
                group.size(), evidence);
    }

    /** What was new across a finding's anomalies, each value once, in call order. */
    private static final class Novelties {
        final Map<Feature, Set<String>> values = new EnumMap<>(Feature.class);
        final Set<String> hours = new LinkedHashSet<>();
        final Map<String, List<Anomaly.Spike>> spikes = new TreeMap<>();

        Novelties(List<Anomaly> group) {
            for (Feature f : Feature.values()) {
                values.put(f, new LinkedHashSet<>());
            }
            for (Anomaly a : group) {
                a.novel().forEach((f, v) -> values.get(f).add(v));
                if (a.newHour()) {
                    hours.add(HourOfWeek.label(HourOfWeek.of(a.call().time())));
                }
                a.spikes().forEach((kind, spike) -> spikes.computeIfAbsent(kind, k -> new ArrayList<>()).add(spike));
            }
        }
    }

    private String description(String principal, Profile profile, Tactic tactic, AnomalyScore score, Novelties novel,
                               List<Anomaly> group) {
        StringBuilder b = new StringBuilder();
        b.append(principal).append(" made ").append(group.size()).append(' ').append(tactic.words())
                .append(group.size() == 1 ? " call" : " calls").append(" from ")
                .append(Instant.ofEpochMilli(group.getFirst().call().time())).append(" to ")
                .append(Instant.ofEpochMilli(group.getLast().call().time()))
                .append(" that depart from what it did during its learning period (")
                .append(Instant.ofEpochMilli(profile.first)).append(" to ")
                .append(Instant.ofEpochMilli(learningEnd(profile))).append("):");
        for (Feature f : Feature.values()) {
            Set<String> v = novel.values.get(f);
            if (v.isEmpty()) {
                continue;
            }
            b.append(" new ").append(words(f)).append(v.size() > 1 ? "s " : " ").append(shown(v));
            if (f != Feature.API) {
                b.append(" (usual: ").append(String.join(", ", usual(profile, f))).append(')');
            }
            b.append(';');
        }
        if (!novel.hours.isEmpty()) {
            b.append(" active at ").append(shown(novel.hours)).append(" for the first time;");
        }
        novel.spikes.forEach((kind, list) -> {
            Anomaly.Spike s = list.stream().max(Comparator.comparingLong(Anomaly.Spike::observed)).orElseThrow();
            b.append(' ').append(s.observed()).append(kind.equals("calls") ? " calls" : " S3 bytes out")
                    .append(" in one minute against a learned ").append(round(s.mean())).append(" ± ")
                    .append(round(s.deviation())).append(" per minute (busiest learned minute ").append(s.peak())
                    .append(')').append(list.size() > 1 ? " and " + (list.size() - 1) + " more such minutes" : "")
                    .append(';');
        });
        b.append(" score ").append(score.score()).append(" (").append(String.join(", ", score.signals()))
                .append("). Ask the principal's owner whether this was them; if not, disable its access keys or revoke"
                        + " its sessions, then review what the calls read or changed.");
        return b.toString();
    }

    /** Up to {@link #VALUES_SHOWN} values, then how many more. */
    private static String shown(Set<String> values) {
        String head = String.join(", ", values.stream().limit(VALUES_SHOWN).toList());
        return values.size() > VALUES_SHOWN ? head + " and " + (values.size() - VALUES_SHOWN) + " more" : head;
    }

    private ObjectNode summary(String principal, Profile profile, Tactic tactic, String type, AnomalyScore score,
                               Novelties novel, List<Anomaly> group) {
        ObjectNode s = JSON.createObjectNode();
        s.put("principal", principal);
        s.put("account", group.getFirst().call().account());
        s.put("tactic", tactic.guardDutyName());
        s.put("findingType", type);
        s.put("score", score.score());
        s.put("severity", score.severity().caption());
        ArrayNode signals = s.putArray("signals");
        score.signals().forEach(signals::add);
        s.put("firstCall", Instant.ofEpochMilli(group.getFirst().call().time()).toString());
        s.put("lastCall", Instant.ofEpochMilli(group.getLast().call().time()).toString());
        s.put("calls", group.size());
        ObjectNode added = s.putObject("new");
        for (Feature f : Feature.values()) {
            ArrayNode list = added.putArray(plural(f));
            novel.values.get(f).stream().limit(SUMMARY_VALUES).forEach(list::add);
        }
        ArrayNode hours = added.putArray("hoursOfWeek");
        novel.hours.stream().limit(SUMMARY_VALUES).forEach(hours::add);
        ObjectNode baseline = s.putObject("baseline");
        baseline.put("learningStart", Instant.ofEpochMilli(profile.first).toString());
        baseline.put("learningEnd", Instant.ofEpochMilli(learningEnd(profile)).toString());
        for (Feature f : Feature.values()) {
            String name = plural(f);
            ArrayNode usual = baseline.putArray("usual" + Character.toUpperCase(name.charAt(0)) + name.substring(1));
            usual(profile, f).forEach(usual::add);
        }
        ObjectNode distinct = baseline.putObject("distinctValues");
        for (Feature f : Feature.values()) {
            distinct.put(f.jsonName(), profile.features.get(f).distinct());
        }
        long learnedHours = java.util.Arrays.stream(profile.hourFirst).filter(t -> t < learningEnd(profile)).count();
        baseline.put("activeHoursOfWeek", learnedHours);
        if (!novel.spikes.isEmpty()) {
            ObjectNode volume = s.putObject("volume");
            novel.spikes.forEach((kind, list) -> {
                ArrayNode minutes = volume.putArray(kind);
                list.stream().limit(SUMMARY_VALUES).forEach(spike -> {
                    ObjectNode v = minutes.addObject();
                    v.put("minute", Instant.ofEpochMilli(spike.minute() * MinuteVolume.MINUTE_MILLIS).toString());
                    v.put("observed", spike.observed());
                    v.put("learnedMean", round(spike.mean()));
                    v.put("learnedStdDev", round(spike.deviation()));
                    v.put("learnedPeak", spike.peak());
                    v.put("threshold", round(spike.threshold()));
                    v.put("seasonal", spike.hourOfWeek());
                });
            });
        }
        return s;
    }

    /** S3 object-level calls (GetObject, PutObject, …) are data events, which GuardDuty judges as S3 findings. */
    private static boolean isS3DataEvent(Sighting call) {
        return call.eventSource().equals("s3.amazonaws.com") && call.eventName().contains("Object");
    }

    private static String plural(Feature f) {
        return f.jsonName() + "s";
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
