package dev.vigil.engine;

import dev.vigil.engine.testing.Detections;
import dev.vigil.engine.testing.MapEvent;
import dev.vigil.engine.testing.Rules;
import dev.vigil.model.Evidence;
import dev.vigil.model.Finding;
import dev.vigil.model.Problem;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The correlation types beyond counting, field aliases, and chained correlations. */
class CorrelationTypesTest {

    private static final long MINUTE = 60_000;
    private static final long T0 = 1_714_557_600_000L;
    private static int ids;

    private static final String RULES = """
            title: Download
            name: download
            logsource: {product: aws}
            detection: {s: {eventName: GetObject}, condition: s}
            ---
            title: Failed login
            name: failed
            logsource: {product: aws}
            detection: {s: {eventName: ConsoleLogin, outcome: Failure}, condition: s}
            ---
            title: Login
            name: login
            logsource: {product: aws}
            detection: {s: {eventName: ConsoleLogin, outcome: Success}, condition: s}
            ---
            title: Key created
            name: key
            logsource: {product: aws}
            detection: {s: {eventName: CreateAccessKey}, condition: s}
            ---
            """;

    private static MapEvent event(long at, String name, Map<String, String> more) {
        Map<String, Object> f = new HashMap<>(more);
        f.put("eventName", name);
        return new MapEvent(f, "{\"n\":\"" + name + "\"}", "e%05d".formatted(ids++), at);
    }

    private static MapEvent download(long at, String user, String bytes) {
        return event(at, "GetObject", Map.of("user", user, "bytes", bytes));
    }

    private static MapEvent login(long at, String user, boolean ok) {
        return event(at, "ConsoleLogin", Map.of("user", user, "outcome", ok ? "Success" : "Failure"));
    }

    private static MapEvent key(long at, String target) {
        return event(at, "CreateAccessKey", Map.of("target", target));
    }

    private static List<Finding> run(DetectionSet set, List<MapEvent> events) {
        assertThat(set.problems()).isEmpty();
        FindingAggregator a = new FindingAggregator(set);
        Detections.hits(set, events).forEach(a::accept);
        return a.findings();
    }

    private static DetectionSet with(String correlation) {
        return Rules.compile(RULES + correlation);
    }

    private static List<String> ruleIds(List<Finding> findings) {
        return findings.stream().map(f -> f.rule().id()).sorted().toList();
    }

    @Test
    void valueSumAddsTheFieldInTheWindowAndIgnoresWhatIsNotANumber() {
        DetectionSet set = with("""
                title: Exfil volume
                name: volume
                correlation: {type: value_sum, rules: [download], group-by: [user], timespan: 10m,
                              condition: {field: bytes, gte: 1000.5}}
                """);
        assertThat(run(set, List.of(download(T0, "u", "500"), download(T0 + MINUTE, "u", "500.5"))))
                .singleElement().satisfies(f -> assertThat(f.count()).isEqualTo(2));
        assertThat(run(set, List.of(download(T0, "u", "500"), download(T0 + MINUTE, "u", "500.4")))).isEmpty();
        // outside the window, another group, hostile and non-numeric values do not add up
        assertThat(run(set, List.of(download(T0, "u", "900"), download(T0 + 11 * MINUTE, "u", "900"),
                download(T0 + MINUTE, "v", "900"), download(T0 + 2 * MINUTE, "u", "1e999999999"),
                download(T0 + 3 * MINUTE, "u", "NaN"), download(T0 + 4 * MINUTE, "u", "-")))).isEmpty();
    }

    @Test
    void valueAvgIsTheMeanOfTheNumbersInTheWindow() {
        DetectionSet set = with("""
                title: Large downloads on average
                name: avg
                correlation: {type: value_avg, rules: [download], group-by: [user], timespan: 10m,
                              condition: {field: bytes, gt: 100}}
                """);
        // each window starts at a hit: [T0, T0 + 10m] holds both values, the window of the second only itself
        assertThat(run(set, List.of(download(T0, "u", "151"), download(T0 + MINUTE, "u", "50")))).hasSize(1);
        assertThat(run(set, List.of(download(T0, "u", "150"), download(T0 + MINUTE, "u", "50")))).isEmpty();
        assertThat(run(set, List.of(download(T0, "u", "x")))).isEmpty(); // no numbers: nothing to average
    }

    @Test
    void valuePercentileUsesTheNearestRank() {
        DetectionSet set = with("""
                title: High p90
                name: p90
                correlation: {type: value_percentile, rules: [download], group-by: [user], timespan: 1h,
                              condition: {field: bytes, percentile: 90, gte: 1000}}
                """);
        List<MapEvent> one = new ArrayList<>();
        one.add(download(T0, "u", "5000"));
        for (int i = 1; i <= 9; i++) {
            one.add(download(T0 + i * MINUTE, "u", "10"));
        }
        assertThat(run(set, one)).as("p90 of ten values is the 9th smallest: 10").isEmpty();
        List<MapEvent> two = new ArrayList<>(one);
        two.add(download(T0 + 30_000, "u", "7000"));
        assertThat(run(set, two)).as("p90 of eleven is the 10th smallest (ceil 9.9): 5000").singleElement()
                .satisfies(f -> assertThat(f.count()).isEqualTo(11));
    }

    @Test
    void temporalNeedsEveryListedRuleByDefaultAndHonoursACondition() {
        DetectionSet all = with("""
                title: Login and key
                name: both
                correlation: {type: temporal, rules: [login, key, download], group-by: [user], timespan: 10m,
                              aliases: {user: {key: target}}}
                """);
        List<MapEvent> twoKinds = List.of(login(T0, "u", true), key(T0 + MINUTE, "u"));
        assertThat(run(all, twoKinds)).isEmpty();
        List<MapEvent> threeKinds = new ArrayList<>(twoKinds);
        threeKinds.add(download(T0 + 2 * MINUTE, "u", "1"));
        assertThat(run(all, threeKinds)).singleElement().satisfies(f -> {
            assertThat(f.keys()).containsExactly(Map.entry("user", "u"));
            assertThat(f.count()).isEqualTo(3);
        });
        // the order does not matter for temporal, the group does
        assertThat(run(all, List.of(download(T0, "u", "1"), key(T0 + MINUTE, "u"), login(T0 + 2 * MINUTE, "u", true))))
                .hasSize(1);
        assertThat(run(all, List.of(download(T0, "u", "1"), key(T0 + MINUTE, "v"), login(T0 + 2 * MINUTE, "u", true))))
                .isEmpty();
        DetectionSet twoOf = with("""
                title: Two of three
                name: two
                correlation: {type: temporal, rules: [login, key, download], group-by: [user], timespan: 10m,
                              condition: {gte: 2}, aliases: {user: {key: target}}}
                """);
        assertThat(run(twoOf, twoKinds)).hasSize(1);
        assertThat(run(twoOf, List.of(login(T0, "u", true), login(T0 + MINUTE, "u", true)))).isEmpty();
    }

    @Test
    void temporalOrderedNeedsTheListedOrderWithinTheTimespan() {
        DetectionSet set = with("""
                title: Login then key
                name: ordered
                correlation: {type: temporal_ordered, rules: [login, key], group-by: [user], timespan: 10m,
                              aliases: {user: {login: user, key: target}}}
                """);
        assertThat(run(set, List.of(login(T0, "u", true), key(T0 + MINUTE, "u")))).singleElement()
                .satisfies(f -> assertThat(f.evidence()).extracting(Evidence::time)
                        .containsExactly(java.time.Instant.ofEpochMilli(T0), java.time.Instant.ofEpochMilli(T0 + MINUTE)));
        assertThat(run(set, List.of(key(T0, "u"), login(T0 + MINUTE, "u", true)))).isEmpty();
        assertThat(run(set, List.of(login(T0, "u", true), key(T0 + 11 * MINUTE, "u")))).isEmpty();
        assertThat(run(set, List.of(login(T0, "u", true), key(T0, "u")))).as("equal times are in order").hasSize(1);
        // key, login, key: the second key follows the login
        assertThat(run(set, List.of(key(T0, "u"), login(T0 + MINUTE, "u", true), key(T0 + 2 * MINUTE, "u"))))
                .singleElement().satisfies(f -> assertThat(f.count()).isEqualTo(2));
    }

    @Test
    void aRecordMatchingTwoRulesCountsForBothInTemporal() {
        DetectionSet set = Rules.compile("""
                title: A
                name: a
                logsource: {product: aws}
                detection: {s: {eventName: X}, condition: s}
                ---
                title: B
                name: b
                logsource: {product: aws}
                detection: {s: {user: u}, condition: s}
                ---
                title: A and B
                name: ab
                correlation: {type: temporal, rules: [a, b], group-by: [user], timespan: 1m}
                """);
        assertThat(run(set, List.of(event(T0, "X", Map.of("user", "u"))))).singleElement()
                .satisfies(f -> assertThat(f.count()).isEqualTo(1));
    }

    private static final String CHAIN = """
            title: Many failures
            name: many-failed
            correlation: {type: event_count, rules: [failed], group-by: [user], timespan: 10m, condition: {gte: 3}}
            ---
            title: Brute force then success
            name: brute-success
            correlation: {type: temporal_ordered, rules: [many-failed, login], group-by: [user], timespan: 30m}
            """;

    private static List<MapEvent> bruteForce(String user, boolean success) {
        List<MapEvent> events = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            events.add(login(T0 + i * MINUTE, user, false));
        }
        if (success) {
            events.add(login(T0 + 8 * MINUTE, user, true));
        }
        return events;
    }

    @Test
    void aChainedCorrelationCountsTheFiringsOfAnother() {
        DetectionSet set = with(CHAIN);
        List<Finding> findings = run(set, bruteForce("u", true));
        assertThat(ruleIds(findings)).as("the counted correlation raises no finding of its own")
                .containsExactly("brute-success");
        Finding f = findings.getFirst();
        assertThat(f.keys()).containsExactly(Map.entry("user", "u"));
        assertThat(f.evidence()).extracting(Evidence::time).contains(java.time.Instant.ofEpochMilli(T0 + 8 * MINUTE));
        assertThat(run(set, bruteForce("u", false))).isEmpty();
        List<MapEvent> successFirst = new ArrayList<>(bruteForce("u", false));
        successFirst.add(login(T0 - MINUTE, "u", true));
        assertThat(run(set, successFirst)).isEmpty();
        assertThat(set.detections()).extracting(d -> d.id()).contains("brute-success")
                .doesNotContain("many-failed", "failed", "login");
    }

    @Test
    void generateKeepsTheCountedCorrelationsFindings() {
        DetectionSet set = with(CHAIN.replace("timespan: 30m}", "timespan: 30m}\ngenerate: true"));
        assertThat(ruleIds(run(set, bruteForce("u", true)))).containsExactly("brute-success", "login", "many-failed");
    }

    @Test
    void chainedResultsDoNotDependOnArrivalOrder() {
        DetectionSet set = with(CHAIN);
        List<MapEvent> events = new ArrayList<>();
        for (String user : List.of("a", "b", "c", "d")) {
            events.addAll(bruteForce(user, !user.equals("c")));
        }
        for (int i = 0; i < 200; i++) { // successes, and failures too few to make a burst (all within the lateness)
            events.add(login(T0 + i * 7_000L, "noise" + (i % 13), true));
            if (i % 5 == 0) {
                events.add(login(T0 + i * 7_000L + 1, "noise" + (i % 13), false));
            }
        }
        List<String> expected = run(set, events).stream().map(Finding::id).sorted().toList();
        assertThat(expected).hasSize(3);
        Random random = new Random(11);
        for (int round = 0; round < 20; round++) {
            List<MapEvent> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, random);
            assertThat(run(set, shuffled).stream().map(Finding::id).sorted().toList()).isEqualTo(expected);
        }
    }

    @Test
    void aFiringThatClosesLateIsStillCountedByTheChain() {
        // the burst's group goes idle after four failures, so its window closes only when the run has moved an hour
        // or more past it; meanwhile the same user keeps signing in for five hours and moves the outer group's clock
        DetectionSet set = with(CHAIN);
        List<MapEvent> events = new ArrayList<>(bruteForce("u", true));
        for (int i = 1; i <= 300; i++) {
            events.add(login(T0 + 8 * MINUTE + i * MINUTE, "u", true));
        }
        assertThat(ruleIds(run(set, events))).containsExactly("brute-success");
    }

    @Test
    void brokenChainsAreRejectedWithAReason() {
        DetectionSet cycle = DetectionSet.of(RuleLoader.loadText("chain.yml", RULES + """
                title: One
                name: one
                correlation: {type: event_count, rules: [two], group-by: [user], timespan: 1m, condition: {gte: 2}}
                ---
                title: Two
                name: two
                correlation: {type: event_count, rules: [one], group-by: [user], timespan: 1m, condition: {gte: 2}}
                """));
        assertThat(cycle.problems()).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("counts itself"));
        assertThat(cycle.isCorrelation("one")).isFalse();
        assertThat(cycle.isCorrelation("two")).isFalse();

        DetectionSet fields = DetectionSet.of(RuleLoader.loadText("chain.yml", RULES + """
                title: Inner
                name: inner
                correlation: {type: event_count, rules: [failed], group-by: [user], timespan: 1m, condition: {gte: 2}}
                ---
                title: Outer
                name: outer
                correlation: {type: event_count, rules: [inner], group-by: [sourceIPAddress], timespan: 1h,
                              condition: {gte: 2}}
                """));
        assertThat(fields.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .contains("reads 'sourceIPAddress' from the firings of correlation 'inner'"));
        assertThat(fields.isCorrelation("inner")).isTrue();
    }
}
