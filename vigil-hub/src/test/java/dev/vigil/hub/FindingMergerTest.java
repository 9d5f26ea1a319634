package dev.vigil.hub;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FindingMergerTest {

    @Test
    void activityStrictlyAfterAdds() {
        assertThat(FindingMerger.combinedCount(10, 20, 3, 21, 30, 2)).isEqualTo(5);
    }

    @Test
    void activityStrictlyBeforeAdds() {
        assertThat(FindingMerger.combinedCount(10, 20, 3, 1, 9, 2)).isEqualTo(5);
    }

    @Test
    void touchingOrOverlappingWindowsTakeTheLarger() {
        assertThat(FindingMerger.combinedCount(10, 20, 3, 20, 30, 2)).isEqualTo(3);
        assertThat(FindingMerger.combinedCount(10, 20, 3, 5, 10, 7)).isEqualTo(7);
        assertThat(FindingMerger.combinedCount(10, 20, 3, 12, 15, 1)).isEqualTo(3);
        assertThat(FindingMerger.combinedCount(10, 20, 3, 10, 20, 3)).isEqualTo(3);
    }

    @Test
    void sumsSaturateInsteadOfOverflowing() {
        assertThat(FindingMerger.combinedCount(0, 0, Long.MAX_VALUE - 1, 5, 5, 10)).isEqualTo(Long.MAX_VALUE);
    }
}
