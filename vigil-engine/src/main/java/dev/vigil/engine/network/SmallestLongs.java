package dev.vigil.engine.network;

import java.util.Arrays;

/**
 * A set of distinct numbers that keeps at most {@code cap} of them: the smallest. Which numbers are kept therefore
 * depends only on which numbers were added, never on their order or on how they were split between readers, and
 * {@link #size()} is exact up to the cap ({@link #saturated()} says the true count is at least the cap).
 */
final class SmallestLongs {

    private final int cap;
    /**
     * The numbers in order; null while the set holds at most one, then in {@link #single}: most sets (one pair's
     * local ports or connection starts in one window) hold a single number, and an array each was a large share
     * of the partial state.
     */
    private long[] values;
    private long single;
    private int size;
    private boolean saturated;

    SmallestLongs(int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be positive");
        }
        this.cap = cap;
    }

    SmallestLongs emptyCopy() {
        return new SmallestLongs(cap);
    }

    void add(long v) {
        if (values == null) {
            if (size == 0) {
                single = v;
                size = 1;
                return;
            }
            if (single == v) {
                return;
            }
            if (cap == 1) {
                saturated = true;
                single = Math.min(single, v);
                return;
            }
            values = new long[2];
            values[0] = single;
        }
        int at = Arrays.binarySearch(values, 0, size, v);
        if (at >= 0) {
            return;
        }
        int insert = -at - 1;
        if (size == cap) {
            saturated = true;
            if (insert == size) {
                return;
            }
            size--;
        }
        if (size == values.length) {
            values = Arrays.copyOf(values, Math.min(cap, size * 2));
        }
        System.arraycopy(values, insert, values, insert + 1, size - insert);
        values[insert] = v;
        size++;
    }

    void addAll(SmallestLongs other) {
        for (int i = 0; i < other.size; i++) {
            add(other.get(i));
        }
        saturated |= other.saturated;
    }

    /** Distinct numbers held: exact when not {@link #saturated()}, else the cap. */
    int size() {
        return size;
    }

    /** True when more distinct numbers were added than the cap holds. */
    boolean saturated() {
        return saturated;
    }

    long get(int i) {
        return values == null ? single : values[i];
    }
}
