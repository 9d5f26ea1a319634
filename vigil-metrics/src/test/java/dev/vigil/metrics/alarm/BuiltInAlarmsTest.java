package dev.vigil.metrics.alarm;

import dev.vigil.metrics.store.Statistic;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BuiltInAlarmsTest {

    /** The metric names the CIS metric filters publish (shared with the filter side). */
    static final List<String> CIS_METRICS = List.of("UnauthorizedAPICalls", "ConsoleSignInWithoutMfa",
            "RootAccountUsage", "IAMPolicyChanges", "CloudTrailConfigChanges", "ConsoleSignInFailures",
            "DisableOrDeleteCMK", "S3BucketPolicyChanges", "AWSConfigChanges", "SecurityGroupChanges", "NACLChanges",
            "NetworkGatewayChanges", "RouteTableChanges", "VPCChanges", "OrganizationsChanges");

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
        assertThat(a.metric().name()).isEqualTo("ConsoleSignInFailures");
        assertThat(a.comparison()).isEqualTo(ComparisonOperator.GREATER_THAN_UPPER_THRESHOLD);
        assertThat(a.band().trainMissingAsZero()).isTrue();
    }

    @Test
    void alarmNamesAreUnique() {
        assertThat(BuiltInAlarms.cis()).extracting(AlarmDefinition::name).doesNotHaveDuplicates();
    }
}
