package dev.vigil.metrics.alarm;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Vigil's anomaly-detection model: an expected value and spread per <em>hour of the week</em> (168 slots,
 * UTC), falling back to the <em>hour of the day</em> (24 slots) until a weekly slot has seen enough periods.
 * Each slot keeps an exponentially weighted mean and variance; the weight of a new value is
 * max(α, 1/n) for the slot's n-th value, so the first values give the plain mean and variance and later ones
 * let old behaviour fade. The band is expected ± k·σ, with σ at least {@link Options#relativeStdFloor} of the
 * expected value (a perfectly flat history would otherwise flag any wiggle), and clamped at 0 from below while
 * every value seen was non-negative (CloudWatch's band for non-negative statistics never goes below 0 either).
 *
 * <p>The model is trained strictly on periods before the one it predicts: {@link #band} first, then
 * {@link #train}. Below {@link Options#minTrainingDatapoints} in total, or without a usable slot, it gives no band
 * and the alarm stays INSUFFICIENT_DATA.
 *
 * <p>CloudWatch's model is proprietary (it also models trend and lets users exclude periods and set a time
 * zone); only the comparison semantics are the same, not the band values.
 */
final class AnomalyModel {

    /**
     * @param alpha                 weight of a new value once a slot has 1/α values
     * @param minTrainingDatapoints periods trained on, in total, before any band is given
     * @param minHourOfWeekSamples  values a weekly slot needs before it is used
     * @param minHourOfDaySamples   values a daily slot needs before it is used as the fallback
     * @param relativeStdFloor      σ is at least this fraction of |expected|
     */
    record Options(double alpha, int minTrainingDatapoints, int minHourOfWeekSamples, int minHourOfDaySamples,
                   double relativeStdFloor) {
        static final Options DEFAULT = new Options(0.2, 24, 2, 3, 0.05);
    }

    /** A band for one period. */
    record Band(double expected, double lower, double upper) {
    }

    private final Options options;
    private final Slot[] week = new Slot[168];
    private final Slot[] day = new Slot[24];
    private long trained;
    private boolean allNonNegative = true;

    AnomalyModel(Options options) {
        this.options = options;
        for (int i = 0; i < week.length; i++) {
            week[i] = new Slot();
        }
        for (int i = 0; i < day.length; i++) {
            day[i] = new Slot();
        }
    }

    long trained() {
        return trained;
    }

    Options options() {
        return options;
    }

    /** The band for the period starting at {@code periodStart}, or null while the model is not trained enough. */
    Band band(Instant periodStart, double stdDevs) {
        if (trained < options.minTrainingDatapoints) {
            return null;
        }
        ZonedDateTime t = periodStart.atZone(ZoneOffset.UTC);
        Slot s = week[weekSlot(t)];
        if (s.n < options.minHourOfWeekSamples) {
            s = day[t.getHour()];
            if (s.n < options.minHourOfDaySamples) {
                return null;
            }
        }
        double sigma = Math.max(Math.sqrt(s.variance), options.relativeStdFloor * Math.abs(s.mean));
        double lower = s.mean - stdDevs * sigma;
        if (allNonNegative) {
            lower = Math.max(0, lower);
        }
        return new Band(s.mean, lower, s.mean + stdDevs * sigma);
    }

    void train(Instant periodStart, double value) {
        if (!Double.isFinite(value)) {
            return;
        }
        ZonedDateTime t = periodStart.atZone(ZoneOffset.UTC);
        week[weekSlot(t)].add(value, options.alpha);
        day[t.getHour()].add(value, options.alpha);
        trained++;
        allNonNegative &= value >= 0;
    }

    private static int weekSlot(ZonedDateTime t) {
        return (t.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue()) * 24 + t.getHour();
    }

    private static final class Slot {
        long n;
        double mean;
        double variance;

        void add(double x, double alpha) {
            n++;
            double a = Math.max(alpha, 1.0 / n);
            double d = x - mean;
            mean += a * d;
            variance = (1 - a) * (variance + a * d * d);
        }
    }
}
