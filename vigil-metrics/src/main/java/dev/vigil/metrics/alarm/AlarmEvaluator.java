package dev.vigil.metrics.alarm;

import dev.vigil.metrics.store.MetricSelector;
import dev.vigil.metrics.store.MetricStore;
import dev.vigil.metrics.store.SeriesPoint;
import dev.vigil.metrics.store.Statistic;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays an alarm over event time, period by period, as CloudWatch would have evaluated it. No wall clock: the
 * range is given, and the clock is the event time of the metric.
 *
 * <p>The alarm is evaluated when each period of the range closes, over an <em>evaluation range</em> of N + 2
 * periods ending with it (CloudWatch fetches "more datapoints than EvaluationPeriods" without documenting how
 * many; its documented tables use 5 for N = 3). The state starts as INSUFFICIENT_DATA, as a new alarm's does.
 * CloudWatch itself evaluates every minute; for periods longer than a minute Vigil's transitions therefore fall
 * on period ends, where CloudWatch's may fall up to a period earlier for a period still filling.
 */
public final class AlarmEvaluator {

    /** Periods fetched beyond EvaluationPeriods. */
    static final int EXTRA_PERIODS = 2;
    /** History an anomaly model trains on before the range starts; CloudWatch uses up to two weeks. */
    static final Duration ANOMALY_TRAINING = Duration.ofDays(14);

    private final AnomalyModel.Options anomalyOptions;

    public AlarmEvaluator() {
        this(AnomalyModel.Options.DEFAULT);
    }

    AlarmEvaluator(AnomalyModel.Options anomalyOptions) {
        this.anomalyOptions = anomalyOptions;
    }

    /** Replays {@code alarm} over the periods starting in [from, to), reading its metric from {@code store}. */
    public AlarmHistory evaluate(AlarmDefinition alarm, MetricStore store, Instant from, Instant to) {
        return evaluate(alarm, store, from, to, null);
    }

    /**
     * Like {@link #evaluate(AlarmDefinition, MetricStore, Instant, Instant)}, for a store that holds nothing
     * before {@code coverageStart} because no log before it was read (a scan of files). An anomaly model then
     * trains only from that period on: with {@code TrainMissingAsZero}, the weeks before the logs begin would
     * otherwise count as weeks of zeros and the first ordinary value would look like an anomaly.
     *
     * @param coverageStart first instant the logs cover, or null when the store's history is complete
     */
    public AlarmHistory evaluate(AlarmDefinition alarm, MetricStore store, Instant from, Instant to,
                                 Instant coverageStart) {
        Duration period = Duration.ofSeconds(alarm.periodSeconds());
        long p = period.toMillis();
        long first = Math.floorDiv(from.toEpochMilli(), p) * p;
        int rangeLength = alarm.evaluationPeriods() + EXTRA_PERIODS;
        long historyStart = alarm.isAnomaly()
                ? first - Math.floorDiv(ANOMALY_TRAINING.toMillis(), p) * p
                : first - (rangeLength - 1) * p;
        if (alarm.isAnomaly() && coverageStart != null) {
            historyStart = Math.max(historyStart, Math.floorDiv(coverageStart.toEpochMilli(), p) * p);
        }
        List<SeriesPoint> series = store.statistics(MetricSelector.exactly(alarm.metric()),
                Instant.ofEpochMilli(historyStart), to, period, alarm.statistic());
        Map<Long, SeriesPoint> byStart = new HashMap<>();
        for (SeriesPoint s : series) {
            byStart.put(s.periodStart().toEpochMilli(), s);
        }
        Map<Long, AnomalyModel.Band> bands = new HashMap<>();
        Map<Long, Long> untrained = new HashMap<>();
        if (alarm.isAnomaly()) {
            train(alarm, byStart, historyStart, to, p, bands, untrained);
        }

        List<AlarmStep> steps = new ArrayList<>();
        List<AlarmTransition> transitions = new ArrayList<>();
        AlarmState state = AlarmState.INSUFFICIENT_DATA;
        for (long start = first; start < to.toEpochMilli(); start += p) {
            Slot[] range = new Slot[rangeLength];
            double[] values = new double[rangeLength];
            Instant[] starts = new Instant[rangeLength];
            for (int i = 0; i < rangeLength; i++) {
                long s = start - (long) (rangeLength - 1 - i) * p;
                starts[i] = Instant.ofEpochMilli(s);
                SeriesPoint point = byStart.get(s);
                values[i] = point == null ? Double.NaN : point.value();
                range[i] = classify(alarm, point, bands.get(s));
            }
            SeriesPoint newest = byStart.get(start);
            AnomalyModel.Band band = bands.get(start);
            AlarmState next;
            String reason;
            List<AlarmTransition.ReasonDatapoint> evidence = List.of();
            if (alarm.isAnomaly() && band == null) {
                next = AlarmState.INSUFFICIENT_DATA;
                reason = "Insufficient Data: the anomaly detection model is still training (trained on "
                        + untrained.get(start) + " periods; it needs at least "
                        + anomalyOptions.minTrainingDatapoints() + ", and " + anomalyOptions.minHourOfDaySamples()
                        + " for the hour of the day evaluated).";
            } else if (lowSampleIgnored(alarm, newest)) {
                next = state;
                reason = "";
            } else {
                WindowDecision d = WindowDecision.decide(range, alarm.evaluationPeriods(), alarm.datapointsToAlarm(),
                        alarm.treatMissingData());
                next = d.state() == null ? state : d.state();
                evidence = StateReason.datapoints(d, values, starts);
                reason = d.state() == null ? "" : StateReason.of(alarm, d, state, values, starts, bands,
                        rangeLength);
            }
            if (next != state) {
                transitions.add(new AlarmTransition(Instant.ofEpochMilli(start + p), state, next, reason, evidence));
                state = next;
            }
            steps.add(new AlarmStep(Instant.ofEpochMilli(start), newest == null ? null : newest.value(),
                    alarm.threshold(), band == null ? null : band.expected(), band == null ? null : band.lower(),
                    band == null ? null : band.upper(), state));
        }
        return new AlarmHistory(alarm, steps, transitions, state);
    }

    /** Runs the model through the history: the band of each period from the periods before it only. */
    private void train(AlarmDefinition alarm, Map<Long, SeriesPoint> byStart, long historyStart, Instant to, long p,
                       Map<Long, AnomalyModel.Band> bands, Map<Long, Long> untrained) {
        AnomalyModel model = new AnomalyModel(anomalyOptions);
        for (long s = historyStart; s < to.toEpochMilli(); s += p) {
            Instant start = Instant.ofEpochMilli(s);
            AnomalyModel.Band b = model.band(start, alarm.band().stdDevs());
            if (b != null) {
                bands.put(s, b);
            } else {
                untrained.put(s, model.trained());
            }
            SeriesPoint point = byStart.get(s);
            if (point != null) {
                model.train(start, point.value());
            } else if (alarm.band().trainMissingAsZero()) {
                model.train(start, 0);
            }
        }
    }

    private static Slot classify(AlarmDefinition alarm, SeriesPoint point, AnomalyModel.Band band) {
        if (point == null || !Double.isFinite(point.value())) {
            return Slot.MISSING;
        }
        if (alarm.isAnomaly()) {
            if (band == null) {
                return Slot.MISSING;
            }
            return alarm.comparison().breaches(point.value(), band.lower(), band.upper())
                    ? Slot.BREACHING : Slot.NOT_BREACHING;
        }
        return alarm.comparison().breaches(point.value(), alarm.threshold()) ? Slot.BREACHING : Slot.NOT_BREACHING;
    }

    /**
     * {@code EvaluateLowSampleCountPercentile = ignore}: a percentile over too few samples to be significant
     * (fewer than 10/(1−p) for p ≥ 0.5, 10/p below) does not change the state.
     */
    static boolean lowSampleIgnored(AlarmDefinition alarm, SeriesPoint newest) {
        if (alarm.evaluateLowSampleCountPercentiles() || newest == null
                || !(alarm.statistic() instanceof Statistic.Percentile(double percent))) {
            return false;
        }
        double q = percent / 100;
        if (q <= 0 || q >= 1) {
            return false;
        }
        double needed = q >= 0.5 ? 10 / (1 - q) : 10 / q;
        return newest.sampleCount() < needed;
    }
}
