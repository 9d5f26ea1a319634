package dev.vigil.metrics.filter;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DescribeMetricFiltersTest {

    static final String CLI_OUTPUT = """
            {
                "metricFilters": [
                    {
                        "filterName": "RootUsage",
                        "filterPattern": "{ $.userIdentity.type = \\"Root\\" && $.userIdentity.invokedBy NOT EXISTS }",
                        "metricTransformations": [
                            {"metricName": "RootUsage", "metricNamespace": "CISBenchmark", "metricValue": "1"}
                        ],
                        "creationTime": 1700000000000,
                        "logGroupName": "CloudTrail/DefaultLogGroup",
                        "applyOnTransformedLogs": false
                    },
                    {
                        "filterName": "Bytes",
                        "filterPattern": "[ip, user, status, bytes]",
                        "metricTransformations": [
                            {"metricName": "Bytes", "metricNamespace": "Web", "metricValue": "$bytes",
                             "dimensions": {"Status": "$status"}, "unit": "Bytes"}
                        ],
                        "logGroupName": "web"
                    },
                    {
                        "filterName": "Errors",
                        "filterPattern": "ERROR",
                        "metricTransformations": [
                            {"metricName": "Errors", "metricNamespace": "App", "metricValue": "1", "defaultValue": 0.0}
                        ],
                        "logGroupName": "app"
                    }
                ]
            }
            """;

    @Test
    void readsWhatTheCliPrintsAndWritesItBack() {
        List<MetricFilter> filters = DescribeMetricFilters.read(CLI_OUTPUT, "filters.json");
        assertThat(filters).hasSize(3);
        assertThat(filters.get(1).transformation()).isEqualTo(new MetricTransformation("Bytes", "Web", "$bytes", null,
                Map.of("Status", "$status"), "Bytes"));
        assertThat(filters.get(2).transformation().defaultValue()).isZero();
        String written = DescribeMetricFilters.write(filters);
        assertThat(DescribeMetricFilters.read(written, "again")).isEqualTo(filters);
        assertThat(written).contains("\"metricFilters\"").doesNotContain("creationTime");
    }

    @Test
    void acceptsABareArray() {
        assertThat(DescribeMetricFilters.read("[{\"filterName\":\"a\",\"filterPattern\":\"\",\"logGroupName\":\"g\","
                + "\"metricTransformations\":[{\"metricName\":\"m\",\"metricNamespace\":\"n\",\"metricValue\":\"1\"}]}]",
                "x")).hasSize(1);
    }

    @Test
    void errorsNameTheFileTheEntryAndTheField() {
        assertThatThrownBy(() -> DescribeMetricFilters.read("{nope", "f.json"))
                .hasMessageStartingWith("f.json: not valid JSON (line 1");
        assertThatThrownBy(() -> DescribeMetricFilters.read("{\"alarms\":[]}", "f.json"))
                .hasMessageContaining("expected {\"metricFilters\": [...]}");
        String bad = CLI_OUTPUT.replace("NOT EXISTS", "EXISTS");
        assertThatThrownBy(() -> DescribeMetricFilters.read(bad, "f.json"))
                .isInstanceOf(MetricFilterFormatException.class)
                .hasMessageContaining("f.json: metricFilters[0] \"RootUsage\": filterPattern: invalid filter pattern "
                        + "at column");
        assertThatThrownBy(() -> DescribeMetricFilters.read(CLI_OUTPUT.replace("\"$bytes\"", "\"$size\""), "f.json"))
                .hasMessageContaining("metricFilters[1] \"Bytes\"").hasMessageContaining("names no column");
        assertThatThrownBy(() -> DescribeMetricFilters.read(CLI_OUTPUT.replace("\"metricName\": \"Errors\", ", ""),
                "f.json")).hasMessageContaining("metricFilters[2] \"Errors\": metricTransformations[0]: metricName is "
                + "missing");
        assertThatThrownBy(() -> DescribeMetricFilters.read("{\"metricFilters\":[{\"filterName\":\"a\","
                + "\"logGroupName\":\"g\",\"metricTransformations\":[]}]}", "f.json"))
                .hasMessageContaining("exactly one transformation");
        assertThatThrownBy(() -> DescribeMetricFilters.read(CLI_OUTPUT.replace("\"defaultValue\": 0.0",
                "\"defaultValue\": \"zero\""), "f.json")).hasMessageContaining("defaultValue must be a number");
        assertThatThrownBy(() -> DescribeMetricFilters.read("{\"metricFilters\":[7]}", "f.json"))
                .hasMessageContaining("metricFilters[0]: expected an object");
    }

    @Test
    void cloudFormationSnippets() {
        List<MetricFilter> filters = DescribeMetricFilters.read(CLI_OUTPUT, "filters.json");
        String yaml = CloudFormationMetricFilters.yaml(filters);
        assertThat(yaml).startsWith("Resources:\n  RootUsage:\n    Type: AWS::Logs::MetricFilter\n")
                .contains("      FilterPattern: \"{ $.userIdentity.type = \\\"Root\\\" && $.userIdentity.invokedBy "
                        + "NOT EXISTS }\"\n")
                .contains("          Dimensions:\n            - Key: \"Status\"\n              Value: \"$status\"\n")
                .contains("          DefaultValue: 0\n").contains("          Unit: \"Bytes\"\n");
        String json = CloudFormationMetricFilters.json(filters);
        assertThat(json).contains("\"Type\" : \"AWS::Logs::MetricFilter\"").contains("\"LogGroupName\" : \"web\"")
                .contains("\"Key\" : \"Status\"");
        assertThat(CloudFormationMetricFilters.logicalId("CIS-4.1-Unauthorized", new java.util.HashSet<>()))
                .isEqualTo("CIS41Unauthorized");
        var used = new java.util.HashSet<String>();
        assertThat(CloudFormationMetricFilters.logicalId("a b", used)).isEqualTo("AB");
        assertThat(CloudFormationMetricFilters.logicalId("a-b", used)).isEqualTo("AB2");
        assertThat(CloudFormationMetricFilters.logicalId("1x", used)).isEqualTo("MetricFilter1x");
    }
}
