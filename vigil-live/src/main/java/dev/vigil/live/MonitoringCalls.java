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
        CloudWatchLogsClient logs = clients.client(CloudWatchLogsClient.builder(), scope.account(), scope.callRegion());
        recorder.paged(scope, "logs", "describe-metric-filters", "",
                () -> logs.describeMetricFiltersPaginator(r -> { }));
        CloudWatchClient cloudwatch = clients.client(CloudWatchClient.builder(), scope.account(), scope.callRegion());
        recorder.paged(scope, "cloudwatch", "describe-alarms", "", () -> cloudwatch.describeAlarmsPaginator(r -> { }));
        SnsClient sns = clients.client(SnsClient.builder(), scope.account(), scope.callRegion());
        recorder.paged(scope, "sns", "list-subscriptions", "", () -> sns.listSubscriptionsPaginator(r -> { }));
    }
}
