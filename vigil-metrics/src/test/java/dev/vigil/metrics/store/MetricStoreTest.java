package dev.vigil.metrics.store;

import dev.vigil.metrics.Datapoint;
import dev.vigil.metrics.MetricKey;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetricStoreTest {

    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    static final MetricKey FAILURES = MetricKey.of("CISBenchmark", "ConsoleSignInFailures");

    static Datapoint at(MetricKey key, String offset, double value) {
        return new Datapoint(key, T0.plus(Duration.parse("PT" + offset)).toEpochMilli(), value, "Count");
    }

    @Test
    void computesTheFiveStatisticsPerPeriodInAnyArrivalOrder() {
        MetricStore store = new MetricStore();
        store.add(at(FAILURES, "4M59S", 4));
        store.add(at(FAILURES, "0S", 1));
        store.add(at(FAILURES, "1M", 2));
        store.add(at(FAILURES, "5M", 10));
        MetricSelector sel = MetricSelector.exactly(FAILURES);
        Instant to = T0.plus(Duration.ofHours(1));
        assertThat(values(store.statistics(sel, T0, to, Duration.ofMinutes(5), Statistic.Basic.SUM)))
                .containsExactly(7.0, 10.0);
        assertThat(values(store.statistics(sel, T0, to, Duration.ofMinutes(5), Statistic.Basic.SAMPLE_COUNT)))
                .containsExactly(3.0, 1.0);
        assertThat(values(store.statistics(sel, T0, to, Duration.ofMinutes(5), Statistic.Basic.AVERAGE)))
                .containsExactly(7.0 / 3, 10.0);
        assertThat(values(store.statistics(sel, T0, to, Duration.ofMinutes(5), Statistic.Basic.MINIMUM)))
                .containsExactly(1.0, 10.0);
        assertThat(values(store.statistics(sel, T0, to, Duration.ofMinutes(5), Statistic.Basic.MAXIMUM)))
                .containsExactly(4.0, 10.0);
        List<SeriesPoint> oneMinute = store.statistics(sel, T0, to, Duration.ofMinutes(1), Statistic.Basic.SUM);
        assertThat(oneMinute).extracting(SeriesPoint::periodStart)
                .containsExactly(T0, T0.plusSeconds(60), T0.plusSeconds(240), T0.plusSeconds(300));
    }

    @Test
    void periodsAlignToTheEpochAndTheRangeCutsByMinute() {
        MetricStore store = new MetricStore();
        for (int m = 0; m < 20; m++) {
            store.add(at(FAILURES, m + "M", 1));
        }
        List<SeriesPoint> s = store.statistics(MetricSelector.exactly(FAILURES), T0.plusSeconds(180),
                T0.plusSeconds(720), Duration.ofMinutes(5), Statistic.Basic.SUM);
        assertThat(s).extracting(SeriesPoint::periodStart).containsExactly(T0, T0.plusSeconds(300), T0.plusSeconds(600));
        assertThat(values(s)).containsExactly(2.0, 5.0, 2.0);
    }

    @Test
    void aSelectorWithFiltersAddsUpMatchingMetricsWhileExactOnlyReadsOne() {
        MetricStore store = new MetricStore();
        MetricKey alice = MetricKey.of("Vigil", "ApiCalls", Map.of("principal", "alice", "region", "eu-west-1"));
        MetricKey bob = MetricKey.of("Vigil", "ApiCalls", Map.of("principal", "bob", "region", "eu-west-1"));
        MetricKey none = MetricKey.of("Vigil", "ApiCalls");
        store.add(at(alice, "0S", 3));
        store.add(at(bob, "0S", 4));
        store.add(at(none, "0S", 100));
        Instant to = T0.plusSeconds(60);
        assertThat(values(store.statistics(MetricSelector.matching("Vigil", "ApiCalls", Map.of("region", "eu-west-1")),
                T0, to, Duration.ofMinutes(1), Statistic.Basic.SUM))).containsExactly(7.0);
        assertThat(values(store.statistics(MetricSelector.matching("Vigil", "ApiCalls", Map.of("principal", "*")),
                T0, to, Duration.ofMinutes(1), Statistic.Basic.SUM))).containsExactly(7.0);
        assertThat(values(store.statistics(MetricSelector.matching("Vigil", "ApiCalls", Map.of()),
                T0, to, Duration.ofMinutes(1), Statistic.Basic.SUM))).containsExactly(107.0);
        assertThat(values(store.statistics(MetricSelector.exactly(none),
                T0, to, Duration.ofMinutes(1), Statistic.Basic.SUM))).containsExactly(100.0);
        assertThat(store.metrics(MetricSelector.matching("Vigil", "ApiCalls", Map.of("principal", "bob"))))
                .containsExactly(bob);
    }

    @Test
    void refusesNonFiniteValuesAndMetricsBeyondTheCap() {
        MetricStore store = new MetricStore(2);
        assertThat(store.add(at(FAILURES, "0S", Double.NaN))).isFalse();
        assertThat(store.add(at(FAILURES, "0S", Double.POSITIVE_INFINITY))).isFalse();
        for (int i = 0; i < 5; i++) {
            store.add(at(MetricKey.of("NS", "M", Map.of("user", "u" + i)), "0S", 1));
        }
        assertThat(store.metrics()).hasSize(2);
        assertThat(store.rejected()).isEqualTo(5);
        // Existing metrics still take datapoints once the cap is reached.
        assertThat(store.add(at(MetricKey.of("NS", "M", Map.of("user", "u0")), "1M", 1))).isTrue();
    }

    @Test
    void refusesPeriodsThatAreNotWholeMinutes() {
        MetricStore store = new MetricStore();
        MetricSelector sel = MetricSelector.exactly(FAILURES);
        assertThatThrownBy(() -> store.statistics(sel, T0, T0, Duration.ofSeconds(90), Statistic.Basic.SUM))
                .hasMessageContaining("whole number of minutes");
        assertThatThrownBy(() -> store.statistics(sel, T0, T0, Duration.ZERO, Statistic.Basic.SUM))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.statistics(sel, T0.plusSeconds(60), T0, Duration.ofMinutes(1), Statistic.Basic.SUM)).isEmpty();
    }

    @Test
    void perThreadStoresMergedEqualOneSharedStore() throws Exception {
        MetricStore shared = new MetricStore();
        List<MetricStore> parts = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            MetricStore part = new MetricStore();
            parts.add(part);
            int seed = t;
            threads.add(new Thread(() -> {
                Random r = new Random(seed);
                for (int i = 0; i < 5_000; i++) {
                    Datapoint d = new Datapoint(FAILURES, T0.toEpochMilli() + r.nextInt(600_000), r.nextInt(1000), "Count");
                    part.add("file-" + seed, d);
                    shared.add("file-" + seed, d);
                }
            }));
        }
        for (Thread t : threads) {
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        MetricStore merged = new MetricStore();
        for (MetricStore p : parts) {
            merged.mergeFrom(p);
        }
        for (Statistic s : List.of(Statistic.Basic.SUM, Statistic.Basic.SAMPLE_COUNT, Statistic.Basic.MAXIMUM,
                new Statistic.Percentile(90))) {
            assertThat(merged.statistics(MetricSelector.exactly(FAILURES), T0, T0.plusSeconds(600),
                    Duration.ofMinutes(5), s))
                    .isEqualTo(shared.statistics(MetricSelector.exactly(FAILURES), T0, T0.plusSeconds(600),
                            Duration.ofMinutes(5), s));
        }
        assertThat(values(merged.statistics(MetricSelector.exactly(FAILURES), T0, T0.plusSeconds(600),
                Duration.ofMinutes(10), Statistic.Basic.SAMPLE_COUNT))).containsExactly(20_000.0);
        assertThat(merged.sources()).containsExactlyInAnyOrder("file-0", "file-1", "file-2", "file-3");
    }

    @Test
    void statisticsParseLikeCloudWatchSpellsThem() {
        assertThat(Statistic.parse("Sum")).isEqualTo(Statistic.Basic.SUM);
        assertThat(Statistic.parse("samplecount")).isEqualTo(Statistic.Basic.SAMPLE_COUNT);
        assertThat(Statistic.parse("p99")).isEqualTo(new Statistic.Percentile(99));
        assertThat(Statistic.parse("p99.9").awsName()).isEqualTo("p99.9");
        assertThat(Statistic.parse("p50").awsName()).isEqualTo("p50");
        assertThat(Statistic.parse("p100").isExtended()).isTrue();
        for (String bad : new String[]{"p101", "p", "pp9", "Median", "", "p1e2", "p-1"}) {
            assertThatThrownBy(() -> Statistic.parse(bad)).as(bad).hasMessageContaining("SampleCount");
        }
    }

    static List<Double> values(List<SeriesPoint> series) {
        return series.stream().map(SeriesPoint::value).toList();
    }
}
