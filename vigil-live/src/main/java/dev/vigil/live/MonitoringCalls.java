package dev.vigil.live;

import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.sns.SnsClient;

/** The CloudWatch monitoring chain: log metric filters, the alarms on them, and who the alarm topics notify. */
final class MonitoringCalls {

    private MonitoringCalls() {
    }

    static void collect(Scope scope, CallRecorder recorder) {
        AwsClients clients = scope.clients();
        CloudWatchLogsClient logs = scope.client(CloudWatchLogsClient.builder());
        recorder.paged(scope, "logs", "describe-metric-filters", "",
                () -> logs.describeMetricFiltersPaginator(r -> { }));
        CloudWatchClient cloudwatch = scope.client(CloudWatchClient.builder());
        recorder.paged(scope, "cloudwatch", "describe-alarms", "", () -> cloudwatch.describeAlarmsPaginator(r -> { }));
        SnsClient sns = scope.client(SnsClient.builder());
        recorder.paged(scope, "sns", "list-subscriptions", "", () -> sns.listSubscriptionsPaginator(r -> { }));
    }
}
