package dev.vigil.sim;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One injected, labelled activity in the simulated logs: what happened, who did it, from where and when.
 * Every record of a scenario is listed in {@code labels.jsonl} with the scenario id and step name, so tests
 * and demos can tell detections (malicious scenarios) from expected false positives (benign ones).
 *
 * @param id          stable id, e.g. {@code leaked-access-key}
 * @param title       one-line title
 * @param description what the scenario shows and which detections should see it
 * @param malicious   false for benign-but-alerting activity such as an approved change
 * @param account     AWS account id the records belong to
 * @param principals  ARNs of the acting principals
 * @param sourceIps   source addresses the records carry
 * @param start       event time of the first record
 * @param end         event time of the last record
 * @param steps       the steps in the order they happen
 */
public record Scenario(String id, String title, String description, boolean malicious, String account,
                       List<String> principals, List<String> sourceIps, Instant start, Instant end,
                       List<Step> steps) {

    public Scenario {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(account, "account");
        principals = List.copyOf(principals);
        sourceIps = List.copyOf(sourceIps);
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        steps = List.copyOf(steps);
    }

    /** Records in the scenario, over all steps. */
    public long events() {
        return steps.stream().mapToLong(Step::events).sum();
    }

    /**
     * A step of a scenario.
     *
     * @param name        the {@code step} value of its labels, e.g. {@code stop-logging}
     * @param description what the step does
     * @param events      number of records labelled with it
     */
    public record Step(String name, String description, long events) {
        public Step {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
        }
    }
}
