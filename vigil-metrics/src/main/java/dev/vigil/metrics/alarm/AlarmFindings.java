package dev.vigil.metrics.alarm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.model.DetectionInfo;
import dev.vigil.model.Evidence;
import dev.vigil.model.Finding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an alarm's transitions into a finding. Entering ALARM opens the finding (or updates it, on a later
 * episode); returning to OK resolves it. The finding id is stable — rule id {@code cloudwatch-alarm:NAME} and the
 * key facts {@code alarm} and {@code metric} — so re-running the same replay, or a later one, updates the same
 * finding. Evidence is one record per transition of the ALARM episodes (and the OK that ends them), in the shape
 * of EventBridge's "CloudWatch Alarm State Change" detail: state, previous state, reason and the datapoints.
 */
public final class AlarmFindings {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AlarmFindings() {
    }

    /** The finding of this replay, or empty when the alarm never entered ALARM. */
    public static Optional<AlarmFinding> of(AlarmHistory history) {
        AlarmDefinition alarm = history.alarm();
        List<Evidence> evidence = new ArrayList<>();
        Instant firstSeen = null;
        Instant lastSeen = null;
        long episodes = 0;
        AlarmFinding.Status status = AlarmFinding.Status.OPEN;
        Instant statusTime = null;
        for (AlarmTransition t : history.transitions()) {
            boolean enters = t.to() == AlarmState.ALARM;
            boolean leaves = t.from() == AlarmState.ALARM;
            if (!enters && !leaves && status == AlarmFinding.Status.RESOLVED) {
                continue;
            }
            if (enters) {
                episodes++;
                firstSeen = firstSeen == null ? t.time() : firstSeen;
                status = AlarmFinding.Status.OPEN;
                statusTime = t.time();
            }
            if (firstSeen == null) {
                continue;
            }
            lastSeen = t.time();
            if (t.to() == AlarmState.OK) {
                status = AlarmFinding.Status.RESOLVED;
                statusTime = t.time();
            }
            if (evidence.size() < Finding.MAX_EVIDENCE) {
                evidence.add(new Evidence(alarm.name() + "@" + t.time(), t.time(), "cloudwatch-alarm " + alarm.name(),
                        stateChange(alarm, t)));
            }
        }
        if (episodes == 0) {
            return Optional.empty();
        }
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("alarm", alarm.name());
        keys.put("metric", alarm.metric().toString());
        String ruleId = "cloudwatch-alarm:" + alarm.name();
        DetectionInfo rule = new DetectionInfo(ruleId, "CloudWatch alarm " + alarm.name() + " in ALARM",
                description(alarm), alarm.severity(), List.of(), List.of("Software and Configuration Checks/AWS Security Best Practices/CloudWatch Alarm"));
        Finding f = new Finding(Finding.idFor(ruleId, keys), rule, keys, "", "", "", alarm.metric().toString(),
                firstSeen, lastSeen, episodes, evidence);
        return Optional.of(new AlarmFinding(f, status, statusTime));
    }

    private static String description(AlarmDefinition alarm) {
        String what = alarm.isAnomaly()
                ? alarm.statistic().awsName() + " of " + alarm.metric() + " went " + alarm.comparison().phrase()
                + " (" + alarm.band().stdDevs() + " standard deviations around the expected value)"
                : alarm.statistic().awsName() + " of " + alarm.metric() + " was " + alarm.comparison().phrase() + " "
                + alarm.threshold();
        String base = what + " in " + alarm.datapointsToAlarm() + " of " + alarm.evaluationPeriods() + " periods of "
                + alarm.periodSeconds() + " s.";
        return alarm.description().isEmpty() ? base : alarm.description() + " " + base;
    }

    /** EventBridge's "CloudWatch Alarm State Change" detail, so existing tooling can read the evidence. */
    static String stateChange(AlarmDefinition alarm, AlarmTransition t) {
        ObjectNode detail = NODES.objectNode();
        detail.put("alarmName", alarm.name());
        ObjectNode state = detail.putObject("state");
        state.put("value", t.to().name());
        state.put("reason", t.reason());
        ObjectNode data = NODES.objectNode();
        data.put("version", "1.0");
        data.put("statistic", alarm.statistic().awsName());
        data.put("period", alarm.periodSeconds());
        ArrayNode points = data.putArray("recentDatapoints");
        ArrayNode times = data.putArray("evaluatedDatapoints");
        for (AlarmTransition.ReasonDatapoint p : t.datapoints()) {
            points.add(p.value());
            times.addObject().put("timestamp", p.timestamp().toString()).put("value", p.value());
        }
        if (alarm.threshold() != null) {
            data.put("threshold", alarm.threshold());
        }
        state.put("reasonData", data.toString());
        state.put("timestamp", t.time().toString());
        detail.putObject("previousState").put("value", t.from().name());
        ObjectNode metric = detail.putObject("configuration").putArray("metrics").addObject()
                .put("id", "m1").putObject("metricStat");
        ObjectNode m = metric.putObject("metric");
        m.put("namespace", alarm.metric().namespace());
        m.put("name", alarm.metric().name());
        ObjectNode dims = m.putObject("dimensions");
        alarm.metric().dimensions().forEach(dims::put);
        metric.put("period", alarm.periodSeconds());
        metric.put("stat", alarm.statistic().awsName());
        try {
            return JSON.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
