package dev.vigil.posture.check.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.metrics.pattern.FilterPattern;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.Exported;
import dev.vigil.posture.check.Verdicts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Follows one control's chain in one account: trail → log group → a metric filter whose pattern fits the control's
 * canonical records → an alarm on that filter's metric → an SNS topic among the alarm's actions → a confirmed
 * subscription. Reads the exports directly ({@code logs describe-metric-filters}, {@code cloudwatch describe-alarms},
 * {@code sns list-subscriptions}) rather than through vigil-metrics' whole-file readers, because one malformed
 * filter or alarm in a customer's export must not hide the others.
 */
final class AlarmChain {

    private final Estate estate;
    private final CanonicalEvents.Control control;

    AlarmChain(Estate estate, CanonicalEvents.Control control) {
        this.estate = estate;
        this.control = control;
    }

    ChainOutcome follow(String account) {
        return switch (TrailDeliveries.of(estate, account, CanonicalEvents.needs(control))) {
            case TrailDeliveries.Lookup.Unavailable u -> new ChainOutcome.Unknown(u.region(), u.exported());
            case TrailDeliveries.Lookup.Found f when f.deliveries().isEmpty() && !f.unknown().isEmpty() -> {
                TrailDeliveries.Lookup.Unknown u = f.unknown().get(0);
                yield new ChainOutcome.Unknown(u.region().isEmpty() ? TrailDeliveries.firstRegion(estate, account)
                        : u.region(), u.exported());
            }
            case TrailDeliveries.Lookup.Found f when f.deliveries().isEmpty() -> new ChainOutcome.Broken(
                    ChainOutcome.TRAIL, TrailDeliveries.firstRegion(estate, account),
                    "No multi-region, logging trail delivers " + control.meaning() + " to CloudWatch Logs, so no "
                            + "metric filter can count them" + (f.rejected().isEmpty() ? "" : " (" + String.join("; ",
                            f.rejected().stream().limit(3).map(Verdicts::clip).toList()) + ")") + "; send such a trail, recording management "
                            + "events, to a log group.");
            case TrailDeliveries.Lookup.Found f -> {
                // A trail that cannot be judged might be the one with a working chain: it outranks a broken chain.
                List<ChainOutcome> outcomes = new ArrayList<>(f.deliveries().stream().map(this::viaLogGroup).toList());
                f.unknown().forEach(u -> outcomes.add(new ChainOutcome.Unknown(u.region().isEmpty()
                        ? TrailDeliveries.firstRegion(estate, account) : u.region(), u.exported())));
                yield ChainOutcome.best(outcomes);
            }
        };
    }

    private ChainOutcome viaLogGroup(TrailDelivery d) {
        Exported export = Exported.lookup(estate, d.logAccount(), d.logRegion(), "logs", "describe-metric-filters");
        if (!(export instanceof Exported.Present present)) {
            return new ChainOutcome.Unknown(d.logRegion(), export);
        }
        List<Candidate> candidates = new ArrayList<>();
        int unreadable = 0;
        for (JsonNode f : present.body().path("metricFilters")) {
            if (!f.path("logGroupName").asText("").equals(d.logGroupName())) {
                continue;
            }
            try {
                FilterPattern pattern = FilterPattern.compile(f.path("filterPattern").asText(""));
                candidates.add(new Candidate(f.path("filterName").asText("(unnamed)"), f, PatternFit.of(pattern, control)));
            } catch (RuntimeException e) {
                unreadable++;
            }
        }
        String group = "log group " + Verdicts.clip(d.logGroupName()) + " (trail " + Verdicts.clip(d.trailName()) + ")";
        String skipped = unreadable == 0 ? "" : "; " + unreadable + " filter(s) on it have patterns Vigil cannot parse";
        if (candidates.isEmpty()) {
            return new ChainOutcome.Broken(ChainOutcome.FILTER, d.logRegion(), "No metric filter on " + group
                    + " counts " + control.meaning() + skipped + "; add one and an alarm on its metric.");
        }
        List<Candidate> fitting = candidates.stream().filter(c -> c.fit().fits()).toList();
        if (fitting.isEmpty()) {
            int required = control.mustMatch().size();
            List<Candidate> relevant = candidates.stream().filter(c -> c.fit().missed().size() < required).toList();
            if (relevant.isEmpty()) {
                return new ChainOutcome.Broken(ChainOutcome.FILTER, d.logRegion(), "No metric filter on " + group
                        + " counts " + control.meaning() + ": none of its " + candidates.size() + " filter(s) matches "
                        + control.mustMatch().get(0).label() + skipped + "; add one and an alarm on its metric.");
            }
            // The nearest miss: a precise filter lacking a few events says more than a catch-all one.
            Candidate closest = relevant.stream().min(Comparator
                    .comparingInt((Candidate c) -> c.fit().noisy().isEmpty() ? 0 : 1)
                    .thenComparingInt(c -> c.fit().missed().size())).orElseThrow();
            return new ChainOutcome.Broken(ChainOutcome.FILTER, d.logRegion(), "No metric filter on " + group
                    + " matches all " + control.meaning() + ": the closest, " + Verdicts.clip(closest.name()) + ", "
                    + closest.fit().problem() + skipped + ".");
        }
        Exported alarms = Exported.lookup(estate, d.logAccount(), d.logRegion(), "cloudwatch", "describe-alarms");
        if (!(alarms instanceof Exported.Present alarmList)) {
            return new ChainOutcome.Unknown(d.logRegion(), alarms);
        }
        return ChainOutcome.best(fitting.stream().map(c -> viaFilter(d, c, alarmList.body())).toList());
    }

    private ChainOutcome viaFilter(TrailDelivery d, Candidate filter, JsonNode alarmList) {
        List<ChainOutcome> outcomes = new ArrayList<>();
        List<String> metrics = new ArrayList<>();
        for (JsonNode t : filter.json().path("metricTransformations")) {
            String name = t.path("metricName").asText("");
            String namespace = t.path("metricNamespace").asText("");
            metrics.add(namespace + "/" + name);
            Double value = literal(t.path("metricValue").asText(""));
            List<String> dimensions = new ArrayList<>();
            t.path("dimensions").fieldNames().forEachRemaining(dimensions::add);
            for (JsonNode alarm : alarmList.path("MetricAlarms")) {
                if (!watches(alarm, namespace, name)) {
                    continue;
                }
                // A dimensioned metric is one series per value; an alarm reads one series, so it misses the rest.
                outcomes.add(dimensions.isEmpty() ? viaAlarm(d, alarm, value) : new ChainOutcome.Broken(
                        ChainOutcome.ALARM, d.logRegion(), "Metric filter " + Verdicts.clip(filter.name())
                        + " publishes " + Verdicts.clip(namespace + "/" + name) + " per "
                        + Verdicts.clip(String.join(", ", dimensions)) + ", so alarm "
                        + Verdicts.clip(alarm.path("AlarmName").asText("(unnamed)"))
                        + " sees one series at most; publish it without dimensions for this alarm."));
            }
        }
        if (outcomes.isEmpty()) {
            return new ChainOutcome.Broken(ChainOutcome.ALARM, d.logRegion(), "Metric filter "
                    + Verdicts.clip(filter.name()) + " counts " + control.meaning() + " as "
                    + Verdicts.clip(String.join(", ", metrics)) + ", but no alarm watches that metric; add one.");
        }
        return ChainOutcome.best(outcomes);
    }

    private ChainOutcome viaAlarm(TrailDelivery d, JsonNode alarm, Double valuePerEvent) {
        String name = Verdicts.clip(alarm.path("AlarmName").asText("(unnamed)"));
        if (alarm.path("ActionsEnabled").isBoolean() && !alarm.path("ActionsEnabled").booleanValue()) {
            return new ChainOutcome.Broken(ChainOutcome.NOTIFICATION, d.logRegion(), "Alarm " + name
                    + " has its actions disabled, so it notifies no one; enable them.");
        }
        if (!firesOnOneEvent(alarm, valuePerEvent)) {
            return new ChainOutcome.Broken(ChainOutcome.NOTIFICATION, d.logRegion(), "Alarm " + name + " ("
                    + Verdicts.clip(alarm.path("ComparisonOperator").asText()) + " " + alarm.path("Threshold").asText()
                    + ") would not fire on a single event; set GreaterThanOrEqualToThreshold 1.");
        }
        List<String> topics = new ArrayList<>();
        for (JsonNode action : alarm.path("AlarmActions")) {
            String arn = action.asText("");
            if (arn.matches("arn:[a-z-]+:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_.-]{1,256}")) {
                topics.add(arn);
            }
        }
        if (topics.isEmpty()) {
            return new ChainOutcome.Broken(ChainOutcome.NOTIFICATION, d.logRegion(), "Alarm " + name
                    + " has no SNS topic among its alarm actions, so nobody is told when it fires; add one.");
        }
        return ChainOutcome.best(topics.stream().map(t -> viaTopic(d, name, t)).toList());
    }

    private ChainOutcome viaTopic(TrailDelivery d, String alarmName, String topicArn) {
        String[] p = topicArn.split(":");
        Exported subs = Exported.lookup(estate, p[4], p[3], "sns", "list-subscriptions");
        if (!(subs instanceof Exported.Present present)) {
            return new ChainOutcome.Unknown(p[3], subs);
        }
        int confirmed = 0;
        int pending = 0;
        for (JsonNode s : present.body().path("Subscriptions")) {
            if (!s.path("TopicArn").asText("").equals(topicArn)) {
                continue;
            }
            // A confirmed subscription has an ARN; AWS prints "PendingConfirmation" (or "Deleted") otherwise.
            if (s.path("SubscriptionArn").asText("").startsWith("arn:")) {
                confirmed++;
            } else {
                pending++;
            }
        }
        String topic = Verdicts.clip(topicArn);
        if (confirmed == 0) {
            return new ChainOutcome.Broken(ChainOutcome.SUBSCRIBER, d.logRegion(), "Topic " + topic + " of alarm "
                    + alarmName + " has no confirmed subscription" + (pending > 0 ? " (" + pending
                    + " pending confirmation)" : "") + "; subscribe the security team and confirm.");
        }
        return new ChainOutcome.Complete(d.logRegion(), "Trail " + Verdicts.clip(d.trailName()) + " feeds log group "
                + Verdicts.clip(d.logGroupName()) + ", whose filter counts " + control.meaning() + " and alarm "
                + alarmName + " notifies topic " + topic + " (" + confirmed + " confirmed subscription(s)).");
    }

    /** True when the alarm reads the metric directly or through a metric-math query. */
    private static boolean watches(JsonNode alarm, String namespace, String name) {
        if (alarm.path("MetricName").asText("").equals(name) && alarm.path("Namespace").asText("").equals(namespace)) {
            return true;
        }
        for (JsonNode q : alarm.path("Metrics")) {
            JsonNode m = q.path("MetricStat").path("Metric");
            if (m.path("MetricName").asText("").equals(name) && m.path("Namespace").asText("").equals(namespace)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether one matching event (publishing {@code valuePerEvent}) crosses the threshold. Only simple threshold
     * alarms on a literal metric value are judged; anything else (metric math, anomaly bands, values read from
     * the event) is given the benefit of the doubt.
     */
    static boolean firesOnOneEvent(JsonNode alarm, Double valuePerEvent) {
        JsonNode threshold = alarm.path("Threshold");
        if (valuePerEvent == null || !threshold.isNumber() || alarm.path("Metrics").size() > 0) {
            return true;
        }
        double t = threshold.doubleValue();
        return switch (alarm.path("ComparisonOperator").asText("")) {
            case "GreaterThanOrEqualToThreshold" -> valuePerEvent >= t;
            case "GreaterThanThreshold" -> valuePerEvent > t;
            case "LessThanThreshold", "LessThanOrEqualToThreshold" -> false;
            default -> true;
        };
    }

    private static Double literal(String text) {
        try {
            double v = Double.parseDouble(text.strip());
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private record Candidate(String name, JsonNode json, PatternFit fit) {
    }
}
