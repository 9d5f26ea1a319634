package dev.vigil.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects the records of one scenario as its script produces them, step by step, and summarises them into
 * a {@link Scenario}.
 */
final class ScenarioRecorder {

    private final String id;
    private final Map<String, String> stepDescriptions = new LinkedHashMap<>();
    private final Map<String, Long> stepCounts = new LinkedHashMap<>();
    private final List<LabelledRecord> records = new ArrayList<>();
    private final Set<String> principals = new LinkedHashSet<>();
    private final Set<String> sourceIps = new LinkedHashSet<>();

    ScenarioRecorder(String id) {
        this.id = id;
    }

    /** Declares a step; steps are reported in declaration order. */
    void step(String name, String description) {
        stepDescriptions.put(name, description);
        stepCounts.put(name, 0L);
    }

    void add(String step, TrailRecord record) {
        if (!stepDescriptions.containsKey(step)) {
            throw new IllegalStateException("undeclared step " + step + " in scenario " + id);
        }
        if (!records.isEmpty() && record.timeMillis() < records.get(records.size() - 1).record().timeMillis()) {
            throw new IllegalStateException("scenario " + id + " went back in time at step " + step);
        }
        records.add(new LabelledRecord(record, id, step));
        stepCounts.merge(step, 1L, Long::sum);
        sourceIps.add(record.sourceIp());
    }

    void principal(String arn) {
        principals.add(arn);
    }

    List<LabelledRecord> records() {
        return List.copyOf(records);
    }

    Scenario summary(String title, String description, boolean malicious, String account) {
        if (records.isEmpty()) {
            throw new IllegalStateException("scenario " + id + " produced no records");
        }
        List<Scenario.Step> steps = new ArrayList<>();
        stepDescriptions.forEach((name, text) -> steps.add(new Scenario.Step(name, text, stepCounts.get(name))));
        return new Scenario(id, title, description, malicious, account, List.copyOf(principals),
                List.copyOf(sourceIps), Instant.ofEpochMilli(records.get(0).record().timeMillis() / 1000 * 1000),
                Instant.ofEpochMilli(records.get(records.size() - 1).record().timeMillis() / 1000 * 1000), steps);
    }
}
