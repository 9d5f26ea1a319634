package dev.vigil.metrics.alarm;

import dev.vigil.metrics.store.Statistic;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BuiltInAlarmsTest {

    /** The metric names the CIS metric filters publish (shared with the filter side). */
    static final List<String> CIS_METRICS = List.of("unauthorized_api_calls_metric", "no_mfa_console_signin_metric",
            "root_usage_metric", "iam_changes_metric", "cloudtrail_cfg_changes_metric", "console_signin_failure_metric",
            "disable_or_delete_cmk_changes_metric", "s3_bucket_policy_changes_metric", "aws_config_changes_metric", "security_group_changes_metric", "nacl_changes_metric",
            "network_gw_changes_metric", "route_table_changes_metric", "vpc_changes_metric", "organizations_changes_metric");

    @Test
    void oneStaticAlarmPerCisMetricAsTheRemediationPrescribes() {
        List<AlarmDefinition> statics = BuiltInAlarms.cis().stream().filter(a -> !a.isAnomaly()).toList();
        assertThat(statics).extracting(a -> a.metric().name()).containsExactlyElementsOf(CIS_METRICS);
        assertThat(statics).allSatisfy(a -> {
            assertThat(a.metric().namespace()).isEqualTo("CISBenchmark");
            assertThat(a.metric().dimensions()).isEmpty();
            assertThat(a.statistic()).isEqualTo(Statistic.Basic.SUM);
            assertThat(a.periodSeconds()).isEqualTo(300);
            assertThat(a.evaluationPeriods()).isEqualTo(1);
            assertThat(a.threshold()).isEqualTo(1.0);
            assertThat(a.comparison()).isEqualTo(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD);
            assertThat(a.treatMissingData()).isEqualTo(TreatMissingData.NOT_BREACHING);
            assertThat(a.description()).isNotBlank();
        });
    }

    @Test
    void includesAnAnomalyAlarmOnFailedSignIns() {
        List<AlarmDefinition> anomalies = BuiltInAlarms.cis().stream().filter(AlarmDefinition::isAnomaly).toList();
        assertThat(anomalies).hasSize(1);
        AlarmDefinition a = anomalies.get(0);
        assertThat(a.metric().name()).isEqualTo("console_signin_failure_metric");
        assertThat(a.comparison()).isEqualTo(ComparisonOperator.GREATER_THAN_UPPER_THRESHOLD);
        assertThat(a.band().trainMissingAsZero()).isTrue();
    }

    /** An alarm on a metric no filter publishes would stay quiet for ever: the two packs must agree. */
    @Test
    void everyAlarmWatchesAMetricTheFilterPackPublishes() {
        java.util.Set<dev.vigil.metrics.MetricKey> published = new java.util.HashSet<>();
        for (var f : dev.vigil.metrics.filter.MetricFilterSet.cis().filters()) {
            if (f.transformation().dimensions().isEmpty()) {
                published.add(dev.vigil.metrics.MetricKey.of(f.transformation().metricNamespace(),
                        f.transformation().metricName()));
            }
        }
        assertThat(BuiltInAlarms.cis()).allSatisfy(a -> assertThat(published).as(a.name()).contains(a.metric()));
    }

    @Test
    void alarmNamesAreUnique() {
        assertThat(BuiltInAlarms.cis()).extracting(AlarmDefinition::name).doesNotHaveDuplicates();
    }
}
