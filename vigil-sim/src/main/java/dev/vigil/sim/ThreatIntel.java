package dev.vigil.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The addresses the indicator sets list, by category. All lie in 198.18.0.0/15, the range reserved for network
 * benchmarking: clearly not a real host, yet outside the private ranges, so readers treat them as internet peers.
 * Each category has its own /24 (Tor exits 198.18.10.x, relays .20.x, mining pools .30.x, C&amp;C .40.x, malicious
 * .50.x and the scanner range {@value #SCANNER_RANGE}, black holes .60.x, drop points .70.x); the scenarios pick their
 * peers from these lists.
 */
record ThreatIntel(List<String> torExits, List<String> torRelays, List<String> miningPools,
                   List<String> commandAndControl, List<String> malicious, List<String> blackholes,
                   List<String> dropPoints) {

    private static final long SALT = 0x696e74656cL;
    /** A scanner network the blocklist lists as one CIDR rather than address by address. */
    static final String SCANNER_RANGE = "198.18.51.0/28";

    ThreatIntel {
        torExits = List.copyOf(torExits);
        torRelays = List.copyOf(torRelays);
        miningPools = List.copyOf(miningPools);
        commandAndControl = List.copyOf(commandAndControl);
        malicious = List.copyOf(malicious);
        blackholes = List.copyOf(blackholes);
        dropPoints = List.copyOf(dropPoints);
    }

    static ThreatIntel build(long seed) {
        SplittableRandom r = new SplittableRandom(Ids.mix(seed, SALT));
        return new ThreatIntel(hosts(r, 10, 12), hosts(r, 20, 24), hosts(r, 30, 4), hosts(r, 40, 3), hosts(r, 50, 16),
                hosts(r, 60, 2), hosts(r, 70, 3));
    }

    /** The {@code n}-th host (1-14) of the {@link #SCANNER_RANGE}. */
    static String scanner(int n) {
        return "198.18.51." + (1 + Math.floorMod(n, 14));
    }

    /** {@code n} distinct addresses in 198.18.{third}.0/24, in a seed-dependent order. */
    private static List<String> hosts(SplittableRandom r, int third, int n) {
        List<Integer> pool = new ArrayList<>();
        for (int i = 1; i < 255; i++) {
            pool.add(i);
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("198.18." + third + "." + pool.remove(r.nextInt(pool.size())));
        }
        return out;
    }
}
