package dev.vigil.engine.baseline;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Profiles by key (principals, or accounts) within a cap. Beyond the cap the keys kept are the least by
 * (not in the prior snapshot, {@link StableHash}, key): a rule that depends only on the keys, so every split of the
 * input keeps the same profiles, each complete. Keys from the prior snapshot rank first, so a known principal is
 * not displaced by a flood of new names.
 */
final class Profiles {

    private static final long SEED = 0x9121C1BA15L;

    private final int cap;
    private final Set<String> known;
    private final HashMap<String, Profile> byKey = new HashMap<>();
    private boolean overflowed;
    private String largest;

    Profiles(int cap, Set<String> known) {
        this.cap = cap;
        this.known = known;
    }

    /** The profile of a key, created when new; null when the key falls outside the cap. */
    Profile get(String key, java.util.function.Supplier<Profile> create) {
        Profile p = byKey.get(key);
        if (p != null) {
            return p;
        }
        if (byKey.size() >= cap && rank(key, largest()) > 0) {
            overflowed = true;
            return null;
        }
        p = create.get();
        byKey.put(key, p);
        largest = null;
        trim();
        return p;
    }

    void merge(Profiles other, java.util.function.Supplier<Profile> create) {
        overflowed |= other.overflowed;
        other.byKey.forEach((k, p) -> byKey.computeIfAbsent(k, x -> create.get()).merge(p));
        largest = null;
        trim();
    }

    Map<String, Profile> byKey() {
        return byKey;
    }

    /** True when some key was left out for the cap. */
    boolean overflowed() {
        return overflowed;
    }

    private void trim() {
        while (byKey.size() > cap) {
            byKey.remove(largest());
            largest = null;
            overflowed = true;
        }
    }

    private String largest() {
        if (largest == null) {
            for (String k : byKey.keySet()) {
                if (largest == null || rank(k, largest) > 0) {
                    largest = k;
                }
            }
        }
        return largest;
    }

    private int rank(String a, String b) {
        int c = Boolean.compare(!known.contains(a), !known.contains(b));
        if (c == 0) {
            c = Long.compareUnsigned(StableHash.of(a, SEED), StableHash.of(b, SEED));
        }
        return c != 0 ? c : a.compareTo(b);
    }
}
