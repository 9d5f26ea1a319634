package dev.vigil.metrics.alarm;

import dev.vigil.metrics.Datapoint;
import dev.vigil.metrics.MetricKey;
import dev.vigil.metrics.store.MetricStore;
import dev.vigil.metrics.store.Statistic;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class AnomalyAlarmTest {

    static final MetricKey CALLS = MetricKey.of("Vigil", "ApiCalls");
    /** A Monday. */
    static final Instant START = Instant.parse("2026-03-02T00:00:00Z");

    /** Hourly API calls: 20 at night, 200 at the 14:00 peak on weekdays, 40 on weekends, ±10% noise. */
    static double seasonal(Instant t, Random r) {
        ZonedDateTime z = t.atZone(ZoneOffset.UTC);
        boolean weekend = z.getDayOfWeek().getValue() >= 6;
        double base = weekend ? 40 : (z.getHour() == 14 ? 200 : (z.getHour() >= 8 && z.getHour() < 18 ? 100 : 20));
        return base * (1 + (r.nextDouble() - 0.5) * 0.2);
    }

    static MetricStore threeWeeks(Instant spikeAt, double spike) {
        MetricStore s = new MetricStore();
        Random r = new Random(42);
        for (Instant t = START; t.isBefore(START.plus(Duration.ofDays(21))); t = t.plus(Duration.ofHours(1))) {
            double v = t.equals(spikeAt) ? spike : seasonal(t, r);
            s.add(new Datapoint(CALLS, t.toEpochMilli(), v, "Count"));
        }
        return s;
    }

    static AlarmDefinition alarm(ComparisonOperator op) {
        return AlarmDefinition.anomaly("calls-anomaly", CALLS, Statistic.Basic.SUM, 3600, 1, 1, 3, op,
                TreatMissingData.MISSING);
    }

    @Test
    void aSpikeAtNightIsFlaggedButTheDailyPeakIsNot() {
        Instant spike = START.plus(Duration.ofDays(16)).plus(Duration.ofHours(3));   // Wednesday 03:00, week 3
        AlarmHistory h = new AlarmEvaluator().evaluate(alarm(ComparisonOperator.GREATER_THAN_UPPER_THRESHOLD),
                threeWeeks(spike, 200), START.plus(Duration.ofDays(14)), START.plus(Duration.ofDays(21)));
        assertThat(h.transitions()).filteredOn(t -> t.to() == AlarmState.ALARM).hasSize(1)
                .first().satisfies(t -> {
                    assertThat(t.time()).isEqualTo(spike.plus(Duration.ofHours(1)));
                    assertThat(t.reason()).startsWith("Thresholds Crossed: 1 out of the last 1 datapoints [200.0")
                            .contains("greater than the upper band");
                });
        AlarmStep peak = h.steps().stream()
                .filter(s -> s.periodStart().equals(START.plus(Duration.ofDays(15)).plus(Duration.ofHours(14))))
                .findFirst().orElseThrow();
        assertThat(peak.value()).isGreaterThan(170);
        assertThat(peak.upper()).isGreaterThan(peak.value());
        assertThat(peak.lower()).isLessThan(peak.value());
        assertThat(peak.state()).isEqualTo(AlarmState.OK);
    }

    @Test
    void aDropIsFlaggedOnlyByOperatorsLookingBelow() {
        Instant drop = START.plus(Duration.ofDays(15)).plus(Duration.ofHours(14));  // Tuesday peak, week 3
        MetricStore s = threeWeeks(drop, 5);
        Instant from = START.plus(Duration.ofDays(14));
        Instant to = START.plus(Duration.ofDays(21));
        assertThat(new AlarmEvaluator().evaluate(alarm(ComparisonOperator.LESS_THAN_LOWER_THRESHOLD), s, from, to)
                .transitions()).anyMatch(t -> t.to() == AlarmState.ALARM);
        assertThat(new AlarmEvaluator().evaluate(
                alarm(ComparisonOperator.LESS_THAN_LOWER_OR_GREATER_THAN_UPPER_THRESHOLD), s, from, to)
                .transitions()).anyMatch(t -> t.to() == AlarmState.ALARM);
        assertThat(new AlarmEvaluator().evaluate(alarm(ComparisonOperator.GREATER_THAN_UPPER_THRESHOLD), s, from, to)
                .transitions()).noneMatch(t -> t.to() == AlarmState.ALARM);
    }

    @Test
    void staysInsufficientDataWhileTheModelTrains() {
        AlarmHistory h = new AlarmEvaluator().evaluate(alarm(ComparisonOperator.GREATER_THAN_UPPER_THRESHOLD),
                threeWeeks(null, 0), START, START.plus(Duration.ofDays(3)));
        // 24 periods of history in total, then each hour of the day needs 3 values: from day 4 on.
        assertThat(h.steps().subList(0, 24)).allMatch(s -> s.state() == AlarmState.INSUFFICIENT_DATA && s.upper() == null);
        assertThat(h.transitions()).isEmpty();
        assertThat(h.finalState()).isEqualTo(AlarmState.INSUFFICIENT_DATA);
        AlarmHistory later = new AlarmEvaluator().evaluate(alarm(ComparisonOperator.GREATER_THAN_UPPER_THRESHOLD),
                threeWeeks(null, 0), START, START.plus(Duration.ofDays(5)));
        assertThat(later.transitions()).first().satisfies(t -> assertThat(t.to()).isEqualTo(AlarmState.OK));
        // A metric that appears in a new hour of the day has no band there yet: back to INSUFFICIENT_DATA.
        MetricStore shifted = new MetricStore();
        for (int d = 0; d < 5; d++) {
            for (int hour = 0; hour < 12; hour++) {
                shifted.add(new Datapoint(CALLS,
                        START.plus(Duration.ofDays(d)).plus(Duration.ofHours(hour)).toEpochMilli(), 10, "Count"));
            }
        }
        AlarmHistory gap = new AlarmEvaluator().evaluate(alarm(ComparisonOperator.GREATER_THAN_UPPER_THRESHOLD),
                shifted, START.plus(Duration.ofDays(4)), START.plus(Duration.ofDays(5)));
        assertThat(gap.transitions()).extracting(AlarmTransition::to)
                .containsSubsequence(AlarmState.OK, AlarmState.INSUFFICIENT_DATA);
        assertThat(gap.transitions()).filteredOn(t -> t.to() == AlarmState.INSUFFICIENT_DATA).first()
                .satisfies(t -> assertThat(t.reason()).startsWith(
                        "Insufficient Data: the anomaly detection model is still training (trained on 60 periods"));
    }

    @Test
    void bandNeverGoesBelowZeroForNonNegativeMetrics() {
        AnomalyModel m = new AnomalyModel(AnomalyModel.Options.DEFAULT);
        Random r = new Random(1);
        Instant t = START;
        for (int i = 0; i < 24 * 14; i++, t = t.plus(Duration.ofHours(1))) {
            m.train(t, r.nextInt(3));
        }
        AnomalyModel.Band b = m.band(t, 5);
        assertThat(b.lower()).isZero();
        assertThat(b.upper()).isGreaterThan(b.expected());
        m.train(t, -1);
        assertThat(m.band(t.plus(Duration.ofHours(1)), 5).lower()).isLessThan(0);
    }

    @Test
    void missingPeriodsCanTrainAsZeroForSparseCounts() {
        MetricStore sparse = new MetricStore();
        Instant spike = START.plus(Duration.ofDays(16)).plus(Duration.ofHours(3));
        sparse.add(new Datapoint(CALLS, spike.toEpochMilli(), 4, "Count"));
        AlarmDefinition zeros = new AlarmDefinition("sparse", "", CALLS, Statistic.Basic.SUM, null, 3600, 1, 1, null,
                ComparisonOperator.GREATER_THAN_UPPER_THRESHOLD, TreatMissingData.NOT_BREACHING, true,
                new AnomalyBandSpec("m1", "ad1", 3, true), true, java.util.List.of(), java.util.List.of(),
                java.util.List.of(), null);
        AlarmHistory h = new AlarmEvaluator().evaluate(zeros, sparse, START.plus(Duration.ofDays(14)),
                START.plus(Duration.ofDays(17)));
        assertThat(h.transitions()).extracting(AlarmTransition::to)
                .containsExactly(AlarmState.OK, AlarmState.ALARM, AlarmState.OK);
    }

    /** A scan of one day of logs: the weeks before the logs began are unknown, not weeks of zeros. */
    @Test
    void noTrainingBeforeTheLogsBeginEvenWithTrainMissingAsZero() {
        MetricStore s = new MetricStore();
        Instant day = START.plus(Duration.ofDays(20));
        for (int h = 0; h < 24; h += 3) {
            s.add(new Datapoint(CALLS, day.plus(Duration.ofHours(h)).toEpochMilli(), 5, "Count"));
        }
        AlarmDefinition zeros = new AlarmDefinition("a", "", CALLS, Statistic.Basic.SUM, null, 3600, 1, 1, null,
                ComparisonOperator.GREATER_THAN_UPPER_THRESHOLD, TreatMissingData.NOT_BREACHING, true,
                new AnomalyBandSpec("m1", "ad1", 2, true), true, java.util.List.of(), java.util.List.of(),
                java.util.List.of(), null);
        Instant to = day.plus(Duration.ofDays(1));
        assertThat(new AlarmEvaluator().evaluate(zeros, s, day, to).transitions())
                .as("two weeks of assumed zeros make the first value an anomaly")
                .anyMatch(t -> t.to() == AlarmState.ALARM);
        AlarmHistory covered = new AlarmEvaluator().evaluate(zeros, s, day, to, day);
        assertThat(covered.transitions()).noneMatch(t -> t.to() == AlarmState.ALARM);
        assertThat(covered.finalState()).isEqualTo(AlarmState.INSUFFICIENT_DATA);
    }
}
