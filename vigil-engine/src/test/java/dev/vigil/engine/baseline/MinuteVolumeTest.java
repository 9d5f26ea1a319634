package dev.vigil.engine.baseline;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-minute volume held in sorted arrays keeps what a tree of minutes trimmed to the earliest {@code cap} keeps:
 * the same minutes, sums and first calls, and the same "truncated" flag, for calls in time order, out of order, and
 * merged from partial states.
 */
class MinuteVolumeTest {

    /** The reference: every minute in a tree, then only the earliest cap kept. */
    static final class Model {
        final int cap;
        final TreeMap<Long, long[]> minutes = new TreeMap<>(); // calls, bytes, first call's time
        boolean truncated;

        Model(int cap) {
            this.cap = cap;
        }

        void add(long time, long bytes) {
            long[] b = minutes.computeIfAbsent(Math.floorDiv(time, MinuteVolume.MINUTE_MILLIS),
                    m -> new long[]{0, 0, Long.MAX_VALUE});
            b[0]++;
            b[1] = b[1] + bytes < 0 ? Long.MAX_VALUE : b[1] + bytes;
            b[2] = Math.min(b[2], time);
            trim();
        }

        void merge(Model o) {
            truncated |= o.truncated;
            o.minutes.forEach((m, ob) -> {
                long[] b = minutes.computeIfAbsent(m, k -> new long[]{0, 0, Long.MAX_VALUE});
                b[0] += ob[0];
                b[1] = b[1] + ob[1] < 0 ? Long.MAX_VALUE : b[1] + ob[1];
                b[2] = Math.min(b[2], ob[2]);
            });
            trim();
        }

        private void trim() {
            while (minutes.size() > cap) {
                minutes.pollLastEntry();
                truncated = true;
            }
        }
    }

    private static Sighting call(long time) {
        return new Sighting(time, "f#line " + time, "id", "", "111122223333", "s3.amazonaws.com", "GetObject", true,
                "us-east-1", "203.0.113.0/24", "aws-cli");
    }

    private static void assertSame(MinuteVolume v, Model m) {
        assertThat(v.truncated()).isEqualTo(m.truncated);
        assertThat(v.minutes().keySet()).containsExactlyElementsOf(m.minutes.keySet());
        for (Map.Entry<Long, long[]> e : m.minutes.entrySet()) {
            MinuteVolume.Bucket b = v.minutes().get(e.getKey());
            assertThat(new long[]{b.calls, b.bytesOut, b.first.time()}).as("minute %d", e.getKey())
                    .containsExactly(e.getValue());
        }
    }

    @Test
    void holdsWhatATreeTrimmedToTheEarliestMinutesHolds() {
        Random r = new Random(20261207);
        for (int round = 0; round < 300; round++) {
            int cap = 1 + r.nextInt(round % 3 == 0 ? 4 : 60);
            MinuteVolume a = new MinuteVolume(cap);
            MinuteVolume b = new MinuteVolume(cap);
            Model ma = new Model(cap);
            Model mb = new Model(cap);
            long time = r.nextInt(1_000) * MinuteVolume.MINUTE_MILLIS;
            for (int i = 0, n = r.nextInt(400); i < n; i++) {
                // mostly forward in time, in runs within a minute; sometimes back, sometimes far ahead
                int kind = r.nextInt(10);
                time += kind < 6 ? r.nextInt(5_000) : kind < 8 ? r.nextInt(200_000)
                        : kind < 9 ? -r.nextInt(5_000_000) : r.nextInt(50_000_000);
                long bytes = r.nextInt(20) == 0 ? Long.MAX_VALUE / 2 : r.nextInt(10_000);
                boolean first = r.nextBoolean();
                (first ? a : b).add(time, bytes, call(time));
                (first ? ma : mb).add(time, bytes);
            }
            assertSame(a, ma);
            assertSame(b, mb);
            a.merge(b);
            ma.merge(mb);
            assertSame(a, ma);
        }
    }

    @Test
    void theViewFollowsLaterCalls() {
        MinuteVolume v = new MinuteVolume(10);
        v.add(0, 1, call(0));
        assertThat(v.minutes()).hasSize(1);
        v.add(5 * MinuteVolume.MINUTE_MILLIS, 1, call(5 * MinuteVolume.MINUTE_MILLIS));
        v.add(2 * MinuteVolume.MINUTE_MILLIS, 1, call(2 * MinuteVolume.MINUTE_MILLIS));
        assertThat(v.minutes().keySet()).containsExactly(0L, 2L, 5L);
        v.restore(1, 7, 8);
        assertThat(v.minutes().get(1L).calls).isEqualTo(7);
    }
}
