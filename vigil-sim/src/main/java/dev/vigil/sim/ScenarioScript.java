package dev.vigil.sim;

import java.util.List;

/** A scripted activity injected into the timeline. Each script is one class; the planner places them. */
sealed interface ScenarioScript
        permits LeakedAccessKeyScenario, ConsoleBruteForceScenario, RootUsageScenario, ApprovedChangeScenario,
        PublicBucketPolicyScenario, PenTestAgentScenario, SuspiciousSourceScenario, InstanceCredentialScenario,
        AnomalousBehaviourScenario {

    String id();

    /** Where in the timeline the scenario starts, as a fraction of the span. */
    double position();

    /** An upper bound on how long the scenario lasts, so the planner can keep it inside the span. */
    long maxDurationMillis();

    Planned run(long startMillis, ScenarioKit kit);

    /** The scenario's summary and its records, in time order. */
    record Planned(Scenario scenario, List<LabelledRecord> records) {
    }
}
