package dev.vigil.metrics.store;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ValueSketchTest {

    @Test
    void smallMinutesGiveExactNearestRankPercentiles() {
        ValueSketch s = new ValueSketch();
        for (int i = 1; i <= 100; i++) {
            s.add(101 - i);
        }
        assertThat(s.isExact()).isTrue();
        assertThat(s.percentile(50, 1, 100)).isEqualTo(50);
        assertThat(s.percentile(99, 1, 100)).isEqualTo(99);
        assertThat(s.percentile(99.5, 1, 100)).isEqualTo(100);
        assertThat(s.percentile(0, 1, 100)).isEqualTo(1);
        assertThat(s.percentile(100, 1, 100)).isEqualTo(100);
    }

    @Test
    void largeMinutesStayWithinOnePercentOfTheTrueValueAtThatRank() {
        Random r = new Random(7);
        double[] values = new double[50_000];
        ValueSketch s = new ValueSketch();
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.exp(r.nextGaussian() * 2) * 100;   // log-normal, like latencies
            s.add(values[i]);
        }
        assertThat(s.isExact()).isFalse();
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        for (double p : new double[]{1, 10, 50, 90, 99, 99.9}) {
            double truth = sorted[(int) Math.ceil(p / 100 * sorted.length) - 1];
            assertThat(s.percentile(p, sorted[0], sorted[sorted.length - 1])).as("p%s", p)
                    .isCloseTo(truth, within(truth * ValueSketch.RELATIVE_ACCURACY * 1.0001));
        }
    }

    @Test
    void negativeZeroAndPositiveValuesKeepTheirOrder() {
        ValueSketch s = new ValueSketch();
        for (int i = -500; i <= 500; i++) {
            s.add(i);
        }
        assertThat(s.isExact()).isFalse();
        assertThat(s.percentile(0.01, -500, 500)).isCloseTo(-500, within(5.0));
        assertThat(s.percentile(50, -500, 500)).isEqualTo(0);
        assertThat(s.percentile(75, -500, 500)).isCloseTo(250, within(2.5));
    }

    @Test
    void mergingSketchesEqualsAddingEverythingToOne() {
        ValueSketch a = new ValueSketch();
        ValueSketch b = new ValueSketch();
        ValueSketch all = new ValueSketch();
        for (int i = 0; i < 1000; i++) {
            (i % 3 == 0 ? a : b).add(i * 1.5);
            all.add(i * 1.5);
        }
        a.merge(b);
        assertThat(a.count()).isEqualTo(1000);
        for (double p : new double[]{5, 50, 95}) {
            assertThat(a.percentile(p, 0, 1498.5)).isEqualTo(all.percentile(p, 0, 1498.5));
        }
    }

    @Test
    void hostileMagnitudesCannotGrowTheSketchBeyondItsBound() {
        ValueSketch s = new ValueSketch();
        for (int i = 0; i < 200; i++) {
            s.add(Double.MIN_NORMAL * (i + 1));
            s.add(Double.MAX_VALUE / (i + 1));
            s.add(1e-300 * Math.pow(10, i * 3));
        }
        byte[] bytes = s.toBytes();
        assertThat(bytes.length).isLessThan(2 * (ValueSketch.MAX_BUCKETS * 8 + 16) + 16);
        assertThat(s.count()).isEqualTo(600);
        assertThat(s.percentile(100, 0, Double.MAX_VALUE)).isCloseTo(Double.MAX_VALUE, within(Double.MAX_VALUE * 0.011));
    }

    @Test
    void bytesRoundTripAndDamagedBytesAreRefused() {
        ValueSketch exact = new ValueSketch();
        exact.add(3);
        exact.add(-1);
        ValueSketch back = ValueSketch.fromBytes(exact.toBytes());
        assertThat(back.count()).isEqualTo(2);
        assertThat(back.percentile(50, -1, 3)).isEqualTo(-1);
        ValueSketch big = new ValueSketch();
        for (int i = 0; i < 1000; i++) {
            big.add(i);
        }
        ValueSketch bigBack = ValueSketch.fromBytes(big.toBytes());
        assertThat(bigBack.count()).isEqualTo(1000);
        assertThat(bigBack.percentile(90, 0, 999)).isEqualTo(big.percentile(90, 0, 999));

        assertThatThrownBy(() -> ValueSketch.fromBytes(new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ValueSketch.fromBytes(new byte[]{9})).hasMessageContaining("format");
        assertThatThrownBy(() -> ValueSketch.fromBytes(new byte[]{1, 0x7f, 0, 0, 0}))
                .hasMessageContaining("at most");
        byte[] truncated = Arrays.copyOf(big.toBytes(), 20);
        assertThatThrownBy(() -> ValueSketch.fromBytes(truncated)).isInstanceOf(IllegalArgumentException.class);
    }
}
