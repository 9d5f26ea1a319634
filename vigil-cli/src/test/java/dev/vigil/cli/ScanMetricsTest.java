package dev.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.vigil.cli.ScanCommandTest.JSON;
import static dev.vigil.cli.ScanCommandTest.STOP;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code vigil scan} with metric filters and alarms: persistence, findings, options, report, export. */
class ScanMetricsTest {

    static final String ALARM_ID = "cloudwatch-alarm:CIS-4.5-CloudTrailChanges";

    @TempDir
    Path dir;

    CliRunner.Result scan(String... extra) {
        List<String> args = new ArrayList<>(List.of("scan", "--out", dir.resolve("out").toString(), "--workspace",
                dir.resolve("ws").toString(), "--color", "never", "--no-progress"));
        args.addAll(Arrays.asList(extra));
        return CliRunner.run(args.toArray(String[]::new));
    }

    Path stops(String name, String... times) throws IOException {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < times.length; i++) {
            records.add(STOP.replace("EID", name + i).replace("2026-10-01T10:00:00Z", times[i]));
        }
        return Files.writeString(dir.resolve(name), "[" + String.join(",", records) + "]");
    }

    CliRunner.Result query(String name) {
        return CliRunner.run("metrics", "query", "CISBenchmark", name, "--workspace", dir.resolve("ws").toString(),
                "--period", "1d", "--format", "jsonl");
    }

    static double total(CliRunner.Result query) throws IOException {
        double sum = 0;
        for (String line : query.out().lines().toList()) {
            sum += JSON.readTree(line).get("value").asDouble();
        }
        return sum;
    }

    List<JsonNode> findings() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String l : Files.readAllLines(dir.resolve("out").resolve(ScanOutputs.FINDINGS_FILE))) {
            out.add(JSON.readTree(l));
        }
        return out;
    }

    static String rule(JsonNode f) {
        return f.at("/finding_info/analytic/uid").asText();
    }

    @Test
    void datapointsArePersistedPerFileSoRescansAreIdempotent() throws IOException {
        Path a = stops("a.json", "2026-10-01T10:00:00Z", "2026-10-01T10:01:00Z");
        Path b = stops("b.json", "2026-10-01T10:02:00Z");
        CliRunner.Result first = scan(a.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("metrics: ").contains("alarms: 16 evaluated")
                .contains("CIS-4.5-CloudTrailChanges").contains("metrics.duckdb");
        assertThat(total(query("cloudtrail_cfg_changes_metric"))).isEqualTo(2);
        scan(a.toString());
        assertThat(total(query("cloudtrail_cfg_changes_metric"))).as("re-scan replaces, not adds").isEqualTo(2);
        scan(b.toString());
        assertThat(total(query("cloudtrail_cfg_changes_metric"))).as("scanning b keeps a's rows").isEqualTo(3);
        JsonNode summary = JSON.readTree(dir.resolve("out/summary.json").toFile());
        assertThat(summary.at("/metrics/enabled").asBoolean()).isTrue();
        assertThat(summary.at("/metrics/datapoints").asLong()).isEqualTo(2); // b: CloudTrail change + API call
        assertThat(summary.at("/metrics/alarms_evaluated").asInt()).isEqualTo(16);
        assertThat(summary.at("/metrics/alarms_in_alarm").asInt()).isEqualTo(1);
        assertThat(summary.at("/metrics/alarms_that_entered_alarm/0").asText()).isEqualTo("CIS-4.5-CloudTrailChanges");
    }

    @Test
    void anAlarmInAlarmIsAFindingInEveryOutputAndUpsertedOnRescan() throws IOException {
        Path a = stops("a.json", "2026-10-01T10:00:00Z", "2026-10-01T11:00:00Z");
        // a later ordinary call: the logs go on, so the alarm is seen returning to OK after the second breach
        Files.writeString(a, Files.readString(a).replace("]", "," + STOP.replace("StopLogging", "DescribeTrails")
                .replace("EID", "later").replace("2026-10-01T10:00:00Z", "2026-10-01T12:00:00Z") + "]"));
        CliRunner.Result r = scan(a.toString());
        JsonNode alarm = findings().stream().filter(f -> rule(f).equals(ALARM_ID)).findFirst().orElseThrow();
        assertThat(alarm.at("/severity").asText()).isEqualTo("High");
        assertThat(alarm.get("count").asInt()).as("two ALARM episodes").isEqualTo(2);
        // CloudWatch keeps deciding on the last real datapoint while it is in the evaluation range (N + 2 periods),
        // so the breach of 11:00-11:05 keeps the alarm in ALARM until 11:20
        assertThat(alarm.at("/finding_info/desc").asText()).contains("Last state: OK since 2026-10-01T11:20:00Z (resolved).");
        assertThat(r.out()).contains("CloudWatch alarm CIS-4.5");
        assertThat(r.out()).contains("2 new, 0 updated"); // the rule finding and the alarm finding
        assertThat(scan(a.toString()).out()).contains("0 new, 2 updated");
        CliRunner.Result list = CliRunner.run("findings", "list", "--workspace", dir.resolve("ws").toString(),
                "--rule", ALARM_ID);
        assertThat(list.out().lines()).hasSize(2).last().asString().contains("cloudwatch-alarm:CIS-4.5-");
        String report = Files.readString(dir.resolve("out/report.html"));
        assertThat(report).contains("<section id=\"metrics\"").contains("class=\"change to-alarm\"")
                .contains("class=\"change to-ok\"").contains("class=\"threshold\"")
                .contains("Metrics with data").doesNotContain("<script");
    }

    @Test
    void anAlarmStillBreachingWhenTheLogsEndStaysOpen() throws IOException {
        Path a = stops("a.json", "2026-10-01T10:00:00Z");
        scan(a.toString());
        JsonNode alarm = findings().stream().filter(f -> rule(f).equals(ALARM_ID)).findFirst().orElseThrow();
        assertThat(alarm.at("/finding_info/desc").asText()).endsWith("Last state: ALARM since 2026-10-01T10:05:00Z (open).");
    }

    @Test
    void failOnCountsAlarmFindingsWithTheSeverityTheAlarmFileGives() throws IOException {
        Path a = stops("a.json", "2026-10-01T10:00:00Z");
        Path alarms = Files.writeString(dir.resolve("alarms.json"), """
                {"MetricAlarms": [{"AlarmName": "TrailTouched", "Namespace": "CISBenchmark",
                  "MetricName": "cloudtrail_cfg_changes_metric", "Statistic": "Sum", "Period": 60,
                  "EvaluationPeriods": 1, "Threshold": 1, "ComparisonOperator": "GreaterThanOrEqualToThreshold",
                  "TreatMissingData": "notBreaching", "Vigil": {"Severity": "critical"}}]}
                """);
        assertThat(scan(a.toString(), "--fail-on", "critical").exitCode()).isEqualTo(ExitCode.OK);
        CliRunner.Result r = scan(a.toString(), "--alarms", alarms.toString(), "--fail-on", "critical");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.FINDINGS);
        assertThat(findings()).extracting(ScanMetricsTest::rule).contains("cloudwatch-alarm:TrailTouched", ALARM_ID);
        assertThat(r.out()).contains("alarms: 17 evaluated");
    }

    @Test
    void noMetricsRunsNeitherFiltersNorAlarms() throws IOException {
        Path a = stops("a.json", "2026-10-01T10:00:00Z");
        CliRunner.Result r = scan(a.toString(), "--no-metrics");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("alarms:");
        assertThat(findings()).extracting(ScanMetricsTest::rule).noneMatch(id -> id.startsWith("cloudwatch-alarm:"));
        assertThat(dir.resolve("ws/metrics.duckdb")).doesNotExist();
        assertThat(JSON.readTree(dir.resolve("out/summary.json").toFile()).at("/metrics/enabled").asBoolean()).isFalse();
        assertThat(Files.readString(dir.resolve("out/report.html"))).doesNotContain("id=\"metrics\"");
        assertThat(scan(a.toString(), "--no-metrics", "--alarms", "x.json").exitCode()).isEqualTo(ExitCode.ERROR);
    }

    /** Event times are attacker-controlled: a record stamped decades earlier must not make alarms replay for ever. */
    @Test
    void aDecadesWideEventTimeRangeIsCutAndSaidSo() throws IOException {
        Path a = stops("a.json", "1971-01-01T00:00:00Z", "2026-10-01T10:00:00Z");
        CliRunner.Result r = scan(a.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(findings()).extracting(ScanMetricsTest::rule).contains(ALARM_ID);
        assertThat(Files.readString(dir.resolve("out/report.html")))
                .contains("was evaluated over its latest 100000 periods only");
    }

    @Test
    void noStoreWritesNoMetricDatabase() throws IOException {
        Path a = stops("a.json", "2026-10-01T10:00:00Z");
        CliRunner.Result r = scan(a.toString(), "--no-store");
        assertThat(r.out()).contains("alarms: 16 evaluated");
        assertThat(dir.resolve("ws/metrics.duckdb")).doesNotExist();
    }

    @Test
    void badDefinitionFilesAreErrorsNamingTheFile() throws IOException {
        Path a = stops("a.json", "2026-10-01T10:00:00Z");
        Path notJson = Files.writeString(dir.resolve("broken-filters.json"), "{\"metricFilters\": [");
        CliRunner.Result r = scan(a.toString(), "--metric-filters", notJson.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(r.err()).contains("--metric-filters").contains("broken-filters.json").contains("not valid JSON");
        Path badPattern = Files.writeString(dir.resolve("bad-pattern.json"), """
                {"metricFilters": [{"filterName": "X", "logGroupName": "g", "filterPattern": "{ $.a IS NOT NULL }",
                  "metricTransformations": [{"metricName": "m", "metricNamespace": "n", "metricValue": "1"}]}]}
                """);
        r = scan(a.toString(), "--metric-filters", badPattern.toString());
        assertThat(r.err()).contains("bad-pattern.json").contains("metricFilters[0]");
        r = scan(a.toString(), "--metric-filters", dir.resolve("missing.json").toString());
        assertThat(r.err()).contains("missing.json").contains("not a file");
        Path noAlarms = Files.writeString(dir.resolve("no-alarms.json"), "{\"Alarms\": []}");
        r = scan(a.toString(), "--alarms", noAlarms.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(r.err()).contains("--alarms").contains("no-alarms.json").contains("MetricAlarms");
        Path oneBad = Files.writeString(dir.resolve("one-bad.json"), """
                {"MetricAlarms": [{"AlarmName": "Fast", "Namespace": "n", "MetricName": "m", "Statistic": "Sum",
                  "Period": 10, "EvaluationPeriods": 1, "Threshold": 1,
                  "ComparisonOperator": "GreaterThanThreshold"}]}
                """);
        r = scan(a.toString(), "--alarms", oneBad.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(r.err()).contains("one-bad.json").contains("Fast").contains("no alarm Vigil can evaluate");
    }

    @Test
    void alarmAndMetricNamesAreEscapedInTheReport() throws IOException {
        Path a = stops("a.json", "2026-10-01T10:00:00Z");
        Path alarms = Files.writeString(dir.resolve("alarms.json"), """
                {"MetricAlarms": [{"AlarmName": "<img src=x onerror=alert(1)>", "Namespace": "CISBenchmark",
                  "MetricName": "cloudtrail_cfg_changes_metric", "Statistic": "Sum", "Period": 300,
                  "EvaluationPeriods": 1, "Threshold": 1, "ComparisonOperator": "GreaterThanOrEqualToThreshold"}]}
                """);
        CliRunner.Result r = scan(a.toString(), "--alarms", alarms.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        String report = Files.readString(dir.resolve("out/report.html"));
        assertThat(report).doesNotContain("<img").contains("&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void exportedDefinitionsReadBackAndReplaceTheBuiltIns() throws IOException {
        CliRunner.Result filters = CliRunner.run("metrics", "export");
        assertThat(filters.exitCode()).as(filters.err()).isZero();
        assertThat(JSON.readTree(filters.out()).get("metricFilters")).hasSize(18);
        Path f = Files.writeString(dir.resolve("filters.json"), filters.out());
        CliRunner.Result alarms = CliRunner.run("metrics", "export", "--what", "alarms");
        assertThat(JSON.readTree(alarms.out()).get("MetricAlarms")).hasSize(16);
        Path al = Files.writeString(dir.resolve("alarms.json"), alarms.out());
        assertThat(CliRunner.run("metrics", "export", "--metric-filters", f.toString()).out())
                .as("same names replace the built-ins").isEqualTo(filters.out());
        assertThat(CliRunner.run("metrics", "export", "--format", "cloudformation").out())
                .contains("AWS::Logs::MetricFilter").contains("CIS43RootAccountUsage");
        assertThat(CliRunner.run("metrics", "export", "--what", "alarms", "--format", "cloudformation").out())
                .contains("AWS::CloudWatch::Alarm");

        Path a = stops("a.json", "2026-10-01T10:00:00Z", "2026-10-01T10:01:00Z");
        CliRunner.Result r = scan(a.toString(), "--metric-filters", f.toString(), "--alarms", al.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("alarms: 16 evaluated");
        assertThat(total(query("cloudtrail_cfg_changes_metric"))).as("not counted twice").isEqualTo(2);
    }
}
