package dev.vigil.metrics.alarm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.metrics.MetricKey;
import dev.vigil.model.Severity;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes alarm definitions back in the two shapes AWS users work with: the {@code describe-alarms} JSON (which
 * {@link AlarmReader} reads back unchanged) and a CloudFormation template of {@code AWS::CloudWatch::Alarm}
 * resources. Vigil's severity extension goes into the alarm's {@code Vigil} object in the first shape and into
 * the resource's {@code Metadata} in the second, where CloudFormation accepts it.
 */
public final class AlarmWriter {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AlarmWriter() {
    }

    /** {@code {"MetricAlarms":[…]}} as {@code aws cloudwatch describe-alarms} prints it. */
    public static String describeAlarmsJson(List<AlarmDefinition> alarms) {
        ObjectNode root = NODES.objectNode();
        ArrayNode list = root.putArray("MetricAlarms");
        for (AlarmDefinition a : alarms) {
            ObjectNode n = properties(a);
            ObjectNode vigil = NODES.objectNode();
            if (a.severity() != Severity.MEDIUM) {
                vigil.put("Severity", a.severity().name().toLowerCase(java.util.Locale.ROOT));
            }
            if (a.band() != null && a.band().trainMissingAsZero()) {
                vigil.put("TrainMissingAsZero", true);
            }
            if (!vigil.isEmpty()) {
                n.set("Vigil", vigil);
            }
            list.add(n);
        }
        root.putArray("CompositeAlarms");
        return write(root);
    }

    /** A CloudFormation template (JSON) with one {@code AWS::CloudWatch::Alarm} resource per alarm. */
    public static String cloudFormation(List<AlarmDefinition> alarms) {
        ObjectNode root = NODES.objectNode();
        root.put("AWSTemplateFormatVersion", "2010-09-09");
        root.put("Description", "CloudWatch alarms exported by Vigil");
        ObjectNode resources = root.putObject("Resources");
        Set<String> used = new HashSet<>();
        for (AlarmDefinition a : alarms) {
            ObjectNode r = resources.putObject(logicalId(a.name(), used));
            r.put("Type", "AWS::CloudWatch::Alarm");
            if (a.severity() != Severity.MEDIUM) {
                r.putObject("Metadata").putObject("Vigil").put("Severity",
                        a.severity().name().toLowerCase(java.util.Locale.ROOT));
            }
            r.set("Properties", properties(a));
        }
        return write(root);
    }

    /** The property names are the same in both shapes. */
    private static ObjectNode properties(AlarmDefinition a) {
        ObjectNode n = NODES.objectNode();
        n.put("AlarmName", a.name());
        if (!a.description().isEmpty()) {
            n.put("AlarmDescription", a.description());
        }
        n.put("ActionsEnabled", a.actionsEnabled());
        strings(n, "OKActions", a.okActions());
        strings(n, "AlarmActions", a.alarmActions());
        strings(n, "InsufficientDataActions", a.insufficientDataActions());
        if (a.band() == null) {
            n.put("MetricName", a.metric().name());
            n.put("Namespace", a.metric().namespace());
            n.put(a.statistic().isExtended() ? "ExtendedStatistic" : "Statistic", a.statistic().awsName());
            n.set("Dimensions", dimensions(a.metric()));
            n.put("Period", a.periodSeconds());
            if (a.unit() != null) {
                n.put("Unit", a.unit());
            }
        }
        n.put("EvaluationPeriods", a.evaluationPeriods());
        n.put("DatapointsToAlarm", a.datapointsToAlarm());
        if (a.threshold() != null) {
            n.put("Threshold", a.threshold());
        }
        n.put("ComparisonOperator", a.comparison().awsName());
        n.put("TreatMissingData", a.treatMissingData().awsName());
        if (a.statistic().isExtended()) {
            n.put("EvaluateLowSampleCountPercentile", a.evaluateLowSampleCountPercentiles() ? "evaluate" : "ignore");
        }
        if (a.band() != null) {
            ArrayNode metrics = n.putArray("Metrics");
            ObjectNode m = metrics.addObject();
            m.put("Id", a.band().metricId());
            ObjectNode stat = m.putObject("MetricStat");
            ObjectNode metric = stat.putObject("Metric");
            metric.put("Namespace", a.metric().namespace());
            metric.put("MetricName", a.metric().name());
            metric.set("Dimensions", dimensions(a.metric()));
            stat.put("Period", a.periodSeconds());
            stat.put("Stat", a.statistic().awsName());
            if (a.unit() != null) {
                stat.put("Unit", a.unit());
            }
            m.put("ReturnData", true);
            ObjectNode b = metrics.addObject();
            b.put("Id", a.band().bandId());
            b.put("Expression", a.band().expression());
            b.put("Label", a.metric().name() + " (expected)");
            b.put("ReturnData", true);
            n.put("ThresholdMetricId", a.band().bandId());
        }
        return n;
    }

    private static ArrayNode dimensions(MetricKey key) {
        ArrayNode dims = NODES.arrayNode();
        for (Map.Entry<String, String> d : key.dimensions().entrySet()) {
            dims.addObject().put("Name", d.getKey()).put("Value", d.getValue());
        }
        return dims;
    }

    private static void strings(ObjectNode n, String field, List<String> values) {
        ArrayNode a = n.putArray(field);
        values.forEach(a::add);
    }

    /** CloudFormation logical ids are alphanumeric; names that clean to the same id get a number. */
    static String logicalId(String alarmName, Set<String> used) {
        StringBuilder b = new StringBuilder();
        boolean upper = true;
        for (char c : alarmName.toCharArray()) {
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                b.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        String base = b.isEmpty() ? "Alarm" : (Character.isDigit(b.charAt(0)) ? "Alarm" + b : b.toString());
        if (base.length() > 200) {
            base = base.substring(0, 200);
        }
        String id = base;
        for (int i = 2; !used.add(id); i++) {
            id = base + i;
        }
        return id;
    }

    private static String write(ObjectNode root) {
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
