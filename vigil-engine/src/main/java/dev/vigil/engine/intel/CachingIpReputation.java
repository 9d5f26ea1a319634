package dev.vigil.engine.intel;

import dev.vigil.model.AddressScreen;

import java.util.Arrays;

/**
 * One thread's view of a {@link ThreatIntel}: remembers, per recently seen IPv4 address near a listed one, which
 * elementary interval of the index holds it (or that none with candidates does), so that repeated peers skip the
 * index's slot table and interval search (two or three cache misses into an index of a million indicators, once
 * parsing has pushed it out of the processor's caches).
 *
 * <p>Exact by construction: the cached value is a function of the key and the immutable index alone. The time still
 * decides on every lookup: the interval's candidates are checked for validity at the lookup's time exactly as without
 * the view. What the view must never cache is the answer itself, since the same address can match at one time and not
 * at another.
 *
 * <p>What is cached: an address first passes the index's first level (the /24 bitmap or the slot table), which
 * rejects most peers from one word, as cheaply as a slot of this table would; only the addresses it passes (those
 * near a listed one, where the slot table, the interval search and their cache misses follow) are cached, keyed by
 * the address. Text is parsed on every lookup: keying the cache by the text's characters was measured and lost (the
 * table's cache line cost more than the parsing it saved), so callers that hold the number should pass it
 * ({@link #lookupIpv4}). The IPv4-mapped IPv6 form takes the IPv4 path; other IPv6 goes to the shared index
 * uncached (rare in flow logs).
 *
 * <p>Two-way set-associative, {@code 2^setBits} sets of two (key, interval) pairs side by side, so a lookup reads
 * one cache line and allocates nothing unless it matches. A new key enters its set in front, pushing the front one
 * back and the back one out; a key found at the back moves to the front, so one one-off address between two uses of
 * a repeated peer does not push the peer out. Matches are kept per indicator too, so a listed peer seen again
 * returns the same {@link IntelMatch} instead of building its text anew.
 *
 * <p>Not thread-safe: one per reader thread.
 */
final class CachingIpReputation implements IpReputation {

    /** Sets by default: 2,048 × 2 pairs of longs, 64 KiB, room for 4,096 addresses near listed ones. */
    static final int DEFAULT_SET_BITS = 11;
    /** Match slots (a power of two): listed peers are a small share of the peers. */
    private static final int MATCH_SLOTS = 1 << 8;
    /** Marks a key, so that no key is 0 (an empty way), not even 0.0.0.0's. */
    private static final long KEY = Long.MIN_VALUE;

    private final AddressIndex index;
    private final Ipv4Index v4;
    private final int setBits;
    /** Per set s, at 4s: key, interval (-1: no candidates), then the same for the less recently used way. */
    private final long[] ways;
    private final int[] matchIds = new int[MATCH_SLOTS];
    private final IntelMatch[] matches = new IntelMatch[MATCH_SLOTS];
    /** IPv6 parsing's scratch words: the view belongs to one thread, so it need not allocate them per lookup. */
    private final long[] words = new long[2];

    CachingIpReputation(AddressIndex index) {
        this(index, DEFAULT_SET_BITS);
    }

    /** A view with {@code 2^setBits} sets (tests use few, to make keys collide). */
    CachingIpReputation(AddressIndex index, int setBits) {
        if (setBits < 0 || setBits > 20) {
            throw new IllegalArgumentException("setBits must be 0-20, was " + setBits);
        }
        this.index = index;
        this.v4 = index.v4();
        this.setBits = setBits;
        this.ways = new long[4 << setBits]; // all keys 0: empty
        Arrays.fill(matchIds, -1);
    }

    /** The set of a key: Fibonacci hashing, whose top bits depend on every bit of the key. */
    static int setOf(long key, int setBits) {
        return setBits == 0 ? 0 : (int) ((key * 0x9E3779B97F4A7C15L) >>> (64 - setBits));
    }

    /** The key of an address. */
    static long keyOf(long address) {
        return KEY | address;
    }

    @Override
    public IntelMatch lookup(CharSequence address, long epochSeconds) {
        if (address == null) {
            return null;
        }
        long v4address = IpText.parseIpv4(address, 0, address.length());
        if (v4address >= 0) {
            return answer(cached(v4address), epochSeconds);
        }
        long mapped = AddressIndex.parseIpv6(address, words);
        if (mapped >= 0) {
            return answer(cached(mapped), epochSeconds);
        }
        return mapped == AddressIndex.IPV6 ? index.lookupIpv6(words, epochSeconds) : null;
    }

    @Override
    public IntelMatch lookupIpv4(long address, long epochSeconds) {
        IpText.checkIpv4(address);
        return answer(cached(address), epochSeconds);
    }

    @Override
    public AddressScreen ipv4Screen() {
        return index.ipv4Screen();
    }

    /** A new view over the same index: this one must stay with its thread. */
    @Override
    public IpReputation forOneThread() {
        return new CachingIpReputation(index, setBits);
    }

    private int cached(long address) {
        if (!v4.mayCover(address)) {
            return -1; // the index's first level answers from one word, as cheap as a slot of this table
        }
        long key = keyOf(address);
        int found = find(key);
        return found != MISSING ? found : remember(key, v4.intervalOf(address));
    }

    /** Not a cached interval (intervals are -1 or an index). */
    private static final int MISSING = Integer.MIN_VALUE;

    /** The cached interval for the key, the more recently used way first; {@link #MISSING} when not cached. */
    private int find(long key) {
        int at = setOf(key, setBits) << 2;
        if (ways[at] == key) {
            return (int) ways[at + 1];
        }
        if (ways[at + 2] == key) {
            // now the more recently used: swap the ways
            long interval = ways[at + 3];
            ways[at + 2] = ways[at];
            ways[at + 3] = ways[at + 1];
            ways[at] = key;
            ways[at + 1] = interval;
            return (int) interval;
        }
        return MISSING;
    }

    /** Puts the key in front of its set, the front way's key behind it (the one behind falls out). */
    private int remember(long key, int interval) {
        int at = setOf(key, setBits) << 2;
        ways[at + 2] = ways[at];
        ways[at + 3] = ways[at + 1];
        ways[at] = key;
        ways[at + 1] = interval;
        return interval;
    }

    private IntelMatch answer(int interval, long epochSeconds) {
        if (interval < 0) {
            return null;
        }
        int id = v4.firstValid(interval, epochSeconds); // the time decides here, on every lookup
        if (id < 0) {
            return null;
        }
        int m = id & (MATCH_SLOTS - 1);
        if (matchIds[m] != id) {
            matches[m] = v4.match(id);
            matchIds[m] = id;
        }
        return matches[m];
    }
}
