package dev.vigil.engine.network;

import dev.vigil.engine.intel.IntelMatch;
import dev.vigil.model.FlowRecord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;

/**
 * A partial state's entries, at most {@code maxKeys} of them, in primitive pages: one row of sixteen longs per entry
 * (its key, its sums and its earliest evidence flow) and, only for the entries that need them, a {@link Rich} object
 * with sets, an indicator match and further evidence.
 *
 * <p>Why not a map of objects: a million flows make about as many entries (one per instance, peer and window), and
 * as objects (node, key, tally, evidence, origin text) they were most of the detections' time — lookups chasing
 * pointers all over the heap, and the garbage collector copying every one of them while they lived. Rows in
 * long arrays are found with one probe of an index table and one read of a row, and the collector does not look
 * inside them.
 *
 * <p>A key is (kind, window, owner, peer, port). The owner is the (account, region, resource) the entry is about,
 * numbered in this map ({@link #owner}); it also keeps the owner's first and last flow time, the learning-period
 * clock. The peer is an IPv4 address as its number, {@link #NO_PEER}, or other text (IPv6) numbered in this map.
 *
 * <p>Over the cap it keeps a deterministic sample: only entries whose key hash lies below a threshold, halving the
 * threshold (and dropping the entries above it) each time the cap is exceeded. The hash is computed from the key's
 * names and numbers, never from this map's numbering, so the kept set is a function of the set of keys alone —
 * readers and merge order cannot change which entries survive.
 */
final class TallyMap {

    /** The peer of entries that span peers. */
    static final long NO_PEER = -1;
    /** A text peer that could not be numbered: the map holds {@code maxKeys} of them already. */
    static final long NO_ROOM = -2;
    /** Peers that are not IPv4 addresses: this bit and the text's number in this map. */
    private static final long TEXT_PEER = 1L << 40;
    /** Owners a key can hold (24 bits of it). */
    static final int MAX_OWNERS = 1 << 24;

    private static final long ALL = 1L << 32;

    // Row layout: the key, the sums, the earliest evidence flow.
    private static final int KEY = 0; // kind << 56 | owner << 32 | port (as unsigned 32 bits)
    private static final int PEER = 1;
    private static final int WINDOW = 2;
    static final int FLOWS = 3;
    static final int PACKETS = 4;
    static final int BYTES = 5;
    static final int ACCEPTED = 6;
    static final int FIRST = 7;
    static final int LAST = 8;
    static final int MIN_START = 9;
    static final int MAX_END = 10;
    static final int BEACON_FLOWS = 11;
    static final int BEACON_BYTES = 12;
    static final int SUM_SQUARES = 13;
    /** The earliest evidence flow while it is the only one: its time and origin number (prefix or record in refs). */
    private static final int EV_TIME = 14;
    private static final int EV_NUMBER = 15;
    private static final int STRIDE = 16;

    private static final int PAGE_BITS = 12;
    private static final int PAGE_ROWS = 1 << PAGE_BITS;

    /** What few entries need beyond sums: sets, a match, more than one evidence flow. */
    static final class Rich {
        SmallestLongs distinct;
        SmallestLongs starts;
        boolean open;
        IntelMatch match;
        EarliestFlows evidence;
    }

    private final int maxKeys;
    /**
     * Owners and text peers this map numbers, at most: each flow numbers its owner (and an IPv6 peer) before its
     * entries are looked up, so a hostile input inventing an interface or an address per line would otherwise
     * grow them without bound while its entries were sampled away. Beyond, such flows are dropped and counted.
     */
    private final int maxNames;
    private final int evidenceCap;
    private final boolean keepText;

    private long[][] pages = new long[4][];
    /** Per row: the only evidence flow's origin prefix, or its record when evidence text is kept. */
    private Object[][] refs = new Object[4][];
    private Rich[][] rich = new Rich[4][];
    private int rows;

    /** Open addressing: sample << 32 | (row + 1), 0 when empty; at most half full. */
    private long[] slots = new long[1 << 12];
    private long threshold = ALL;
    private long dropped;

    private final HashMap<FlowVerdicts.Owner, Integer> ownerIds = new HashMap<>();
    private final List<FlowVerdicts.Owner> owners = new ArrayList<>();
    private int[] ownerHash = new int[64];
    private long[] ownerFirst = new long[64];
    private long[] ownerLast = new long[64];

    private final HashMap<String, Integer> peerIds = new HashMap<>();
    private final List<String> peerTexts = new ArrayList<>();

    TallyMap(int maxKeys, int evidenceCap, boolean keepText) {
        this.maxKeys = maxKeys;
        this.maxNames = Math.min(MAX_OWNERS, maxKeys);
        this.evidenceCap = evidenceCap;
        this.keepText = keepText;
    }

    // ---- owners and peers -------------------------------------------------------------------------------------

    /** The owner's number in this map, numbering it when new; -1 when the map numbers as many as it may. */
    int owner(String account, String region, String resource) {
        FlowVerdicts.Owner o = new FlowVerdicts.Owner(account, region, resource);
        Integer id = ownerIds.get(o);
        if (id != null) {
            return id;
        }
        int n = owners.size();
        if (n >= maxNames) {
            return -1;
        }
        if (n == ownerHash.length) {
            ownerHash = Arrays.copyOf(ownerHash, n * 2);
            ownerFirst = Arrays.copyOf(ownerFirst, n * 2);
            ownerLast = Arrays.copyOf(ownerLast, n * 2);
        }
        owners.add(o);
        ownerIds.put(o, n);
        ownerHash[n] = (account.hashCode() * 31 + region.hashCode()) * 31 + resource.hashCode();
        ownerFirst[n] = Long.MAX_VALUE;
        ownerLast[n] = Long.MIN_VALUE;
        return n;
    }

    int owners() {
        return owners.size();
    }

    FlowVerdicts.Owner ownerNames(int owner) {
        return owners.get(owner);
    }

    /** Records a flow of the owner at the time: when it was first and last seen, for learning periods. */
    void seen(int owner, long timeMillis) {
        if (timeMillis < ownerFirst[owner]) {
            ownerFirst[owner] = timeMillis;
        }
        if (timeMillis > ownerLast[owner]) {
            ownerLast[owner] = timeMillis;
        }
    }

    /** The owner's earliest flow time (ms), or Long.MAX_VALUE. */
    long ownerFirst(int owner) {
        return ownerFirst[owner];
    }

    /**
     * The peer key of a remote address: its IPv4 number when {@code ipv4 >= 0}, else the text's number here;
     * {@link #NO_ROOM} when the text is new and the map numbers as many as it may.
     */
    long peer(String text, long ipv4) {
        if (ipv4 >= 0) {
            return ipv4;
        }
        Integer id = peerIds.get(text);
        if (id == null) {
            if (peerTexts.size() >= maxNames) {
                return NO_ROOM;
            }
            id = peerTexts.size();
            peerTexts.add(text);
            peerIds.put(text, id);
        }
        return TEXT_PEER | id;
    }

    /** The peer's text: "" for {@link #NO_PEER}, the dotted quad, or the text numbered here. */
    String peerText(long peer) {
        if (peer == NO_PEER) {
            return "";
        }
        if ((peer & TEXT_PEER) != 0) {
            return peerTexts.get((int) (peer & ~TEXT_PEER));
        }
        return (peer >>> 24) + "." + (peer >>> 16 & 0xff) + "." + (peer >>> 8 & 0xff) + "." + (peer & 0xff);
    }

    private int peerHash(long peer) {
        if (peer == NO_PEER) {
            return 0;
        }
        return (peer & TEXT_PEER) != 0 ? peerText(peer).hashCode() : (int) peer;
    }

    // ---- entries ----------------------------------------------------------------------------------------------

    /**
     * The entry's row, created when missing; -1 when the key falls outside the sample, or its owner or peer could
     * not be numbered (-1, {@link #NO_ROOM}).
     *
     * @param port a port, (protocol &lt;&lt; 16 | port), a flood kind, or -1
     */
    int get(int kind, long window, int owner, long peer, int port) {
        if (owner < 0 || peer == NO_ROOM) {
            dropped++;
            return -1;
        }
        long key = (long) kind << 56 | (long) owner << 32 | (port & 0xFFFFFFFFL);
        int sample = sample(kind, window, ownerHash[owner], peerHash(peer), port);
        int found = find(sample, key, peer, window);
        if (found >= 0) {
            return found;
        }
        if ((sample & 0xFFFFFFFFL) >= threshold) {
            dropped++;
            return -1;
        }
        int row = newRow(key, peer, window);
        if (rows * 2L > slots.length) {
            grow();
            place((long) sample << 32 | (row + 1L));
        } else {
            slots[-found - 1] = (long) sample << 32 | (row + 1L); // the empty slot the search ended on
        }
        if (rows > maxKeys) {
            shrink();
            int again = find(sample, key, peer, window);
            return again >= 0 ? again : -1;
        }
        return row;
    }

    /** The key's row, or -(empty slot) - 1 when it has none. */
    private int find(int sample, long key, long peer, long window) {
        int mask = slots.length - 1;
        for (int pos = sample & mask; ; pos = (pos + 1) & mask) {
            long s = slots[pos];
            if (s == 0) {
                return -pos - 1;
            }
            if ((int) (s >>> 32) == sample) {
                int row = (int) s - 1;
                long[] page = pages[row >>> PAGE_BITS];
                int at = (row & (PAGE_ROWS - 1)) * STRIDE;
                if (page[at + KEY] == key && page[at + PEER] == peer && page[at + WINDOW] == window) {
                    return row;
                }
            }
        }
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        for (long s : old) {
            if (s != 0) {
                place(s);
            }
        }
    }

    private void place(long slot) {
        int mask = slots.length - 1;
        int pos = (int) (slot >>> 32) & mask;
        while (slots[pos] != 0) {
            pos = (pos + 1) & mask;
        }
        slots[pos] = slot;
    }

    private int newRow(long key, long peer, long window) {
        int row = rows++;
        int p = row >>> PAGE_BITS;
        if (p == pages.length) {
            pages = Arrays.copyOf(pages, p * 2);
            refs = Arrays.copyOf(refs, p * 2);
            rich = Arrays.copyOf(rich, p * 2);
        }
        if (pages[p] == null) {
            pages[p] = new long[PAGE_ROWS * STRIDE];
            refs[p] = new Object[PAGE_ROWS];
            rich[p] = new Rich[PAGE_ROWS];
        }
        long[] page = pages[p];
        int at = (row & (PAGE_ROWS - 1)) * STRIDE;
        Arrays.fill(page, at, at + STRIDE, 0); // a row freed by compact() keeps its old values
        page[at + KEY] = key;
        page[at + PEER] = peer;
        page[at + WINDOW] = window;
        page[at + FIRST] = Long.MAX_VALUE;
        page[at + LAST] = Long.MIN_VALUE;
        page[at + MIN_START] = Long.MAX_VALUE;
        page[at + MAX_END] = Long.MIN_VALUE;
        return row;
    }

    /** 32 well-mixed bits of the key (murmur3's finaliser): the sample and the index position. */
    private static int sample(int kind, long window, int ownerHash, int peerHash, int port) {
        long h = kind * 0x9E3779B97F4A7C15L + window;
        h = h * 31 + ownerHash;
        h = h * 31 + peerHash;
        h = h * 31 + port;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) h;
    }

    private int sampleOf(int row) {
        long[] page = pages[row >>> PAGE_BITS];
        int at = (row & (PAGE_ROWS - 1)) * STRIDE;
        long key = page[at + KEY];
        return sample((int) (key >>> 56), page[at + WINDOW], ownerHash[(int) (key >>> 32) & (MAX_OWNERS - 1)],
                peerHash(page[at + PEER]), (int) key);
    }

    /** Adds a flow to the entry: counts, times, and the earliest flows as evidence. */
    void add(int row, FlowRecord r, long timeMillis) {
        long[] page = pages[row >>> PAGE_BITS];
        int at = (row & (PAGE_ROWS - 1)) * STRIDE;
        page[at + FLOWS]++;
        if (r.packets() > 0) {
            page[at + PACKETS] = Tally.plus(page[at + PACKETS], r.packets());
        }
        if (r.bytes() > 0) {
            page[at + BYTES] = Tally.plus(page[at + BYTES], r.bytes());
        }
        if (r.action() == FlowRecord.Action.ACCEPT) {
            page[at + ACCEPTED]++;
        }
        if (timeMillis < page[at + FIRST]) {
            page[at + FIRST] = timeMillis;
        }
        if (timeMillis > page[at + LAST]) {
            page[at + LAST] = timeMillis;
        }
        long seconds = Math.floorDiv(timeMillis, 1000);
        long start = r.start() != FlowRecord.ABSENT ? r.start() : timeMillis / 1000;
        if (start < page[at + MIN_START]) {
            page[at + MIN_START] = start;
        }
        if (seconds > page[at + MAX_END]) {
            page[at + MAX_END] = seconds;
        }
        if (evidenceCap > 0) {
            evidence(row, page, at, timeMillis, r.originPrefix(), r.originNumber(), keepText ? r : null);
        }
    }

    private void evidence(int row, long[] page, int at, long time, String prefix, long number, FlowRecord r) {
        Object[] refPage = refs[row >>> PAGE_BITS];
        int i = row & (PAGE_ROWS - 1);
        Rich x = rich[row >>> PAGE_BITS][i];
        if (x != null && x.evidence != null) {
            x.evidence.add(time, prefix, number, r);
            return;
        }
        Object ref = refPage[i];
        if (ref == null) { // the entry's first flow: held in the row, without objects
            page[at + EV_TIME] = time;
            page[at + EV_NUMBER] = number;
            refPage[i] = r != null ? r : prefix;
            return;
        }
        String keptPrefix = ref instanceof FlowRecord k ? k.originPrefix() : (String) ref;
        long keptTime = page[at + EV_TIME];
        long keptNumber = page[at + EV_NUMBER];
        int c = EarliestFlows.compare(time, prefix, number, keptTime, keptPrefix, keptNumber);
        if (c == 0) {
            return;
        }
        if (evidenceCap == 1) {
            if (c < 0) {
                page[at + EV_TIME] = time;
                page[at + EV_NUMBER] = number;
                refPage[i] = r != null ? r : prefix;
            }
            return;
        }
        EarliestFlows flows = new EarliestFlows(evidenceCap, keepText);
        flows.add(keptTime, keptPrefix, keptNumber, ref instanceof FlowRecord k ? k : null);
        flows.add(time, prefix, number, r);
        rich(row).evidence = flows;
        refPage[i] = null;
    }

    private Rich rich(int row) {
        Rich[] page = rich[row >>> PAGE_BITS];
        int i = row & (PAGE_ROWS - 1);
        Rich x = page[i];
        if (x == null) {
            x = new Rich();
            page[i] = x;
        }
        return x;
    }

    void distinct(int row, long value, int cap) {
        Rich x = rich(row);
        if (x.distinct == null) {
            x.distinct = new SmallestLongs(cap);
        }
        x.distinct.add(value);
    }

    void start(int row, long seconds, int cap) {
        Rich x = rich(row);
        if (x.starts == null) {
            x.starts = new SmallestLongs(cap);
        }
        x.starts.add(seconds);
    }

    void beacon(int row, long flowBytes) {
        long[] page = pages[row >>> PAGE_BITS];
        int at = (row & (PAGE_ROWS - 1)) * STRIDE;
        page[at + BEACON_FLOWS]++;
        page[at + BEACON_BYTES] = Tally.plus(page[at + BEACON_BYTES], flowBytes);
        page[at + SUM_SQUARES] = Tally.plus(page[at + SUM_SQUARES], flowBytes * flowBytes);
    }

    void open(int row) {
        rich(row).open = true;
    }

    void match(int row, IntelMatch m) {
        Rich x = rich(row);
        x.match = Tally.stronger(x.match, m);
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    int size() {
        return rows;
    }

    int kind(int row) {
        return (int) (pages[row >>> PAGE_BITS][(row & (PAGE_ROWS - 1)) * STRIDE + KEY] >>> 56);
    }

    int ownerOf(int row) {
        return (int) (pages[row >>> PAGE_BITS][(row & (PAGE_ROWS - 1)) * STRIDE + KEY] >>> 32) & (MAX_OWNERS - 1);
    }

    int port(int row) {
        return (int) pages[row >>> PAGE_BITS][(row & (PAGE_ROWS - 1)) * STRIDE + KEY];
    }

    long peerOf(int row) {
        return pages[row >>> PAGE_BITS][(row & (PAGE_ROWS - 1)) * STRIDE + PEER];
    }

    long window(int row) {
        return pages[row >>> PAGE_BITS][(row & (PAGE_ROWS - 1)) * STRIDE + WINDOW];
    }

    /** One of the sums ({@link #FLOWS} … {@link #SUM_SQUARES}). */
    long value(int row, int field) {
        return pages[row >>> PAGE_BITS][(row & (PAGE_ROWS - 1)) * STRIDE + field];
    }

    /** The entry's key with names, for verdicts and findings. */
    TallyKey key(int row) {
        FlowVerdicts.Owner o = owners.get(ownerOf(row));
        return new TallyKey(kind(row), window(row), o.account(), o.region(), o.resource(), peerText(peerOf(row)),
                port(row));
    }

    /** The entry as a new tally object (its sets and evidence shared with this map: read, or merge from, only). */
    Tally tally(int row) {
        long[] page = pages[row >>> PAGE_BITS];
        int i = row & (PAGE_ROWS - 1);
        int at = i * STRIDE;
        Tally t = new Tally();
        t.flows = page[at + FLOWS];
        t.packets = page[at + PACKETS];
        t.bytes = page[at + BYTES];
        t.accepted = page[at + ACCEPTED];
        t.first = page[at + FIRST];
        t.last = page[at + LAST];
        t.minStart = page[at + MIN_START];
        t.maxEnd = page[at + MAX_END];
        t.beaconFlows = page[at + BEACON_FLOWS];
        t.beaconBytes = page[at + BEACON_BYTES];
        t.sumSquares = page[at + SUM_SQUARES];
        Rich x = rich[row >>> PAGE_BITS][i];
        if (x != null) {
            t.distinct = x.distinct;
            t.starts = x.starts;
            t.open = x.open;
            t.match = x.match;
            t.evidence = x.evidence;
        }
        Object ref = refs[row >>> PAGE_BITS][i];
        if (ref != null) {
            EarliestFlows one = new EarliestFlows(Math.max(1, evidenceCap), keepText);
            FlowRecord r = ref instanceof FlowRecord k ? k : null;
            one.add(page[at + EV_TIME], r != null ? r.originPrefix() : (String) ref, page[at + EV_NUMBER], r);
            t.evidence = one;
        }
        return t;
    }

    // ---- merging and the cap ----------------------------------------------------------------------------------

    /** Adds the other map's entries and owners to this one; the other map is not used again. */
    void mergeFrom(TallyMap other) {
        dropped += other.dropped;
        if (other.threshold < threshold) {
            threshold = other.threshold;
            compact();
        }
        int[] ownerMap = new int[other.owners.size()];
        for (int o = 0; o < ownerMap.length; o++) {
            FlowVerdicts.Owner n = other.owners.get(o);
            int mine = owner(n.account(), n.region(), n.resource());
            ownerMap[o] = mine;
            if (mine >= 0) {
                ownerFirst[mine] = Math.min(ownerFirst[mine], other.ownerFirst[o]);
                ownerLast[mine] = Math.max(ownerLast[mine], other.ownerLast[o]);
            }
        }
        for (int row = 0; row < other.rows; row++) {
            long peer = other.peerOf(row);
            if (peer != NO_PEER && (peer & TEXT_PEER) != 0) {
                peer = peer(other.peerText(peer), -1);
            }
            int mine = get(other.kind(row), other.window(row), ownerMap[other.ownerOf(row)], peer, other.port(row));
            if (mine >= 0) {
                mergeRow(mine, other, row);
            }
        }
    }

    private void mergeRow(int row, TallyMap other, int otherRow) {
        long[] page = pages[row >>> PAGE_BITS];
        int at = (row & (PAGE_ROWS - 1)) * STRIDE;
        long[] op = other.pages[otherRow >>> PAGE_BITS];
        int oi = otherRow & (PAGE_ROWS - 1);
        int oat = oi * STRIDE;
        page[at + FLOWS] += op[oat + FLOWS];
        page[at + PACKETS] = Tally.plus(page[at + PACKETS], op[oat + PACKETS]);
        page[at + BYTES] = Tally.plus(page[at + BYTES], op[oat + BYTES]);
        page[at + ACCEPTED] += op[oat + ACCEPTED];
        page[at + FIRST] = Math.min(page[at + FIRST], op[oat + FIRST]);
        page[at + LAST] = Math.max(page[at + LAST], op[oat + LAST]);
        page[at + MIN_START] = Math.min(page[at + MIN_START], op[oat + MIN_START]);
        page[at + MAX_END] = Math.max(page[at + MAX_END], op[oat + MAX_END]);
        page[at + BEACON_FLOWS] += op[oat + BEACON_FLOWS];
        page[at + BEACON_BYTES] = Tally.plus(page[at + BEACON_BYTES], op[oat + BEACON_BYTES]);
        page[at + SUM_SQUARES] = Tally.plus(page[at + SUM_SQUARES], op[oat + SUM_SQUARES]);
        Rich ox = other.rich[otherRow >>> PAGE_BITS][oi];
        if (ox != null) {
            Rich x = rich(row);
            if (ox.distinct != null) {
                if (x.distinct == null) {
                    x.distinct = ox.distinct.emptyCopy();
                }
                x.distinct.addAll(ox.distinct);
            }
            if (ox.starts != null) {
                if (x.starts == null) {
                    x.starts = ox.starts.emptyCopy();
                }
                x.starts.addAll(ox.starts);
            }
            x.open |= ox.open;
            x.match = Tally.stronger(x.match, ox.match);
            if (ox.evidence != null) {
                for (EarliestFlows.Kept k : ox.evidence.flows()) {
                    evidence(row, page, at, k.timeMillis(), k.originPrefix(), k.originNumber(), k.flow());
                }
            }
        }
        Object ref = other.refs[otherRow >>> PAGE_BITS][oi];
        if (ref != null) {
            FlowRecord r = ref instanceof FlowRecord k ? k : null;
            evidence(row, page, at, op[oat + EV_TIME], r != null ? r.originPrefix() : (String) ref,
                    op[oat + EV_NUMBER], r);
        }
    }

    private void shrink() {
        while (rows > maxKeys) {
            threshold >>= 1;
            compact();
        }
    }

    /** Drops the rows whose sample is at or above the threshold, keeping the others in order. */
    private void compact() {
        int kept = 0;
        int before = rows;
        for (int row = 0; row < rows; row++) {
            if ((sampleOf(row) & 0xFFFFFFFFL) >= threshold) {
                continue;
            }
            if (kept != row) {
                System.arraycopy(pages[row >>> PAGE_BITS], (row & (PAGE_ROWS - 1)) * STRIDE,
                        pages[kept >>> PAGE_BITS], (kept & (PAGE_ROWS - 1)) * STRIDE, STRIDE);
                refs[kept >>> PAGE_BITS][kept & (PAGE_ROWS - 1)] = refs[row >>> PAGE_BITS][row & (PAGE_ROWS - 1)];
                rich[kept >>> PAGE_BITS][kept & (PAGE_ROWS - 1)] = rich[row >>> PAGE_BITS][row & (PAGE_ROWS - 1)];
            }
            kept++;
        }
        for (int row = kept; row < rows; row++) {
            refs[row >>> PAGE_BITS][row & (PAGE_ROWS - 1)] = null;
            rich[row >>> PAGE_BITS][row & (PAGE_ROWS - 1)] = null;
        }
        rows = kept;
        dropped += before - kept;
        Arrays.fill(slots, 0);
        for (int row = 0; row < rows; row++) {
            place((long) sampleOf(row) << 32 | (row + 1L));
        }
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
