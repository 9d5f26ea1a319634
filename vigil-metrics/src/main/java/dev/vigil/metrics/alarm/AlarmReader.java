package dev.vigil.metrics.alarm;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vigil.metrics.MetricKey;
import dev.vigil.metrics.store.Statistic;
import dev.vigil.model.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the JSON {@code aws cloudwatch describe-alarms} prints ({@code {"MetricAlarms":[…]}}) into alarm
 * definitions. A bad alarm is reported and skipped; the others still load. Composite alarms and metric-math
 * alarms other than an anomaly band are reported as not evaluated.
 *
 * <p>Vigil reads one extension per alarm, ignored by AWS tools: {@code "Vigil": {"Severity": "high",
 * "TrainMissingAsZero": true}}.
 */
public final class AlarmReader {

    /** What a file held: the alarms that loaded and a message per alarm that did not. */
    public record Result(List<AlarmDefinition> alarms, List<String> problems) {
        public Result {
            alarms = List.copyOf(alarms);
            problems = List.copyOf(problems);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern BAND = Pattern.compile(
            "\\s*ANOMALY_DETECTION_BAND\\s*\\(\\s*([A-Za-z0-9_]{1,255})\\s*(?:,\\s*([0-9]{1,3}(?:\\.[0-9]{1,6})?)\\s*)?\\)\\s*");

    private AlarmReader() {
    }

    /**
     * @param json   the document
     * @param origin file name for messages
     * @throws IllegalArgumentException when the document is not JSON or has no {@code MetricAlarms} array
     */
    public static Result read(String json, String origin) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(origin + ": not valid JSON (" + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + "); expected the output of 'aws cloudwatch describe-alarms'", e);
        }
        if (root == null || !root.path("MetricAlarms").isArray()) {
            throw new IllegalArgumentException(origin + ": no \"MetricAlarms\" array; expected the output of"
                    + " 'aws cloudwatch describe-alarms --output json'");
        }
        List<AlarmDefinition> alarms = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int index = 0;
        for (JsonNode a : root.get("MetricAlarms")) {
            String label = a.path("AlarmName").isTextual() ? "alarm '" + a.get("AlarmName").asText() + "'"
                    : "MetricAlarms[" + index + "]";
            try {
                alarms.add(alarm(a));
            } catch (IllegalArgumentException e) {
                String message = e.getMessage();
                String own = "alarm " + a.path("AlarmName").asText() + ": ";
                if (message.startsWith(own)) {
                    message = message.substring(own.length());
                }
                problems.add(origin + ": " + label + ": " + message + "; skipped");
            }
            index++;
        }
        JsonNode composite = root.path("CompositeAlarms");
        if (composite.isArray() && !composite.isEmpty()) {
            problems.add(origin + ": " + composite.size() + " composite alarm(s) not evaluated: Vigil evaluates metric"
                    + " alarms only");
        }
        return new Result(alarms, problems);
    }

    static AlarmDefinition alarm(JsonNode a) {
        String name = text(a, "AlarmName", true);
        ComparisonOperator comparison = ComparisonOperator.parse(text(a, "ComparisonOperator", true));
        int evaluationPeriods = integer(a, "EvaluationPeriods", null);
        int datapointsToAlarm = integer(a, "DatapointsToAlarm", evaluationPeriods);
        TreatMissingData treat = TreatMissingData.parse(text(a, "TreatMissingData", false));
        String lowSample = text(a, "EvaluateLowSampleCountPercentile", false);
        if (lowSample != null && !lowSample.isEmpty() && !lowSample.equals("evaluate") && !lowSample.equals("ignore")) {
            throw new IllegalArgumentException("EvaluateLowSampleCountPercentile '" + lowSample
                    + "' is not evaluate or ignore");
        }
        MetricKey metric;
        Statistic statistic;
        int period;
        AnomalyBandSpec band = null;
        JsonNode vigil = a.path("Vigil");
        if (a.path("Metrics").isArray() && !a.get("Metrics").isEmpty()) {
            JsonNode stat = null;
            String metricId = null;
            String bandId = text(a, "ThresholdMetricId", false);
            double k = 0;
            for (JsonNode m : a.get("Metrics")) {
                if (m.has("MetricStat")) {
                    if (stat != null) {
                        throw new IllegalArgumentException("metric math over several metrics is not evaluated");
                    }
                    stat = m.get("MetricStat");
                    metricId = text(m, "Id", true);
                } else if (m.has("Expression")) {
                    Matcher band0 = BAND.matcher(text(m, "Expression", true));
                    if (!band0.matches() || !text(m, "Id", true).equals(bandId)) {
                        throw new IllegalArgumentException("metric math expression '" + m.get("Expression").asText()
                                + "' is not evaluated; Vigil evaluates ANOMALY_DETECTION_BAND(m, k) named by"
                                + " ThresholdMetricId");
                    }
                    k = band0.group(2) == null ? 2 : Double.parseDouble(band0.group(2));
                }
            }
            if (stat == null || bandId == null || k == 0) {
                throw new IllegalArgumentException("Metrics must hold one MetricStat and the"
                        + " ANOMALY_DETECTION_BAND expression that ThresholdMetricId names");
            }
            metric = metric(stat.path("Metric"));
            statistic = statistic(text(stat, "Stat", true));
            period = integer(stat, "Period", null);
            band = new AnomalyBandSpec(metricId, bandId, k, vigil.path("TrainMissingAsZero").asBoolean(false));
        } else {
            metric = metric(a);
            String basic = text(a, "Statistic", false);
            String extended = text(a, "ExtendedStatistic", false);
            if ((basic == null) == (extended == null)) {
                throw new IllegalArgumentException("give exactly one of Statistic and ExtendedStatistic");
            }
            statistic = statistic(basic != null ? basic : extended);
            period = integer(a, "Period", null);
        }
        Double threshold = null;
        if (a.has("Threshold") && !a.get("Threshold").isNull()) {
            if (!a.get("Threshold").isNumber()) {
                throw new IllegalArgumentException("Threshold must be a number");
            }
            threshold = a.get("Threshold").asDouble();
        }
        Severity severity = vigil.has("Severity") ? Severity.parse(vigil.get("Severity").asText()) : Severity.MEDIUM;
        return new AlarmDefinition(name, text(a, "AlarmDescription", false), metric, statistic,
                text(a, "Unit", false), period, evaluationPeriods, datapointsToAlarm, threshold, comparison, treat,
                !"ignore".equals(lowSample), band, a.path("ActionsEnabled").asBoolean(true), strings(a, "AlarmActions"),
                strings(a, "OKActions"), strings(a, "InsufficientDataActions"), severity);
    }

    private static MetricKey metric(JsonNode n) {
        Map<String, String> dims = new TreeMap<>();
        JsonNode d = n.path("Dimensions");
        if (!d.isMissingNode() && !d.isArray()) {
            throw new IllegalArgumentException("Dimensions must be an array of {Name, Value}");
        }
        for (JsonNode dim : d) {
            if (dims.put(text(dim, "Name", true), text(dim, "Value", true)) != null) {
                throw new IllegalArgumentException("dimension '" + dim.get("Name").asText() + "' appears twice");
            }
        }
        if (dims.size() > 30) {
            throw new IllegalArgumentException("CloudWatch allows at most 30 dimensions, found " + dims.size());
        }
        return MetricKey.of(text(n, "Namespace", true), text(n, "MetricName", true), dims);
    }

    private static Statistic statistic(String text) {
        return Statistic.parse(text);
    }

    private static String text(JsonNode n, String field, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new IllegalArgumentException(field + " is missing");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        if (v.asText().length() > 10_000) {
            throw new IllegalArgumentException(field + " is longer than 10000 characters");
        }
        return v.asText();
    }

    private static int integer(JsonNode n, String field, Integer defaultValue) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (defaultValue == null) {
                throw new IllegalArgumentException(field + " is missing");
            }
            return defaultValue;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new IllegalArgumentException(field + " must be a whole number, was " + v);
        }
        return v.intValue();
    }

    private static List<String> strings(JsonNode n, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : n.path(field)) {
            if (v.isTextual()) {
                out.add(v.asText());
            }
        }
        return out;
    }
}
