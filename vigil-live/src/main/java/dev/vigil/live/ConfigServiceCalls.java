package dev.vigil.live;

import software.amazon.awssdk.services.config.ConfigClient;

/** AWS Config's own set-up: recorders, whether they record, and aggregators. */
final class ConfigServiceCalls {

    private ConfigServiceCalls() {
    }

    static void collect(Scope scope, CallRecorder recorder) {
        ConfigClient config = scope.client(ConfigClient.builder());
        recorder.single(scope, "configservice", "describe-configuration-recorders", "",
                config::describeConfigurationRecorders);
        recorder.single(scope, "configservice", "describe-configuration-recorder-status", "",
                config::describeConfigurationRecorderStatus);
        recorder.paged(scope, "configservice", "describe-configuration-aggregators", "",
                () -> config.describeConfigurationAggregatorsPaginator(r -> { }));
    }
}
