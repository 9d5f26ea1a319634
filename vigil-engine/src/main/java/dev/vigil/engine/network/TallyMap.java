package dev.vigil.engine.network;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A partial state's entries, at most {@code maxKeys} of them. Over the cap it keeps a deterministic sample: only
 * entries whose key hash lies below a threshold, halving the threshold (and dropping the entries above it) each
 * time the cap is exceeded. The kept set is then a function of the set of keys alone — every entry whose hash is
 * below the largest threshold that fits — so readers and merge order cannot change which entries survive.
 */
final class TallyMap {

    private static final long ALL = 1L << 32;

    private final int maxKeys;
    private final HashMap<TallyKey, Tally> entries = new HashMap<>();
    private long threshold = ALL;
    private long dropped;
    /** Times entries were dropped to fit the cap: a caller's cached entry is stale once this changes. */
    private int shrinks;

    TallyMap(int maxKeys) {
        this.maxKeys = maxKeys;
    }

    /** The entry for the key, created when missing; null when the key falls outside the sample. */
    Tally get(TallyKey key) {
        Tally t = entries.get(key);
        if (t != null) {
            return t;
        }
        if (key.sample() >= threshold) {
            dropped++;
            return null;
        }
        t = new Tally();
        entries.put(key, t);
        if (entries.size() > maxKeys) {
            shrink();
            return entries.get(key);
        }
        return t;
    }

    void mergeFrom(TallyMap other) {
        dropped += other.dropped;
        threshold = Math.min(threshold, other.threshold);
        int before = entries.size();
        entries.keySet().removeIf(k -> k.sample() >= threshold);
        dropped += before - entries.size();
        for (Map.Entry<TallyKey, Tally> e : other.entries.entrySet()) {
            if (e.getKey().sample() >= threshold) {
                continue;
            }
            Tally mine = entries.get(e.getKey());
            if (mine == null) {
                entries.put(e.getKey(), e.getValue());
            } else {
                mine.merge(e.getValue());
            }
        }
        if (entries.size() > maxKeys) {
            shrink();
        }
    }

    private void shrink() {
        shrinks++;
        while (entries.size() > maxKeys) {
            threshold >>= 1;
            int before = entries.size();
            entries.keySet().removeIf(k -> k.sample() >= threshold);
            dropped += before - entries.size();
        }
    }

    int shrinks() {
        return shrinks;
    }

    void forEach(BiConsumer<TallyKey, Tally> action) {
        entries.forEach(action);
    }

    int size() {
        return entries.size();
    }

    /** Entries left out because the cap was reached (a count of lookups and evictions, for the run's statistics). */
    long dropped() {
        return dropped;
    }

    /** True when some entries were dropped: findings may be missing, never invented. */
    boolean sampled() {
        return threshold < ALL;
    }
}
