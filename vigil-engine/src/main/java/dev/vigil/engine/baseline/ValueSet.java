package dev.vigil.engine.baseline;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The values of one feature of one principal with their first-seen times: exact up to a cap, then a sketch.
 *
 * <p>Exact part: at most {@code cap} values, each with its first-seen time (minimum), call count (sum) and first
 * call. When more values arrive, the ones kept exact are those with the smallest {@link StableHash} — a rule that
 * depends only on the values, so every split of the input keeps the same ones, with complete facts.
 *
 * <p>Sketch part, from the first overflow on: {@value #SKETCH_CELLS} cells of minimum times, every value (kept or
 * not) lowering its {@value #PROBES} cells to its first-seen time. A value's first-seen estimate is the largest of
 * its cells: never later than the truth, so a value the sketch calls new really is new, while a collision can hide
 * a new value (the safe error: a missed anomaly rather than a false one). Cells merge by minimum, so the sketch too
 * is order-free. Beside it, a {@value #REGISTERS}-register HyperLogLog (registers merge by maximum) estimates
 * how many distinct values there were, within about 13 %. Fixed size: a little over 8 KiB per overflowed feature.
 */
final class ValueSet {

    static final int SKETCH_CELLS = 1024;
    static final int PROBES = 3;
    static final int REGISTERS = 64;
    private static final long SEED = 0x5EEDBA5E11E5L;

    static final class Entry {
        long first = Long.MAX_VALUE;
        long count;
        Sighting sighting;
    }

    private final int cap;
    private final HashMap<String, Entry> exact = new HashMap<>();
    private long[] sketch;
    private byte[] registers;
    private String largest; // the kept value ranked last, when known

    ValueSet(int cap) {
        this.cap = cap;
    }

    void add(String value, long time, Sighting sighting) {
        Entry e = exact.get(value);
        if (e == null) {
            if (sketch != null) {
                lower(value, time);
                if (exact.size() >= cap && rank(value, largest()) > 0) {
                    return;
                }
            }
            e = new Entry();
            exact.put(value, e);
            largest = null;
        } else if (sketch != null) {
            lower(value, time);
        }
        e.first = Math.min(e.first, time);
        e.count++;
        e.sighting = Sighting.earlier(e.sighting, sighting);
        trim();
    }

    /** Adds a learned value as a snapshot holds it (no first call: it was reported in an earlier run, if at all). */
    void restore(String value, long first, long count) {
        Entry e = exact.computeIfAbsent(value, v -> new Entry());
        e.first = Math.min(e.first, first);
        e.count += count;
        largest = null;
    }

    /** Restores a snapshot's sketch; its length must be {@link #SKETCH_CELLS}. */
    void restoreSketch(long[] cells) {
        ensureSketch();
        for (int i = 0; i < SKETCH_CELLS; i++) {
            sketch[i] = Math.min(sketch[i], cells[i]);
        }
    }

    void merge(ValueSet other) {
        if (other.sketch != null) {
            restoreSketch(other.sketch);
            restoreRegisters(other.registers);
        }
        for (Map.Entry<String, Entry> o : other.exact.entrySet()) {
            Entry e = exact.computeIfAbsent(o.getKey(), v -> new Entry());
            e.first = Math.min(e.first, o.getValue().first);
            e.count += o.getValue().count;
            e.sighting = Sighting.earlier(e.sighting, o.getValue().sighting);
            if (sketch != null) {
                lower(o.getKey(), o.getValue().first);
            }
        }
        largest = null;
        trim();
    }

    /** The value's first-seen time, exact or estimated; {@link Long#MAX_VALUE} when never seen. */
    long firstSeen(String value) {
        Entry e = exact.get(value);
        if (e != null) {
            return e.first;
        }
        if (sketch == null) {
            return Long.MAX_VALUE;
        }
        long h = StableHash.of(value, SEED);
        long estimate = Long.MIN_VALUE;
        for (int i = 0; i < PROBES; i++) {
            estimate = Math.max(estimate, sketch[cell(h, i)]);
        }
        return estimate;
    }

    Map<String, Entry> exact() {
        return exact;
    }

    /** The sketch's cells, or null while every value is exact. */
    long[] sketch() {
        return sketch;
    }

    boolean overflowed() {
        return sketch != null;
    }

    private void trim() {
        if (exact.size() <= cap) {
            return;
        }
        ensureSketch();
        while (exact.size() > cap) {
            exact.remove(largest());
            largest = null;
        }
    }

    private void ensureSketch() {
        if (sketch == null) {
            sketch = new long[SKETCH_CELLS];
            Arrays.fill(sketch, Long.MAX_VALUE);
            registers = new byte[REGISTERS];
            exact.forEach((v, e) -> lower(v, e.first));
        }
    }

    private void lower(String value, long time) {
        long h = StableHash.of(value, SEED);
        for (int i = 0; i < PROBES; i++) {
            int c = cell(h, i);
            sketch[c] = Math.min(sketch[c], time);
        }
        // HyperLogLog: the low 6 bits choose the register, the rest's leading zeros are the observation
        int register = (int) (h & (REGISTERS - 1));
        int rank = Long.numberOfLeadingZeros(h | (REGISTERS - 1)) + 1;
        registers[register] = (byte) Math.max(registers[register], rank);
    }

    /** How many distinct values were seen: exact while under the cap, else estimated. */
    long distinct() {
        if (sketch == null) {
            return exact.size();
        }
        double sum = 0;
        int zeros = 0;
        for (byte r : registers) {
            sum += Math.pow(2, -r);
            zeros += r == 0 ? 1 : 0;
        }
        double estimate = 0.709 * REGISTERS * REGISTERS / sum;
        if (estimate <= 2.5 * REGISTERS && zeros > 0) {
            estimate = REGISTERS * Math.log((double) REGISTERS / zeros); // linear counting for small sets
        }
        return Math.max(exact.size() + 1, Math.round(estimate));
    }

    /** The HyperLogLog registers, or null while every value is exact. */
    byte[] registers() {
        return registers;
    }

    /** Restores a snapshot's registers (after its sketch); the length must be {@link #REGISTERS}. */
    void restoreRegisters(byte[] values) {
        ensureSketch();
        for (int i = 0; i < REGISTERS; i++) {
            registers[i] = (byte) Math.max(registers[i], values[i]);
        }
    }

    private static int cell(long h, int probe) {
        long step = (h >>> 32) | 1;
        return (int) Math.floorMod(h + probe * step, (long) SKETCH_CELLS);
    }

    private String largest() {
        if (largest == null) {
            for (String v : exact.keySet()) {
                if (largest == null || rank(v, largest) > 0) {
                    largest = v;
                }
            }
        }
        return largest;
    }

    /** Order of values for the cap: by stable hash, then by text. */
    private static int rank(String a, String b) {
        int c = Long.compareUnsigned(StableHash.of(a, SEED), StableHash.of(b, SEED));
        return c != 0 ? c : a.compareTo(b);
    }
}
