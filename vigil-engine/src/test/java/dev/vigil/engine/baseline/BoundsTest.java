package dev.vigil.engine.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The caps: exact values to a sketch, earliest minutes, a fixed choice of principals. */
class BoundsTest {

    @Test
    void valuesBeyondTheCapGoToASketchThatNeverCallsALearnedValueNew() {
        ValueSet set = new ValueSet(8);
        for (int i = 0; i < 100; i++) {
            set.add("v" + i, 1_000 + i, null);
        }
        assertThat(set.overflowed()).isTrue();
        assertThat(set.exact()).hasSize(8);
        for (int i = 0; i < 100; i++) {
            assertThat(set.firstSeen("v" + i)).isLessThanOrEqualTo(1_000 + i);
        }
        set.add("late", 9_000, null);
        assertThat(set.firstSeen("late")).isGreaterThanOrEqualTo(5_000); // learned before 5,000: this one is new
        assertThat(set.firstSeen("never")).isEqualTo(Long.MAX_VALUE);
        assertThat(set.distinct()).isBetween(80L, 125L);
    }

    @Test
    void theDistinctCountStaysCloseForLargeSets() {
        ValueSet set = new ValueSet(16);
        for (int i = 0; i < 20_000; i++) {
            set.add("203.0." + (i / 256) + "." + (i % 256), i, null);
        }
        assertThat(set.exact()).hasSize(16);
        assertThat(set.distinct()).isBetween(15_000L, 25_000L);
    }

    @Test
    void underTheCapEveryValueIsExact() {
        ValueSet set = new ValueSet(8);
        set.add("a", 5, null);
        set.add("a", 3, null);
        set.add("b", 4, null);
        assertThat(set.overflowed()).isFalse();
        assertThat(set.firstSeen("a")).isEqualTo(3);
        assertThat(set.exact().get("a").count).isEqualTo(2);
        assertThat(set.distinct()).isEqualTo(2);
        assertThat(set.firstSeen("c")).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void theValuesKeptExactDoNotDependOnArrivalOrSplit() {
        ValueSet one = new ValueSet(5);
        ValueSet a = new ValueSet(5);
        ValueSet b = new ValueSet(5);
        for (int i = 0; i < 40; i++) {
            one.add("v" + i, i, null);
            (i % 3 == 0 ? a : b).add("v" + (39 - i), 39 - i, null);
        }
        a.merge(b);
        assertThat(a.exact().keySet()).isEqualTo(one.exact().keySet());
        assertThat(a.sketch()).isEqualTo(one.sketch());
        assertThat(a.registers()).isEqualTo(one.registers());
    }

    @Test
    void minutesBeyondTheCapKeepTheEarliest() {
        MinuteVolume v = new MinuteVolume(3);
        for (long m = 10; m > 0; m--) {
            v.add(m * MinuteVolume.MINUTE_MILLIS, 0, null);
        }
        assertThat(v.minutes().keySet()).containsExactly(1L, 2L, 3L);
        assertThat(v.truncated()).isTrue();
    }

    @Test
    void forgedByteCountsSaturateInsteadOfWrapping() {
        MinuteVolume v = new MinuteVolume(3);
        v.add(0, Long.MAX_VALUE, null);
        v.add(1, Long.MAX_VALUE, null);
        assertThat(v.minutes().get(0L).bytesOut).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void principalsBeyondTheCapAreAFixedChoiceWithKnownOnesFirst() {
        Profiles fresh = new Profiles(2, Set.of());
        Profiles withKnown = new Profiles(2, Set.of("p7"));
        for (int i = 0; i < 10; i++) {
            fresh.get("p" + i, () -> new Profile(4, 4, true));
            withKnown.get("p" + i, () -> new Profile(4, 4, true));
        }
        assertThat(fresh.byKey()).hasSize(2);
        assertThat(fresh.overflowed()).isTrue();
        assertThat(withKnown.byKey()).hasSize(2).containsKey("p7");
        Profiles reversed = new Profiles(2, Set.of());
        for (String k : List.of("p9", "p8", "p7", "p6", "p5", "p4", "p3", "p2", "p1", "p0")) {
            reversed.get(k, () -> new Profile(4, 4, true));
        }
        assertThat(reversed.byKey().keySet()).isEqualTo(fresh.byKey().keySet());
    }
}
