package dev.vigil.engine.intel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Collects indicators of all sets, then flattens overlapping ranges into elementary intervals so that a lookup is one
 * search plus a walk over a short candidate list.
 *
 * <p>Every range boundary (first address, last address + 1) starts an elementary interval; within one interval the
 * same indicators cover every address. Each interval keeps its covering indicators strongest first (confidence,
 * then set name, then the more specific block), minus those a stronger one makes unreachable: an indicator is
 * dropped when a stronger one is valid for at least the same time span, since the stronger one would always answer
 * first. At most {@value #MAX_CANDIDATES} remain per interval (and at most {@value #MAX_SCAN} are examined); what
 * is cut is counted in {@link #truncatedIntervals()}.
 */
final class IndexBuilder {

    /** Indicators one load may hold (about 40 bytes each once indexed). */
    static final int MAX_INDICATORS = 10_000_000;
    static final int MAX_CANDIDATES = 16;
    static final int MAX_SCAN = 64;
    private static final int[] EMPTY = new int[0];

    private final List<IndicatorTable.SetInfo> sets = new ArrayList<>();
    private final IntList set = new IntList(1024);
    private final IntList confidence = new IntList(1024);
    private final IntList validity = new IntList(1024);
    private final IntList prefix = new IntList(1024);
    private final LongList validFrom = new LongList(16);
    private final LongList validUntil = new LongList(16);
    private final Map<List<Long>, Integer> validityIds = new HashMap<>();

    private final IntList v4Ids = new IntList(1024);
    private final IntList v4First = new IntList(1024);
    private final IntList v4Last = new IntList(1024);
    private final IntList v6Ids = new IntList(16);
    private final LongList v6Bounds = new LongList(64);
    private final Map<String, IntList> domains = new HashMap<>();
    private int truncated;
    private int lastValidity = -1;

    int addSet(String name, IntelCategory category, boolean custom) {
        sets.add(new IndicatorTable.SetInfo(name, category, custom));
        return sets.size() - 1;
    }

    int size() {
        return set.size();
    }

    boolean full() {
        return set.size() >= MAX_INDICATORS;
    }

    void add(int setId, AddressBlock block, int conf, long from, long until) {
        int id = meta(setId, conf, from, until, block.prefix());
        if (block.ipv6()) {
            v6Ids.add(id);
            v6Bounds.add(block.firstHigh());
            v6Bounds.add(block.firstLow());
            v6Bounds.add(block.lastHigh());
            v6Bounds.add(block.lastLow());
        } else {
            v4Ids.add(id);
            v4First.add((int) block.firstLow());
            v4Last.add((int) block.lastLow());
        }
    }

    /** A domain name, already lower-cased and without a trailing dot. */
    void addDomain(int setId, String domain, int conf, long from, long until) {
        int id = meta(setId, conf, from, until, 0);
        domains.computeIfAbsent(domain, d -> new IntList(1)).add(id);
    }

    private int meta(int setId, int conf, long from, long until, int bits) {
        set.add(setId);
        confidence.add(conf);
        prefix.add(bits);
        // indicators of one set mostly share their validity: skip the map for a run of equal ones
        if (lastValidity < 0 || validFrom.get(lastValidity) != from || validUntil.get(lastValidity) != until) {
            lastValidity = validityIds.computeIfAbsent(List.of(from, until), k -> {
                validFrom.add(from);
                validUntil.add(until);
                return validFrom.size() - 1;
            });
        }
        validity.add(lastValidity);
        return set.size() - 1;
    }

    int truncatedIntervals() {
        return truncated;
    }

    /** Builds the immutable indices; call once. */
    Built build() {
        int n = set.size();
        byte[] conf = new byte[n];
        for (int i = 0; i < n; i++) {
            conf[i] = (byte) confidence.get(i);
        }
        IndicatorTable table = new IndicatorTable(sets, set.toArray(), conf, validity.toArray(),
                validFrom.toArray(), validUntil.toArray());
        int[] rank = setRanks();
        int[] setOf = set.toArray();
        int[] prefixes = prefix.toArray();
        Comparator<Integer> strongestFirst = (a, b) -> {
            int c = Integer.compare(conf[b], conf[a]);
            if (c == 0) {
                c = Integer.compare(rank[setOf[a]], rank[setOf[b]]);
            }
            if (c == 0) {
                c = Integer.compare(prefixes[b], prefixes[a]);
            }
            return c != 0 ? c : Integer.compare(a, b);
        };
        Ipv4Index v4 = buildV4(table, strongestFirst, prefixes);
        Ipv6Index v6 = buildV6(table, strongestFirst, prefixes);
        Map<String, int[]> domainIndex = new HashMap<>();
        for (Map.Entry<String, IntList> e : domains.entrySet()) {
            domainIndex.put(e.getKey(), Arrays.stream(e.getValue().toArray()).boxed().sorted(strongestFirst)
                    .mapToInt(Integer::intValue).toArray());
        }
        return new Built(table, v4, v6, domainIndex);
    }

    record Built(IndicatorTable table, Ipv4Index v4, Ipv6Index v6, Map<String, int[]> domains) {
    }

    private int[] setRanks() {
        Integer[] order = new Integer[sets.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparing(i -> sets.get(i).name()));
        int[] rank = new int[sets.size()];
        for (int r = 0; r < order.length; r++) {
            rank[order[r]] = r;
        }
        return rank;
    }

    private Ipv4Index buildV4(IndicatorTable table, Comparator<Integer> strongestFirst, int[] prefixes) {
        int m = v4Ids.size();
        long[] events = new long[2 * m];
        for (int k = 0; k < m; k++) {
            long first = v4First.get(k) & 0xFFFFFFFFL;
            long end = (v4Last.get(k) & 0xFFFFFFFFL) + 1;
            events[2 * k] = (first << 25) | (1L << 24) | k;
            events[2 * k + 1] = (end << 25) | k;
        }
        Arrays.sort(events);
        TreeSet<Integer> active = new TreeSet<>(strongestFirst);
        IntList starts = new IntList(2 * m + 1);
        IntList offsets = new IntList(2 * m + 2);
        IntList candidates = new IntList(m + 16);
        int[] previous = null;
        int e = 0;
        while (e < events.length) {
            long point = events[e] >>> 25;
            while (e < events.length && (events[e] >>> 25) == point) {
                int k = (int) (events[e] & 0xFFFFFF);
                Integer id = v4Ids.get(k);
                if ((events[e] & (1L << 24)) != 0) {
                    active.add(id);
                } else {
                    active.remove(id);
                }
                e++;
            }
            if (point > 0xFFFFFFFFL) {
                break;
            }
            int[] list = strongest(active, table);
            if (previous != null && Arrays.equals(previous, list)) {
                continue;
            }
            previous = list;
            starts.add((int) point ^ Integer.MIN_VALUE);
            offsets.add(candidates.size());
            for (int id : list) {
                candidates.add(id);
            }
        }
        offsets.add(candidates.size());
        int[] first = new int[set.size()];
        for (int k = 0; k < m; k++) {
            first[v4Ids.get(k)] = v4First.get(k);
        }
        return new Ipv4Index(table, starts.toArray(), offsets.toArray(), candidates.toArray(), first, prefixes);
    }

    private Ipv6Index buildV6(IndicatorTable table, Comparator<Integer> strongestFirst, int[] prefixes) {
        int m = v6Ids.size();
        // event j: entry j/2, even = start at first, odd = end at last + 1 (absent when last is the top address)
        List<Integer> order = new ArrayList<>(2 * m);
        long[] pointHigh = new long[2 * m];
        long[] pointLow = new long[2 * m];
        for (int k = 0; k < m; k++) {
            pointHigh[2 * k] = v6Bounds.get(4 * k);
            pointLow[2 * k] = v6Bounds.get(4 * k + 1);
            order.add(2 * k);
            long lastHigh = v6Bounds.get(4 * k + 2);
            long lastLow = v6Bounds.get(4 * k + 3);
            if (lastHigh != -1L || lastLow != -1L) {
                pointLow[2 * k + 1] = lastLow + 1;
                pointHigh[2 * k + 1] = lastLow == -1L ? lastHigh + 1 : lastHigh;
                order.add(2 * k + 1);
            }
        }
        order.sort((a, b) -> compare(pointHigh[a], pointLow[a], pointHigh[b], pointLow[b]));
        TreeSet<Integer> active = new TreeSet<>(strongestFirst);
        LongList starts = new LongList(2 * m + 2);
        IntList offsets = new IntList(2 * m + 2);
        IntList candidates = new IntList(m + 16);
        int[] previous = null;
        int e = 0;
        while (e < order.size()) {
            int at = order.get(e);
            while (e < order.size() && compare(pointHigh[order.get(e)], pointLow[order.get(e)], pointHigh[at],
                    pointLow[at]) == 0) {
                int j = order.get(e);
                Integer id = v6Ids.get(j / 2);
                if (j % 2 == 0) {
                    active.add(id);
                } else {
                    active.remove(id);
                }
                e++;
            }
            int[] list = strongest(active, table);
            if (previous != null && Arrays.equals(previous, list)) {
                continue;
            }
            previous = list;
            starts.add(pointHigh[at]);
            starts.add(pointLow[at]);
            offsets.add(candidates.size());
            for (int id : list) {
                candidates.add(id);
            }
        }
        offsets.add(candidates.size());
        long[] first = new long[2 * set.size()];
        for (int k = 0; k < m; k++) {
            first[2 * v6Ids.get(k)] = v6Bounds.get(4 * k);
            first[2 * v6Ids.get(k) + 1] = v6Bounds.get(4 * k + 1);
        }
        return new Ipv6Index(table, starts.toArray(), offsets.toArray(), candidates.toArray(), first, prefixes);
    }

    static int compare(long aHigh, long aLow, long bHigh, long bLow) {
        int c = Long.compareUnsigned(aHigh, bHigh);
        return c != 0 ? c : Long.compareUnsigned(aLow, bLow);
    }

    /** The covering indicators worth keeping for one interval, strongest first (see the class comment). */
    private int[] strongest(TreeSet<Integer> active, IndicatorTable table) {
        if (active.isEmpty()) {
            return EMPTY;
        }
        if (active.size() == 1) {
            return new int[]{active.first()};
        }
        int[] kept = new int[MAX_CANDIDATES];
        int size = 0;
        int scanned = 0;
        for (Integer id : active) {
            if (scanned++ == MAX_SCAN || size == MAX_CANDIDATES) {
                truncated++;
                break;
            }
            boolean reachable = true;
            for (int k = 0; k < size && reachable; k++) {
                reachable = !table.covers(kept[k], id);
            }
            if (reachable) {
                kept[size++] = id;
            }
        }
        return Arrays.copyOf(kept, size);
    }
}
