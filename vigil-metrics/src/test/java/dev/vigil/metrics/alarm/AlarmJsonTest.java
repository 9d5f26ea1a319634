package dev.vigil.metrics.alarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vigil.metrics.MetricKey;
import dev.vigil.metrics.store.Statistic;
import dev.vigil.model.Severity;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlarmJsonTest {

    /** Shaped like real {@code aws cloudwatch describe-alarms} output, including fields Vigil does not use. */
    static final String DESCRIBE = """
            {"MetricAlarms": [
              {"AlarmName": "api-5xx", "AlarmArn": "arn:aws:cloudwatch:eu-west-1:111122223333:alarm:api-5xx",
               "AlarmDescription": "5xx from the API", "ActionsEnabled": true,
               "OKActions": [], "AlarmActions": ["arn:aws:sns:eu-west-1:111122223333:ops"], "InsufficientDataActions": [],
               "StateValue": "OK", "StateReason": "Threshold Crossed: ...", "StateUpdatedTimestamp": "2026-01-01T00:00:00Z",
               "MetricName": "5XXError", "Namespace": "AWS/ApiGateway", "Statistic": "Sum",
               "Dimensions": [{"Name": "ApiName", "Value": "shop"}, {"Name": "Stage", "Value": "prod"}],
               "Period": 60, "EvaluationPeriods": 5, "DatapointsToAlarm": 3, "Threshold": 10.0,
               "ComparisonOperator": "GreaterThanThreshold", "TreatMissingData": "notBreaching"},
              {"AlarmName": "latency-p99", "ExtendedStatistic": "p99", "MetricName": "Latency", "Namespace": "App",
               "Period": 300, "EvaluationPeriods": 2, "Threshold": 1500, "Unit": "Milliseconds",
               "ComparisonOperator": "GreaterThanOrEqualToThreshold", "EvaluateLowSampleCountPercentile": "ignore",
               "Vigil": {"Severity": "high"}},
              {"AlarmName": "calls-anomaly", "EvaluationPeriods": 3, "DatapointsToAlarm": 2,
               "ComparisonOperator": "LessThanLowerOrGreaterThanUpperThreshold", "TreatMissingData": "ignore",
               "ThresholdMetricId": "ad1",
               "Metrics": [
                 {"Id": "m1", "ReturnData": true, "MetricStat": {"Metric": {"Namespace": "Vigil", "MetricName": "ApiCalls",
                   "Dimensions": [{"Name": "principal", "Value": "alice"}]}, "Period": 3600, "Stat": "Sum"}},
                 {"Id": "ad1", "Expression": "ANOMALY_DETECTION_BAND(m1, 0.8)", "Label": "ApiCalls (expected)", "ReturnData": true}]}
            ],
            "CompositeAlarms": []}
            """;

    @Test
    void readsStaticPercentileAndAnomalyAlarms() {
        AlarmReader.Result r = AlarmReader.read(DESCRIBE, "alarms.json");
        assertThat(r.problems()).isEmpty();
        assertThat(r.alarms()).hasSize(3);
        AlarmDefinition api = r.alarms().get(0);
        assertThat(api.metric()).isEqualTo(MetricKey.of("AWS/ApiGateway", "5XXError", Map.of("ApiName", "shop", "Stage", "prod")));
        assertThat(api.statistic()).isEqualTo(Statistic.Basic.SUM);
        assertThat(api.evaluationPeriods()).isEqualTo(5);
        assertThat(api.datapointsToAlarm()).isEqualTo(3);
        assertThat(api.threshold()).isEqualTo(10.0);
        assertThat(api.comparison()).isEqualTo(ComparisonOperator.GREATER_THAN_THRESHOLD);
        assertThat(api.treatMissingData()).isEqualTo(TreatMissingData.NOT_BREACHING);
        assertThat(api.alarmActions()).containsExactly("arn:aws:sns:eu-west-1:111122223333:ops");
        assertThat(api.severity()).isEqualTo(Severity.MEDIUM);

        AlarmDefinition p99 = r.alarms().get(1);
        assertThat(p99.statistic()).isEqualTo(new Statistic.Percentile(99));
        assertThat(p99.datapointsToAlarm()).as("defaults to EvaluationPeriods").isEqualTo(2);
        assertThat(p99.treatMissingData()).as("CloudWatch's default").isEqualTo(TreatMissingData.MISSING);
        assertThat(p99.evaluateLowSampleCountPercentiles()).isFalse();
        assertThat(p99.unit()).isEqualTo("Milliseconds");
        assertThat(p99.severity()).isEqualTo(Severity.HIGH);

        AlarmDefinition band = r.alarms().get(2);
        assertThat(band.isAnomaly()).isTrue();
        assertThat(band.band().stdDevs()).isEqualTo(0.8);
        assertThat(band.band().expression()).isEqualTo("ANOMALY_DETECTION_BAND(m1, 0.8)");
        assertThat(band.threshold()).isNull();
        assertThat(band.periodSeconds()).isEqualTo(3600);
        assertThat(band.metric().dimensions()).containsEntry("principal", "alice");
    }

    @Test
    void writesDescribeAlarmsJsonThatReadsBackEqual() {
        List<AlarmDefinition> alarms = AlarmReader.read(DESCRIBE, "alarms.json").alarms();
        String written = AlarmWriter.describeAlarmsJson(alarms);
        assertThat(AlarmReader.read(written, "written.json").alarms()).isEqualTo(alarms);
        assertThat(AlarmReader.read(AlarmWriter.describeAlarmsJson(BuiltInAlarms.cis()), "cis").alarms())
                .isEqualTo(BuiltInAlarms.cis());
    }

    @Test
    void writesCloudFormationAlarmResources() throws Exception {
        List<AlarmDefinition> alarms = AlarmReader.read(DESCRIBE, "alarms.json").alarms();
        JsonNode t = JsonMapper.builder().build().readTree(AlarmWriter.cloudFormation(alarms));
        assertThat(t.path("AWSTemplateFormatVersion").asText()).isEqualTo("2010-09-09");
        JsonNode api = t.path("Resources").path("Api5xx");
        assertThat(api.path("Type").asText()).isEqualTo("AWS::CloudWatch::Alarm");
        JsonNode p = api.path("Properties");
        assertThat(p.path("MetricName").asText()).isEqualTo("5XXError");
        assertThat(p.path("Dimensions").get(0).path("Name").asText()).isEqualTo("ApiName");
        assertThat(p.path("DatapointsToAlarm").asInt()).isEqualTo(3);
        assertThat(p.path("TreatMissingData").asText()).isEqualTo("notBreaching");
        assertThat(t.path("Resources").path("LatencyP99").path("Metadata").path("Vigil").path("Severity").asText())
                .isEqualTo("high");
        assertThat(t.path("Resources").path("LatencyP99").path("Properties").path("ExtendedStatistic").asText())
                .isEqualTo("p99");
        JsonNode band = t.path("Resources").path("CallsAnomaly").path("Properties");
        assertThat(band.path("ThresholdMetricId").asText()).isEqualTo("ad1");
        assertThat(band.path("Metrics").get(1).path("Expression").asText()).isEqualTo("ANOMALY_DETECTION_BAND(m1, 0.8)");
        assertThat(band.has("Threshold")).isFalse();
        assertThat(band.has("MetricName")).isFalse();
    }

    @Test
    void logicalIdsAreAlphanumericAndUnique() {
        Set<String> used = new HashSet<>();
        assertThat(AlarmWriter.logicalId("CIS-4.1-UnauthorizedAPICalls", used)).isEqualTo("CIS41UnauthorizedAPICalls");
        assertThat(AlarmWriter.logicalId("cis 4.1 unauthorized/api calls", used)).isEqualTo("Cis41UnauthorizedApiCalls");
        assertThat(AlarmWriter.logicalId("CIS-4.1-UnauthorizedAPICalls", used)).isEqualTo("CIS41UnauthorizedAPICalls2");
        assertThat(AlarmWriter.logicalId("4xx", used)).isEqualTo("Alarm4xx");
        assertThat(AlarmWriter.logicalId("---", used)).isEqualTo("Alarm");
    }

    @Test
    void aBadAlarmIsReportedAndTheOthersStillLoad() {
        String json = """
                {"MetricAlarms": [
                  {"AlarmName": "no-period", "MetricName": "M", "Namespace": "N", "Statistic": "Sum", "EvaluationPeriods": 1,
                   "Threshold": 1, "ComparisonOperator": "GreaterThanThreshold"},
                  {"AlarmName": "hi-res", "MetricName": "M", "Namespace": "N", "Statistic": "Sum", "Period": 10,
                   "EvaluationPeriods": 1, "Threshold": 1, "ComparisonOperator": "GreaterThanThreshold"},
                  {"AlarmName": "m-gt-n", "MetricName": "M", "Namespace": "N", "Statistic": "Sum", "Period": 60,
                   "EvaluationPeriods": 2, "DatapointsToAlarm": 3, "Threshold": 1, "ComparisonOperator": "GreaterThanThreshold"},
                  {"AlarmName": "bad-op", "MetricName": "M", "Namespace": "N", "Statistic": "Sum", "Period": 60,
                   "EvaluationPeriods": 1, "Threshold": 1, "ComparisonOperator": "Bigger"},
                  {"AlarmName": "too-long", "MetricName": "M", "Namespace": "N", "Statistic": "Sum", "Period": 3600,
                   "EvaluationPeriods": 25, "Threshold": 1, "ComparisonOperator": "GreaterThanThreshold"},
                  {"AlarmName": "no-threshold", "MetricName": "M", "Namespace": "N", "Statistic": "Sum", "Period": 60,
                   "EvaluationPeriods": 1, "ComparisonOperator": "GreaterThanThreshold"},
                  {"AlarmName": "both-stats", "MetricName": "M", "Namespace": "N", "Statistic": "Sum", "ExtendedStatistic": "p9",
                   "Period": 60, "EvaluationPeriods": 1, "Threshold": 1, "ComparisonOperator": "GreaterThanThreshold"},
                  {"AlarmName": "math", "EvaluationPeriods": 1, "Threshold": 1, "ComparisonOperator": "GreaterThanThreshold",
                   "Metrics": [{"Id": "m1", "MetricStat": {"Metric": {"Namespace": "N", "MetricName": "M"}, "Period": 60, "Stat": "Sum"}},
                               {"Id": "e1", "Expression": "m1 * 100"}]},
                  {"AlarmName": "band-without-op", "EvaluationPeriods": 1, "ComparisonOperator": "GreaterThanThreshold",
                   "ThresholdMetricId": "ad1",
                   "Metrics": [{"Id": "m1", "MetricStat": {"Metric": {"Namespace": "N", "MetricName": "M"}, "Period": 60, "Stat": "Sum"}},
                               {"Id": "ad1", "Expression": "ANOMALY_DETECTION_BAND(m1)"}]},
                  {"AlarmName": "fine", "MetricName": "M", "Namespace": "N", "Statistic": "Sum", "Period": 60,
                   "EvaluationPeriods": 1, "Threshold": 1, "ComparisonOperator": "GreaterThanThreshold", "Vigil": {"Severity": "low"}},
                  {"MetricName": "M"}
                ],
                "CompositeAlarms": [{"AlarmName": "c", "AlarmRule": "ALARM(a)"}]}
                """;
        AlarmReader.Result r = AlarmReader.read(json, "alarms.json");
        assertThat(r.alarms()).extracting(AlarmDefinition::name).containsExactly("fine");
        assertThat(r.problems()).hasSize(11).allMatch(p -> p.startsWith("alarms.json: "));
        assertThat(String.join("\n", r.problems()))
                .contains("alarm 'no-period': Period is missing")
                .contains("alarm 'hi-res': Period 10 is not a multiple of 60")
                .contains("alarm 'm-gt-n': DatapointsToAlarm must be between 1 and EvaluationPeriods")
                .contains("alarm 'bad-op': ComparisonOperator 'Bigger' is not one of")
                .contains("at most one day")
                .contains("alarm 'no-threshold': GreaterThanThreshold needs a numeric Threshold")
                .contains("exactly one of Statistic and ExtendedStatistic")
                .contains("'m1 * 100' is not evaluated")
                .contains("a band needs one of the anomaly operators")
                .contains("MetricAlarms[10]: AlarmName is missing")
                .contains("1 composite alarm(s) not evaluated");
    }

    @Test
    void refusesDocumentsThatAreNotDescribeAlarmsOutput() {
        assertThatThrownBy(() -> AlarmReader.read("{", "x.json")).hasMessageStartingWith("x.json: not valid JSON");
        assertThatThrownBy(() -> AlarmReader.read("[]", "x.json")).hasMessageContaining("no \"MetricAlarms\" array");
        assertThatThrownBy(() -> AlarmReader.read("{\"MetricAlarms\": {}}", "x.json"))
                .hasMessageContaining("describe-alarms");
    }
}
