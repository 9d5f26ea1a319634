package dev.vigil.sim;

/**
 * Evenly spaced moments of an activity, {@code count} of them over [from, to), each with a small fixed jitter: the
 * k-th moment depends only on k, never on how the timeline is cut into windows, so a scenario's records are the same
 * whichever window asks for them.
 */
record Ticks(long from, long to, long count, int jitter, long salt) {

    interface Action {
        void at(long k, long time);
    }

    /** A tick every {@code interval} seconds. */
    static Ticks every(long from, long to, long interval, int jitter, long salt) {
        return new Ticks(from, to, Math.max(1, (to - from) / interval), jitter, salt);
    }

    /** Runs {@code action} for the ticks in [lo, hi). */
    void forEach(long lo, long hi, Action action) {
        double step = (double) (to - from) / count;
        long first = Math.max(0, (long) Math.floor((lo - from) / step) - 1);
        for (long k = first; k < count; k++) {
            if (from + (long) (k * step) - jitter >= hi) {
                break;
            }
            long t = time(k, step);
            if (t >= lo && t < hi) {
                action.at(k, t);
            }
        }
    }

    private long time(long k, double step) {
        long base = from + (long) (k * step);
        if (jitter == 0) {
            return base;
        }
        long t = base + Math.floorMod(Ids.mix(salt, k), 2L * jitter + 1) - jitter;
        return Math.max(from, Math.min(to - 1, t));
    }
}
