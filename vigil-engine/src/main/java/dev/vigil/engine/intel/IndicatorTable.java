package dev.vigil.engine.intel;

import java.util.List;

/**
 * What the indices point at: per indicator its set, confidence and validity; per set its name, category and kind.
 * Immutable once built; shared by the IPv4 index, the IPv6 index and the domain table.
 */
final class IndicatorTable {

    record SetInfo(String name, IntelCategory category, boolean custom) {
    }

    private final SetInfo[] sets;
    private final int[] set;
    private final byte[] confidence;
    private final int[] validity;
    private final long[] validFrom;
    private final long[] validUntil;

    IndicatorTable(List<SetInfo> sets, int[] set, byte[] confidence, int[] validity, long[] validFrom,
                   long[] validUntil) {
        this.sets = sets.toArray(SetInfo[]::new);
        this.set = set;
        this.confidence = confidence;
        this.validity = validity;
        this.validFrom = validFrom;
        this.validUntil = validUntil;
    }

    /** Whether indicator {@code i} is valid at the time: from ≤ t < until. */
    boolean validAt(int i, long epochSeconds) {
        int v = validity[i];
        return epochSeconds >= validFrom[v] && epochSeconds < validUntil[v];
    }

    /** The first of {@code candidates[from, end)} valid at the time (they are strongest first), or -1. */
    int firstValid(int[] candidates, int from, int end, long epochSeconds) {
        for (int c = from; c < end; c++) {
            if (validAt(candidates[c], epochSeconds)) {
                return candidates[c];
            }
        }
        return -1;
    }

    /** Whether indicator {@code a} is valid at least whenever {@code b} is. */
    boolean covers(int a, int b) {
        int va = validity[a];
        int vb = validity[b];
        return va == vb || validFrom[va] <= validFrom[vb] && validUntil[va] >= validUntil[vb];
    }

    IntelMatch match(int i, String indicator) {
        SetInfo s = sets[set[i]];
        return new IntelMatch(s.name(), s.category(), confidence[i], indicator, s.custom());
    }
}
