package dev.vigil.hub.analysis;

import java.util.Arrays;

/** A growable list of ints without boxing, for the correlator's per-finding bookkeeping. */
final class IntList {

    private int[] values = new int[16];
    private int size;

    void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = value;
    }

    int get(int index) {
        return values[index];
    }

    int size() {
        return size;
    }
}
