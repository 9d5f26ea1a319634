package dev.vigil.metrics.alarm;

import dev.vigil.metrics.Datapoint;
import dev.vigil.metrics.MetricKey;
import dev.vigil.metrics.store.MetricStore;
import dev.vigil.metrics.store.Statistic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AlarmEvaluatorTest {

    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    static final MetricKey KEY = MetricKey.of("CISBenchmark", "RootAccountUsage");

    /** One datapoint per minute with the given values; "-" leaves the minute empty. */
    static MetricStore minutes(String values) {
        MetricStore s = new MetricStore();
        String[] parts = values.trim().split("\\s+");
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].equals("-")) {
                s.add(new Datapoint(KEY, T0.plusSeconds(60L * i).toEpochMilli(), Double.parseDouble(parts[i]), "Count"));
            }
        }
        return s;
    }

    static AlarmHistory run(AlarmDefinition a, String values) {
        int n = values.trim().split("\\s+").length;
        return new AlarmEvaluator().evaluate(a, minutes(values), T0, T0.plusSeconds(60L * n));
    }

    static String states(AlarmHistory h) {
        StringBuilder b = new StringBuilder();
        for (AlarmStep s : h.steps()) {
            b.append(b.isEmpty() ? "" : " ").append(switch (s.state()) {
                case OK -> "O";
                case ALARM -> "A";
                case INSUFFICIENT_DATA -> "I";
            });
        }
        return b.toString();
    }

    @ParameterizedTest(name = "{0} {1}: {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            GreaterThanOrEqualToThreshold | 5 | 4 5 6 | O A A
            GreaterThanThreshold          | 5 | 4 5 6 | O O A
            LessThanThreshold             | 5 | 4 5 6 | A O O
            LessThanOrEqualToThreshold    | 5 | 4 5 6 | A A O
            """)
    void eachStaticOperator(String op, double threshold, String values, String expected) {
        AlarmDefinition a = AlarmDefinition.threshold("a", KEY, Statistic.Basic.MAXIMUM, 60, 1, 1, threshold,
                ComparisonOperator.parse(op), TreatMissingData.MISSING);
        assertThat(states(run(a, values))).isEqualTo(expected);
    }

    @Test
    void mOfNNeedsMBreachesAmongTheLastNNotConsecutive() {
        AlarmDefinition a = AlarmDefinition.threshold("a", KEY, Statistic.Basic.SUM, 60, 3, 2, 1,
                ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, TreatMissingData.NOT_BREACHING);
        assertThat(states(run(a, "1 0 1 0 0 0 1 1"))).isEqualTo("O O A O O O O A");
    }

    @Test
    void transitionsCarryCloudWatchStyleReasonsAtPeriodEnds() {
        AlarmDefinition a = AlarmDefinition.threshold("root", KEY, Statistic.Basic.SUM, 300, 1, 1, 1,
                ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, TreatMissingData.NOT_BREACHING);
        MetricStore s = new MetricStore();
        s.add(new Datapoint(KEY, T0.plusSeconds(400).toEpochMilli(), 1, "Count"));
        s.add(new Datapoint(KEY, T0.plusSeconds(420).toEpochMilli(), 1, "Count"));
        AlarmHistory h = new AlarmEvaluator().evaluate(a, s, T0, T0.plusSeconds(1800));
        assertThat(h.transitions()).extracting(AlarmTransition::to)
                .containsExactly(AlarmState.OK, AlarmState.ALARM, AlarmState.OK);
        AlarmTransition toAlarm = h.transitions().get(1);
        assertThat(toAlarm.time()).isEqualTo(T0.plusSeconds(600));
        assertThat(toAlarm.from()).isEqualTo(AlarmState.OK);
        assertThat(toAlarm.reason()).isEqualTo("Threshold Crossed: 1 out of the last 1 datapoints [2.0 (02/03/26 10:05:00)]"
                + " was greater than or equal to the threshold (1.0) (minimum 1 datapoint for OK -> ALARM transition).");
        assertThat(toAlarm.datapoints()).containsExactly(
                new AlarmTransition.ReasonDatapoint(T0.plusSeconds(300), 2.0));
        assertThat(h.transitions().get(0).reason()).isEqualTo("Threshold Crossed: no datapoints were received for 1"
                + " period and 1 missing datapoint was treated as [NonBreaching].");
        // As CloudWatch documents, the last real datapoint keeps deciding while it is inside the evaluation range
        // (N + 2 = 3 periods): the alarm returns to OK only when the range holds no real datapoint.
        assertThat(h.transitions().get(2).time()).isEqualTo(T0.plusSeconds(1500));
        assertThat(h.transitions().get(2).reason()).contains("missing datapoint was treated as [NonBreaching]");
        assertThat(h.finalState()).isEqualTo(AlarmState.OK);
        assertThat(h.steps()).hasSize(6);
        assertThat(h.steps().get(1).value()).isEqualTo(2.0);
        assertThat(h.steps().get(1).threshold()).isEqualTo(1.0);
    }

    @Test
    void missingStartsInsufficientAndGoesBackWhenDataStops() {
        AlarmDefinition a = AlarmDefinition.threshold("a", KEY, Statistic.Basic.SUM, 60, 1, 1, 5,
                ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, TreatMissingData.MISSING);
        AlarmHistory h = run(a, "- 1 - - - - 9 - - -");
        // A real datapoint keeps deciding until it leaves the N+2 evaluation range.
        assertThat(states(h)).isEqualTo("I O O O I I A A A I");
        assertThat(h.transitions().get(1).reason()).isEqualTo("Insufficient Data: 3 datapoints were unknown.");
    }

    @Test
    void ignoreKeepsTheStateWhenNoDataArrives() {
        AlarmDefinition a = AlarmDefinition.threshold("a", KEY, Statistic.Basic.SUM, 60, 1, 1, 5,
                ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, TreatMissingData.IGNORE);
        assertThat(states(run(a, "- 9 - - - - 1 - - -"))).isEqualTo("I A A A A A O O O O");
    }

    @Test
    void breachingTurnsSilenceIntoAnAlarm() {
        AlarmDefinition a = AlarmDefinition.threshold("heartbeat", KEY, Statistic.Basic.SAMPLE_COUNT, 60, 2, 2, 1,
                ComparisonOperator.LESS_THAN_THRESHOLD, TreatMissingData.BREACHING);
        // Real datapoints from farther back in the range (N + 2 = 4) are used before any fill: silence must last
        // long enough for fills to be needed.
        assertThat(states(run(a, "1 1 - - - - 1 1"))).isEqualTo("O O O O O A O O");
    }

    @Test
    void lowSamplePercentilesCanBeIgnored() {
        AlarmDefinition evaluate = AlarmDefinition.threshold("p", KEY, new Statistic.Percentile(99), 60, 1, 1, 5,
                ComparisonOperator.GREATER_THAN_THRESHOLD, TreatMissingData.MISSING);
        AlarmDefinition ignore = new AlarmDefinition("p", "", KEY, new Statistic.Percentile(99), null, 60, 1, 1, 5.0,
                ComparisonOperator.GREATER_THAN_THRESHOLD, TreatMissingData.MISSING, false, null, true, List.of(),
                List.of(), List.of(), null);
        assertThat(states(run(evaluate, "9"))).isEqualTo("A");
        // p99 needs 10/(1-0.99) = 1000 samples to be significant: one sample leaves the state alone.
        assertThat(states(run(ignore, "9"))).isEqualTo("I");
    }

    @Test
    void periodsLongerThanAMinuteAggregateTheirMinutes() {
        AlarmDefinition a = AlarmDefinition.threshold("a", KEY, Statistic.Basic.SUM, 300, 1, 1, 3,
                ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, TreatMissingData.NOT_BREACHING);
        AlarmHistory h = run(a, "1 1 - - - 1 - 1 - 1");
        assertThat(h.steps()).extracting(AlarmStep::value).containsExactly(2.0, 3.0);
        assertThat(states(h)).isEqualTo("O A");
    }
}
