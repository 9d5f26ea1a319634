package dev.vigil.sim;

import dev.vigil.sim.Estate.Account;
import dev.vigil.sim.Json.Obj;
import dev.vigil.sim.PostureOrg.TrailState;

import java.util.ArrayList;
import java.util.List;

import static dev.vigil.sim.CliExportSink.cliTime;
import static dev.vigil.sim.CliExportSink.seconds;
import static dev.vigil.sim.Json.list;
import static dev.vigil.sim.Json.obj;

/**
 * The logging and alerting exports of one account and region: {@code cloudtrail describe-trails} (with the
 * organisation trail as members see it), {@code get-trail-status} and {@code get-event-selectors} per trail, and,
 * where the organisation trail's log group lives, the CIS metric filters ({@code logs describe-metric-filters}),
 * their alarms ({@code cloudwatch describe-alarms}) and the alarm topics' subscriptions ({@code sns
 * list-subscriptions}).
 */
final class TrailExports {

    private static final long DAY = 86_400_000L;
    static final String ALARM_TOPIC = "security-alarms";
    static final String PENDING_TOPIC = "org-change-alerts";

    private final PostureOrg org;
    private final CliExportSink sink;
    private final Ids ids;
    private final Account management;

    TrailExports(PostureOrg org, CliExportSink sink, Ids ids) {
        this.org = org;
        this.sink = sink;
        this.ids = ids;
        this.management = org.account("management");
    }

    void write(Account a, String region) {
        cloudTrail(a, region);
        monitoring(a, region);
    }

    private void cloudTrail(Account a, String region) {
        List<TrailState> visible = org.trails().stream()
                .filter(t -> t.multiRegion() ? t.trail().organization() || t.trail().account().equals(a)
                        : t.trail().account().equals(a) && t.trail().region().equals(region))
                .toList();
        List<Obj> list = new ArrayList<>();
        for (TrailState t : visible) {
            var tr = t.trail();
            list.add(obj("Name", tr.name(), "S3BucketName", tr.bucket(), "IncludeGlobalServiceEvents", true,
                    "IsMultiRegionTrail", t.multiRegion(), "HomeRegion", tr.region(), "TrailARN", tr.arn(),
                    "LogFileValidationEnabled", true, "CloudWatchLogsLogGroupArn", t.logGroupArn(),
                    "CloudWatchLogsRoleArn", t.roleArn(), "KmsKeyId", t.keyArn(), "HasCustomEventSelectors", true,
                    "HasInsightSelectors", false, "IsOrganizationTrail", tr.organization()));
        }
        sink.put(a.id(), region, "cloudtrail", "describe-trails", null, obj("trailList", List.copyOf(list)));
        for (TrailState t : visible) {
            long started = org.startMillis() - 500 * DAY;
            List<Object> status = new ArrayList<>(List.of("IsLogging", t.logging(),
                    "LatestDeliveryTime", cliTime(t.lastDeliveryMillis()),
                    "LatestCloudWatchLogsDeliveryTime", cliTime(t.lastDeliveryMillis() + 20_000L),
                    "LatestDigestDeliveryTime", cliTime(t.lastDeliveryMillis() - (t.lastDeliveryMillis() % 3_600_000L)),
                    "StartLoggingTime", cliTime(started)));
            if (t.stoppedMillis() != null) {
                status.add("StopLoggingTime");
                status.add(cliTime(t.stoppedMillis()));
            }
            status.addAll(List.of("LatestDeliveryAttemptTime", seconds(t.lastDeliveryMillis()),
                    "LatestNotificationAttemptTime", "", "LatestNotificationAttemptSucceeded", "",
                    "LatestDeliveryAttemptSucceeded", seconds(t.lastDeliveryMillis()),
                    "TimeLoggingStarted", seconds(started),
                    "TimeLoggingStopped", t.stoppedMillis() == null ? "" : seconds(t.stoppedMillis())));
            sink.put(a.id(), region, "cloudtrail", "get-trail-status", t.trail().name(), obj(status.toArray()));
            sink.put(a.id(), region, "cloudtrail", "get-event-selectors", t.trail().name(), eventSelectors(t));
        }
    }

    private static Obj eventSelectors(TrailState t) {
        List<Object> prefixes = t.dataEventBuckets().stream().map(b -> (Object) ("arn:aws:s3:::" + b + "/")).toList();
        if (t.trail().organization()) {
            return obj("TrailARN", t.trail().arn(), "AdvancedEventSelectors", list(
                    obj("Name", "Management events", "FieldSelectors", list(obj("Field", "eventCategory",
                            "Equals", list("Management")))),
                    obj("Name", "Customer data object access", "FieldSelectors", list(
                            obj("Field", "eventCategory", "Equals", list("Data")),
                            obj("Field", "resources.type", "Equals", list("AWS::S3::Object")),
                            obj("Field", "resources.ARN", "StartsWith", prefixes)))));
        }
        return obj("TrailARN", t.trail().arn(), "EventSelectors", list(obj("ReadWriteType", "All",
                "IncludeManagementEvents", false, "DataResources", list(obj("Type", "AWS::S3::Object",
                        "Values", prefixes)), "ExcludeManagementEventSources", list())));
    }

    private void monitoring(Account a, String region) {
        boolean home = a.equals(management) && region.equals(Estate.HOME_REGION);
        String topicBase = "arn:aws:sns:" + region + ":" + a.id() + ":";
        List<Obj> filters = new ArrayList<>();
        List<Obj> alarms = new ArrayList<>();
        if (home) {
            TrailState orgTrail = org.trails().stream().filter(t -> t.trail().organization()).findFirst().orElseThrow();
            long created = org.startMillis() - 300 * DAY;
            for (CisMetricFilters.Filter f : CisMetricFilters.all()) {
                if (f.check().equals(CisMetricFilters.MISSING)) {
                    continue;
                }
                filters.add(obj("filterName", f.metric() + "-filter", "filterPattern", CisMetricFilters.deployedPattern(f),
                        "metricTransformations", list(obj("metricName", f.metric(), "metricNamespace", "CISBenchmark",
                                "metricValue", "1")), "creationTime", created, "logGroupName", orgTrail.logGroup()));
                String topic = topicBase + (f.check().equals(CisMetricFilters.UNCONFIRMED) ? PENDING_TOPIC : ALARM_TOPIC);
                alarms.add(obj("AlarmName", f.metric() + "-alarm", "AlarmArn", "arn:aws:cloudwatch:" + region + ":"
                                + a.id() + ":alarm:" + f.metric() + "-alarm",
                        "AlarmConfigurationUpdatedTimestamp", cliTime(created), "ActionsEnabled", true,
                        "OKActions", list(), "AlarmActions", list(topic), "InsufficientDataActions", list(),
                        "StateValue", "OK", "StateReason",
                        "Threshold Crossed: 1 datapoint [0.0] was not greater than or equal to the threshold (1.0).",
                        "StateUpdatedTimestamp", cliTime(org.endMillis() - 3 * 3_600_000L),
                        "MetricName", f.metric(), "Namespace", "CISBenchmark", "Statistic", "Sum", "Dimensions", list(),
                        "Period", 300, "EvaluationPeriods", 1, "Threshold", 1.0,
                        "ComparisonOperator", "GreaterThanOrEqualToThreshold", "TreatMissingData", "notBreaching",
                        "StateTransitionedTimestamp", cliTime(org.endMillis() - 3 * 3_600_000L)));
            }
        }
        sink.put(a.id(), region, "logs", "describe-metric-filters", null, obj("metricFilters", List.copyOf(filters)));
        sink.put(a.id(), region, "cloudwatch", "describe-alarms", null, obj("MetricAlarms", List.copyOf(alarms),
                "CompositeAlarms", list()));
        List<Obj> subs = new ArrayList<>();
        if (home) {
            String domain = org.estate().domain();
            subs.add(obj("SubscriptionArn", topicBase + ALARM_TOPIC + ":" + ids.uuid(), "Owner", a.id(),
                    "Protocol", "email", "Endpoint", "secops@" + domain, "TopicArn", topicBase + ALARM_TOPIC));
            subs.add(obj("SubscriptionArn", "PendingConfirmation", "Owner", a.id(), "Protocol", "email",
                    "Endpoint", "platform-team@" + domain, "TopicArn", topicBase + PENDING_TOPIC));
        }
        sink.put(a.id(), region, "sns", "list-subscriptions", null, obj("Subscriptions", List.copyOf(subs)));
    }
}
