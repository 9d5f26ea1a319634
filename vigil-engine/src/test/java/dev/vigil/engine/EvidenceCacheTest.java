package dev.vigil.engine;

import dev.vigil.engine.testing.Detections;
import dev.vigil.engine.testing.MapEvent;
import dev.vigil.engine.testing.Rules;
import dev.vigil.model.Evidence;
import dev.vigil.model.Finding;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Raw records of waiting correlation hits are held within a budget, and released when windows close. */
class EvidenceCacheTest {

    private static final DetectionSet COUNT = Rules.compile("""
            title: Fail
            name: fail
            logsource: {product: aws}
            detection: {s: {eventName: Fail}, condition: s}
            ---
            title: Three failures
            name: three
            correlation: {type: event_count, rules: [fail], group-by: [user], timespan: 5m, condition: {gte: 3}}
            """);
    private static final long T0 = 1_714_557_600_000L;

    private static List<MapEvent> events(int n, String user, long step) {
        List<MapEvent> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String raw = "{\"eventName\":\"Fail\",\"n\":" + i + ",\"pad\":\"" + "x".repeat(100) + "\"}";
            out.add(new MapEvent(Map.of("eventName", "Fail", "user", user), raw, user + "-" + i, T0 + i * step));
        }
        return out;
    }

    @Test
    void evidenceKeepsItsRawRecordsWithinTheBudget() {
        FindingAggregator a = new FindingAggregator(COUNT, AggregatorOptions.defaults());
        Detections.hits(COUNT, events(5, "u", 1000)).forEach(a::accept);
        Finding f = a.findings().getFirst();
        assertThat(f.count()).isEqualTo(5);
        assertThat(f.evidence()).extracting(Evidence::rawJson).allSatisfy(r -> assertThat(r).startsWith("{\"eventName\""));
        assertThat(a.stats().evidenceDropped()).isZero();
    }

    @Test
    void aSmallBudgetDropsRawTextButKeepsIdsAndCounts() {
        FindingAggregator a = new FindingAggregator(COUNT, AggregatorOptions.defaults().withEvidenceBudgetChars(500));
        Detections.hits(COUNT, events(20, "u", 1000)).forEach(a::accept);
        Finding f = a.findings().getFirst();
        assertThat(f.count()).isEqualTo(20);
        assertThat(f.evidence()).hasSize(20).extracting(Evidence::eventId).contains("u-0", "u-19");
        assertThat(f.evidence()).anySatisfy(e -> assertThat(e.rawJson()).isEmpty());
        assertThat(f.evidence()).anySatisfy(e -> assertThat(e.rawJson()).isNotEmpty());
        assertThat(a.stats().evidenceDropped()).isPositive();
    }

    @Test
    void closedWindowsReleaseTheirRecords() {
        EvidenceCache cache = new EvidenceCache(1 << 20);
        CompiledCorrelation c = COUNT.correlation("three");
        CorrelationState state = new CorrelationState(c, 10_000, Duration.ofMinutes(1).toMillis(), cache,
                (from, firing) -> { });
        // 200 hits spread over many hours, never 3 in 5 minutes: nothing fires, and closed windows free their text.
        List<RuleHit> hits = Detections.hits(COUNT, events(200, "u", 10 * 60_000));
        for (RuleHit h : hits) {
            assertThat(state.add(h)).isTrue();
        }
        assertThat(cache.heldChars()).isLessThan(200L * 130 / 10);
        state.finish();
        assertThat(cache.heldChars()).isZero();
        assertThat(cache.holders()).isEmpty();
        assertThat(state.fired()).isEmpty();
    }
}
