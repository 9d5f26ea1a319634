package dev.vigil.engine.network;

/**
 * What one partial-state entry is about: a detection kind, a window, and the facts the detection groups by.
 * Unused facts are "" or -1. The hash is spelled out (not the record default) because {@link TallyMap} samples
 * entries by it when over its cap, and the sample must be the same in every run and Java version.
 *
 * @param kind     {@link FlowCatalogue.Kind} ordinal
 * @param window   tumbling-window index (time / window length), 0 for whole-scan entries
 * @param account  the flow's account id
 * @param region   the flow's region, or ""
 * @param resource instance id, else interface id, else the local address
 * @param peer     the remote address, or "" when the entry spans peers
 * @param port     a port, (protocol &lt;&lt; 16 | port), or -1
 */
record TallyKey(int kind, long window, String account, String region, String resource, String peer, int port) {

    @Override
    public int hashCode() {
        long h = kind * 0x9E3779B97F4A7C15L + window;
        h = h * 31 + account.hashCode();
        h = h * 31 + region.hashCode();
        h = h * 31 + resource.hashCode();
        h = h * 31 + peer.hashCode();
        h = h * 31 + port;
        return (int) mix(h);
    }

    /** 32 well-mixed bits (murmur3's finaliser), as an unsigned value. */
    long sample() {
        return hashCode() & 0xffffffffL;
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TallyKey k && k.kind == kind && k.window == window && k.port == port
                && k.resource.equals(resource) && k.peer.equals(peer) && k.account.equals(account)
                && k.region.equals(region);
    }
}
