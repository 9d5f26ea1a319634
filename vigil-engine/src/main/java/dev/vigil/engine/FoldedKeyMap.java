package dev.vigil.engine;

import dev.vigil.engine.match.CaseFold;

import java.util.Map;

/**
 * An immutable map from case-folded strings, looked up with any-case text without allocating (an event's
 * {@code eventName} is folded character by character during the probe instead of being lower-cased first).
 */
final class FoldedKeyMap<V> {

    private final String[] keys;
    private final Object[] values;
    private final int mask;

    /** @param entries keys already folded with {@link CaseFold} */
    FoldedKeyMap(Map<String, V> entries) {
        int capacity = Integer.highestOneBit(Math.max(4, entries.size() * 2 + 1) * 2 - 1);
        keys = new String[capacity];
        values = new Object[capacity];
        mask = capacity - 1;
        for (Map.Entry<String, V> e : entries.entrySet()) {
            int i = CaseFold.hash(e.getKey()) & mask;
            while (keys[i] != null) {
                i = (i + 1) & mask;
            }
            keys[i] = e.getKey();
            values[i] = e.getValue();
        }
    }

    @SuppressWarnings("unchecked")
    V get(CharSequence text) {
        int i = CaseFold.hash(text) & mask;
        while (keys[i] != null) {
            if (CaseFold.equalsFolded(text, keys[i])) {
                return (V) values[i];
            }
            i = (i + 1) & mask;
        }
        return null;
    }
}
