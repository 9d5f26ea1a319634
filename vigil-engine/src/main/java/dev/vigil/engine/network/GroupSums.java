package dev.vigil.engine.network;

/**
 * Sums by (owner, peer, window) in primitive arrays: the totals {@link FlowVerdicts} needs over the pair entries —
 * bytes per volume window, beaconing flows per pair — before it decides which of them to build as objects. A
 * million pair entries as map keys and boxed sums cost more than the detections that fill them.
 */
final class GroupSums {

    private int[] owners;
    private long[] peers;
    private long[] windows;
    private long[] sums;
    private boolean[] used;
    private int size;

    GroupSums() {
        allocate(1 << 10);
    }

    private void allocate(int capacity) {
        owners = new int[capacity];
        peers = new long[capacity];
        windows = new long[capacity];
        sums = new long[capacity];
        used = new boolean[capacity];
    }

    /** Adds {@code value} to the group's sum (saturating). */
    void add(int owner, long peer, long window, long value) {
        if ((size + 1) * 2L > used.length) {
            grow();
        }
        int at = slot(owner, peer, window);
        if (!used[at]) {
            used[at] = true;
            owners[at] = owner;
            peers[at] = peer;
            windows[at] = window;
            size++;
        }
        sums[at] = Tally.plus(sums[at], value);
    }

    /** The group's sum, 0 when it has none. */
    long get(int owner, long peer, long window) {
        int at = slot(owner, peer, window);
        return used[at] ? sums[at] : 0;
    }

    interface Visitor {
        void visit(int owner, long peer, long window, long sum);
    }

    void forEach(Visitor v) {
        for (int i = 0; i < used.length; i++) {
            if (used[i]) {
                v.visit(owners[i], peers[i], windows[i], sums[i]);
            }
        }
    }

    /** The slot holding the group, or the empty slot where it goes. */
    private int slot(int owner, long peer, long window) {
        int mask = used.length - 1;
        long h = (owner * 0x9E3779B97F4A7C15L + peer) * 31 + window;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        int at = (int) h & mask;
        while (used[at] && !(owners[at] == owner && peers[at] == peer && windows[at] == window)) {
            at = (at + 1) & mask;
        }
        return at;
    }

    private void grow() {
        int[] o = owners;
        long[] p = peers;
        long[] w = windows;
        long[] s = sums;
        boolean[] u = used;
        allocate(u.length * 2);
        for (int i = 0; i < u.length; i++) {
            if (u[i]) {
                int at = slot(o[i], p[i], w[i]);
                used[at] = true;
                owners[at] = o[i];
                peers[at] = p[i];
                windows[at] = w[i];
                sums[at] = s[i];
            }
        }
    }

    int size() {
        return size;
    }
}
