package dev.vigil.engine;

import dev.vigil.engine.testing.Detections;
import dev.vigil.engine.testing.MapEvent;
import dev.vigil.engine.testing.Rules;
import dev.vigil.model.Evidence;
import dev.vigil.model.Finding;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Correlations on event time: window bounds, arrival order, lateness, distinct values and the state bound. */
class CorrelationTest {

    private static final String BASE = """
            title: Fail
            name: fail
            logsource: {product: aws}
            detection: {s: {eventName: Fail}, condition: s}
            ---
            """;
    private static final DetectionSet COUNT = Rules.compile(BASE + """
            title: Three failures
            name: three
            correlation: {type: event_count, rules: [fail], group-by: [user], timespan: 5m, condition: {gte: 3}}
            """);
    private static final DetectionSet DISTINCT = Rules.compile(BASE + """
            title: Three targets
            name: targets
            correlation: {type: value_count, rules: [fail], group-by: [user], timespan: 5m,
                          condition: {field: target, gte: 3}}
            """);

    private static final long MINUTE = 60_000;
    private static final long T0 = 1_714_557_600_000L;
    private static int ids;

    private static MapEvent fail(long at, String user) {
        return fail(at, user, "t");
    }

    private static MapEvent fail(long at, String user, String target) {
        String id = "e%05d".formatted(ids++);
        return new MapEvent(Map.of("eventName", "Fail", "user", user, "target", target), "{}", id, at);
    }

    private static List<Finding> run(DetectionSet set, AggregatorOptions options, List<MapEvent> events) {
        FindingAggregator a = new FindingAggregator(set, options);
        Detections.hits(set, events).forEach(a::accept);
        return a.findings();
    }

    private static List<Finding> run(DetectionSet set, List<MapEvent> events) {
        return run(set, AggregatorOptions.defaults(), events);
    }

    @Test
    void aWindowIncludesBothEnds() {
        assertThat(run(COUNT, List.of(fail(T0, "u"), fail(T0 + 150_000, "u"), fail(T0 + 5 * MINUTE, "u"))))
                .hasSize(1);
        assertThat(run(COUNT, List.of(fail(T0, "u"), fail(T0 + 150_000, "u"), fail(T0 + 5 * MINUTE + 1, "u"))))
                .isEmpty();
    }

    @Test
    void groupsCountSeparately() {
        List<Finding> findings = run(COUNT, List.of(fail(T0, "a"), fail(T0 + 1, "b"), fail(T0 + 2, "a"),
                fail(T0 + 3, "b"), fail(T0 + 4, "a")));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule().id()).isEqualTo("three");
            assertThat(f.keys()).containsExactly(Map.entry("user", "a"));
            assertThat(f.count()).isEqualTo(3);
        });
    }

    @Test
    void evidenceHoldsOnlyTheEventsOfFiringWindows() {
        List<MapEvent> events = new ArrayList<>(List.of(fail(T0 - 30 * MINUTE, "u"),
                fail(T0, "u"), fail(T0 + MINUTE, "u"), fail(T0 + 2 * MINUTE, "u"),
                fail(T0 + 60 * MINUTE, "u"),
                fail(T0 + 120 * MINUTE, "u"), fail(T0 + 121 * MINUTE, "u"), fail(T0 + 127 * MINUTE, "u")));
        Finding f = run(COUNT, events).getFirst();
        assertThat(f.count()).as("the lone events at -30m, +60m and the last straggler do not count").isEqualTo(3);
        events.add(fail(T0 + 122 * MINUTE, "u"));
        Finding two = run(COUNT, events).getFirst();
        assertThat(two.count()).as("a second burst joins the same finding").isEqualTo(6);
        assertThat(two.firstSeen().toEpochMilli()).isEqualTo(T0);
        assertThat(two.lastSeen().toEpochMilli()).isEqualTo(T0 + 122 * MINUTE);
        assertThat(two.evidence()).extracting(e -> e.time().toEpochMilli())
                .containsExactly(T0, T0 + MINUTE, T0 + 2 * MINUTE, T0 + 120 * MINUTE, T0 + 121 * MINUTE,
                        T0 + 122 * MINUTE);
    }

    @Test
    void arrivalOrderWithinTheAllowedLatenessDoesNotMatter() {
        Random random = new Random(11);
        List<MapEvent> events = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            // bursts and quiet spells over four hours, five users
            events.add(fail(T0 + (long) (random.nextDouble() * random.nextDouble() * 240 * MINUTE),
                    "u" + random.nextInt(5)));
        }
        events.sort((a, b) -> Long.compare(a.timeMillis(), b.timeMillis()));
        List<Finding> ordered = run(COUNT, events);
        assertThat(ordered).isNotEmpty();
        for (long seed = 0; seed < 5; seed++) {
            // each event is delivered up to 15 minutes after it happened, as CloudTrail does
            Random r = new Random(seed);
            Map<MapEvent, Long> delivered = new java.util.IdentityHashMap<>();
            events.forEach(e -> delivered.put(e, e.timeMillis() + r.nextLong(15 * MINUTE)));
            List<MapEvent> jittered = new ArrayList<>(events);
            jittered.sort(java.util.Comparator.comparing(delivered::get));
            assertThat(jittered).isNotEqualTo(events);
            assertThat(run(COUNT, jittered)).isEqualTo(ordered);
        }
        List<MapEvent> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, new Random(3));
        assertThat(run(COUNT, new AggregatorOptions(Duration.ofDays(1), 10_000), shuffled))
                .as("any order when the lateness covers the whole span").isEqualTo(ordered);
    }

    @Test
    void hitsLaterThanTheAllowedLatenessOfTheirGroupAreDroppedAndCounted() {
        List<MapEvent> events = List.of(fail(T0, "u"), fail(T0 + MINUTE, "u"),
                fail(T0 + 3 * 60 * MINUTE, "u"),       // moves u's clock three hours on
                fail(T0 + 2 * MINUTE, "u"));            // would complete the first burst, but is 2h58m late for u
        FindingAggregator a = new FindingAggregator(COUNT);
        Detections.hits(COUNT, events).forEach(a::accept);
        assertThat(a.findings()).isEmpty();
        assertThat(a.stats().lateHits()).isEqualTo(1);
        assertThat(a.stats().hits()).isEqualTo(4);

        List<Finding> tolerant = run(COUNT, new AggregatorOptions(Duration.ofHours(4), 10_000), events);
        assertThat(tolerant).hasSize(1);
        List<MapEvent> lateWithinLimit = List.of(fail(T0, "u"), fail(T0 + MINUTE, "u"),
                fail(T0 + 50 * MINUTE, "u"), fail(T0 + 2 * MINUTE, "u"));
        assertThat(run(COUNT, lateWithinLimit)).as("48 minutes late is within the default hour").hasSize(1);
    }

    @Test
    void anotherGroupsNewerRecordsNeverMakeAGroupLate() {
        // Files of different principals read out of time order (or by two threads): a year apart.
        List<MapEvent> events = List.of(fail(T0 + 365L * 24 * 60 * MINUTE, "other"),
                fail(T0, "u"), fail(T0 + MINUTE, "u"), fail(T0 + 2 * MINUTE, "u"));
        FindingAggregator a = new FindingAggregator(COUNT);
        Detections.hits(COUNT, events).forEach(a::accept);
        assertThat(a.findings()).singleElement().satisfies(f -> assertThat(f.keys()).containsEntry("user", "u"));
        assertThat(a.stats().lateHits()).isZero();
    }

    @Test
    void eventsWithoutTimeAreNotCorrelated() {
        MapEvent untimed = new MapEvent(Map.of("eventName", "Fail", "user", "u"), "{}", "x", Long.MIN_VALUE);
        FindingAggregator a = new FindingAggregator(COUNT);
        Detections.hits(COUNT, List.of(untimed, fail(T0, "u"), fail(T0 + 1, "u"))).forEach(a::accept);
        assertThat(a.findings()).isEmpty();
        assertThat(a.stats().untimedHits()).isEqualTo(1);
    }

    @Test
    void valueCountCountsDistinctValues() {
        assertThat(run(DISTINCT, List.of(fail(T0, "u", "a"), fail(T0 + 1, "u", "a"), fail(T0 + 2, "u", "b"),
                fail(T0 + 3, "u", "b")))).isEmpty();
        List<Finding> f = run(DISTINCT, List.of(fail(T0, "u", "a"), fail(T0 + 1, "u", "a"), fail(T0 + 2, "u", "b"),
                fail(T0 + 3, "u", "c")));
        assertThat(f).singleElement().satisfies(x -> assertThat(x.count()).isEqualTo(4));
        MapEvent noValue = new MapEvent(Map.of("eventName", "Fail", "user", "u"), "{}", "nv", T0 + 4);
        assertThat(run(DISTINCT, List.of(fail(T0, "u", "a"), fail(T0 + 1, "u", "b"), noValue)))
                .as("an absent field is not a value").isEmpty();
        assertThat(run(DISTINCT, List.of(fail(T0, "u", "a"), fail(T0 + 1, "u", "b"), fail(T0 + 6 * MINUTE, "u", "c"))))
                .as("values outside the window").isEmpty();
    }

    @Test
    void stateStaysBoundedOnALongSteadyStream() {
        FindingAggregator a = new FindingAggregator(COUNT);
        for (MapEvent e : everyTenSeconds(20_000)) {
            COUNT.evaluate(e, a::accept);
        }
        // one hour of lateness plus a five-minute window at one event per ten seconds is 390 hits; evaluation is
        // deferred until half of a group is ready, so at most about twice that is held
        assertThat(a.bufferedHits()).isLessThan(1_000);
        assertThat(a.findings()).singleElement().satisfies(f -> assertThat(f.count()).isEqualTo(20_000));
    }

    @Test
    void aGroupOverItsCapIsEvaluatedEarly() {
        FindingAggregator a = new FindingAggregator(COUNT, AggregatorOptions.defaults().withMaxHitsPerGroup(100));
        List<MapEvent> burst = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            burst.add(fail(T0 + i * 100L, "u"));
        }
        Detections.hits(COUNT, burst).forEach(a::accept);
        assertThat(a.bufferedHits()).isLessThanOrEqualTo(100);
        assertThat(a.stats().groupOverflows()).isPositive();
        Finding f = a.findings().getFirst();
        assertThat(f.count()).isEqualTo(1_000);
        assertThat(f.evidence()).extracting(Evidence::eventId).first().isEqualTo(burst.getFirst().id());
    }

    private static List<MapEvent> everyTenSeconds(int n) {
        List<MapEvent> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(fail(T0 + i * 10_000L, "u"));
        }
        return out;
    }
}
