package dev.vigil.formats.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a record's top-level fields of interest are: for each name given at construction, the byte range of its
 * value inside the record (or -1 when absent). Filled by {@link JsonRecordScanner} while it checks the record, so
 * decoders read the few fields they need without parsing the rest. Reused from record to record: copy what you keep.
 */
public final class FieldSpans {

    private final byte[][] names;
    private final String[] nameStrings;
    /** For each name: its parent's index when it is {@code parent.child}, else -1. */
    private final int[] parent;
    /** For each name: whether some other name is its child. */
    private final boolean[] hasChildren;
    final int[] start;
    final int[] end;
    final Set<String> keys = new LinkedHashSet<>();
    boolean collectKeys;

    /**
     * @param fieldNames top-level names, and {@code parent.child} names for fields one level down inside a
     *                   top-level object that is itself in the list (e.g. {@code userIdentity} and
     *                   {@code userIdentity.type})
     */
    public FieldSpans(List<String> fieldNames) {
        names = new byte[fieldNames.size()][];
        nameStrings = fieldNames.toArray(String[]::new);
        parent = new int[names.length];
        hasChildren = new boolean[names.length];
        for (int i = 0; i < names.length; i++) {
            String n = nameStrings[i];
            int dot = n.indexOf('.');
            parent[i] = dot < 0 ? -1 : fieldNames.indexOf(n.substring(0, dot));
            if (dot >= 0 && parent[i] < 0) {
                throw new IllegalArgumentException("'" + n + "' needs its parent '" + n.substring(0, dot) + "' listed too");
            }
            if (parent[i] >= 0) {
                hasChildren[parent[i]] = true;
            }
            names[i] = (dot < 0 ? n : n.substring(dot + 1)).getBytes(StandardCharsets.UTF_8);
        }
        start = new int[names.length];
        end = new int[names.length];
        index();
        clear();
    }

    /** Start of field {@code i}'s value, relative to the record's first byte, or -1 when the record lacks it. */
    public int start(int i) {
        return start[i];
    }

    /** End (exclusive) of field {@code i}'s value. */
    public int end(int i) {
        return end[i];
    }

    /** All top-level keys of the record; only collected for the first record of a stream (for classification). */
    public Set<String> keys() {
        return keys;
    }

    int size() {
        return names.length;
    }

    void clear() {
        Arrays.fill(start, -1);
        Arrays.fill(end, -1);
        keys.clear();
    }

    boolean hasChildren(int i) {
        return hasChildren[i];
    }

    /** Index of the field named {@code key[0, len)} under {@code parentIndex} (-1: top level), or -1. */
    int indexOf(int parentIndex, byte[] key, int len) {
        // Called for every key of every record: a hash on length and two bytes rejects almost all keys at once.
        int[] candidates = buckets[bucket(key, len)];
        if (candidates == null) {
            return -1;
        }
        for (int i : candidates) {
            byte[] n = names[i];
            if (parent[i] == parentIndex && n.length == len && Arrays.equals(n, 0, len, key, 0, len)) {
                return i;
            }
        }
        return -1;
    }

    private final int[][] buckets = new int[BUCKETS][];
    private static final int BUCKETS = 256;

    private static int bucket(byte[] key, int len) {
        if (len == 0) {
            return 0;
        }
        return (len * 31 + key[0] * 7 + key[len - 1] * 3 + key[len >> 1]) & (BUCKETS - 1);
    }

    private void index() {
        for (int i = 0; i < names.length; i++) {
            int b = bucket(names[i], names[i].length);
            int[] old = buckets[b];
            int[] now = old == null ? new int[1] : Arrays.copyOf(old, old.length + 1);
            now[now.length - 1] = i;
            buckets[b] = now;
        }
    }

    int indexOf(int parentIndex, String key) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        return indexOf(parentIndex, k, k.length);
    }
}
