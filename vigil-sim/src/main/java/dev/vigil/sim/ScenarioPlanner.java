package dev.vigil.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Places the scenario scripts on the timeline at their fixed fractions (pulled earlier when the span is too
 * short to hold them) and collects their records in time order.
 */
final class ScenarioPlanner {

    /** All scenarios and their records, sorted by event time. */
    record Plan(List<Scenario> scenarios, List<LabelledRecord> records) {
    }

    private ScenarioPlanner() {
    }

    static Plan plan(Estate estate, long seed, long startMillis, long spanMillis) {
        return plan(estate, seed, startMillis, spanMillis, FleetFactory.build(estate, seed, startMillis),
                ThreatIntel.build(seed));
    }

    /**
     * @param fleet the instances (the credential scenario uses the prod web server's role and address)
     * @param intel the indicator sets (the Tor and blocklist callers come from them)
     */
    static Plan plan(Estate estate, long seed, long startMillis, long spanMillis, Fleet fleet, ThreatIntel intel) {
        ScenarioKit kit = new ScenarioKit(estate, seed);
        // attackers come from 203.0.113.0/24; the estate itself only uses the other two documentation ranges
        Set<Integer> used = new HashSet<>();
        String leakedKeyIp = attackerIp(kit, used);
        String bruteForceIp = attackerIp(kit, used);
        List<ScenarioScript> scripts = List.of(new LeakedAccessKeyScenario(leakedKeyIp),
                new ConsoleBruteForceScenario(bruteForceIp), new RootUsageScenario(), new ApprovedChangeScenario(),
                new PublicBucketPolicyScenario(), new PenTestAgentScenario(),
                new SuspiciousSourceScenario(SuspiciousSourceScenario.TOR, intel.torExits().get(0), 0.66, "backup-operator"),
                new SuspiciousSourceScenario(SuspiciousSourceScenario.MALICIOUS, intel.malicious().get(1), 0.69, "data-sync"),
                new InstanceCredentialScenario(fleet.instances().stream().filter(NetworkScenarios::credentialHost)
                        .findFirst().orElseThrow(), spanMillis),
                new AnomalousBehaviourScenario(spanMillis));
        List<Scenario> scenarios = new ArrayList<>();
        List<LabelledRecord> records = new ArrayList<>();
        for (ScenarioScript script : scripts) {
            long latest = spanMillis - script.maxDurationMillis() - 60_000L;
            if (latest < 0) {
                throw new IllegalArgumentException("span is too short for scenario " + script.id());
            }
            long offset = Math.min((long) (script.position() * spanMillis), latest) / 1000 * 1000;
            ScenarioScript.Planned planned = script.run(startMillis + offset, kit);
            scenarios.add(planned.scenario());
            records.addAll(planned.records());
        }
        records.sort(Comparator.comparingLong(r -> r.record().timeMillis())); // stable: ties keep script order
        return new Plan(List.copyOf(scenarios), List.copyOf(records));
    }

    private static String attackerIp(ScenarioKit kit, Set<Integer> used) {
        int octet;
        do {
            octet = 10 + kit.random.nextInt(240);
        } while (!used.add(octet));
        return "203.0.113." + octet;
    }
}
