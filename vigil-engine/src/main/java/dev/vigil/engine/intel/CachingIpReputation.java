package dev.vigil.engine.intel;

import java.util.Arrays;

/**
 * One thread's view of a {@link ThreatIntel}: remembers, per recently seen IPv4 address, which elementary interval
 * of the index holds it (or that none with candidates does, the common case), so that the flows' repeated peers skip
 * the index's cache misses (the /24 bitmap, the slot table, the interval search: up to a few hundred nanoseconds for
 * an index of a million indicators once parsing has pushed it out of the processor's caches).
 *
 * <p>Exact by construction: the cached value is a function of the address and the immutable index alone. The time
 * still decides on every lookup: the interval's candidates are checked for validity at the lookup's time exactly as
 * without the view. What the view must never cache is the answer itself, since the same address can match at one time
 * and not at another.
 *
 * <p>Direct-mapped: one {@code long} per slot, the address in the high half and the interval (or -1) in the low half,
 * so a lookup reads one word of a small table and allocates nothing unless it matches. A fleet talks to a few
 * thousand hosts; the tail of one-off addresses simply overwrites slots. Matches are kept per indicator too, so a
 * listed peer seen again returns the same {@link IntelMatch} instead of building its text anew. IPv6 goes to the
 * shared index uncached (it is rare in flow logs, and 128-bit keys would not fit a word).
 *
 * <p>Not thread-safe: one per reader thread.
 */
final class CachingIpReputation implements IpReputation {

    /** Slots by default: 8,192 words, 64 KiB, about four slots per hot peer of a fleet of a few thousand. */
    static final int DEFAULT_SLOT_BITS = 13;
    /** Match slots (a power of two): listed peers are a small share of the peers. */
    private static final int MATCH_SLOTS = 1 << 8;

    private final AddressIndex index;
    private final Ipv4Index v4;
    private final int slotBits;
    /** Per slot: address << 32 | interval (-1: no candidates). */
    private final long[] entries;
    private final int[] matchIds = new int[MATCH_SLOTS];
    private final IntelMatch[] matches = new IntelMatch[MATCH_SLOTS];
    /** IPv6 parsing's scratch words: the view belongs to one thread, so it need not allocate them per lookup. */
    private final long[] words = new long[2];

    CachingIpReputation(AddressIndex index) {
        this(index, DEFAULT_SLOT_BITS);
    }

    /** A view with {@code 2^slotBits} slots (tests use a few, to make slots collide). */
    CachingIpReputation(AddressIndex index, int slotBits) {
        if (slotBits < 1 || slotBits > 20) {
            throw new IllegalArgumentException("slotBits must be 1-20, was " + slotBits);
        }
        this.index = index;
        this.v4 = index.v4();
        this.slotBits = slotBits;
        this.entries = new long[1 << slotBits];
        // Every address is a valid key, so an empty slot holds an address that does not hash to it and can never
        // be asked for there: 0.0.0.0 (whose slot is 0) everywhere, 0.0.0.1 (slot > 0: the multiplier's top bit is
        // set) in slot 0.
        Arrays.fill(entries, 0xFFFFFFFFL);
        entries[0] = 1L << 32 | 0xFFFFFFFFL;
        Arrays.fill(matchIds, -1);
    }

    /**
     * The slot of an address: Fibonacci hashing, whose top bits mix all of the address's bits, so that the
     * addresses of one /24 or the peers of one provider's /16 spread over the table.
     */
    static int slotOf(long address, int slotBits) {
        return (int) ((address * 0x9E3779B97F4A7C15L) >>> (64 - slotBits));
    }

    @Override
    public IntelMatch lookup(CharSequence address, long epochSeconds) {
        if (address == null) {
            return null;
        }
        long v4address = IpText.parseIpv4(address, 0, address.length());
        if (v4address >= 0) {
            return cached(v4address, epochSeconds);
        }
        long mapped = AddressIndex.parseIpv6(address, words);
        if (mapped >= 0) {
            return cached(mapped, epochSeconds);
        }
        return mapped == AddressIndex.IPV6 ? index.lookupIpv6(words, epochSeconds) : null;
    }

    @Override
    public IntelMatch lookupIpv4(long address, long epochSeconds) {
        IpText.checkIpv4(address);
        return cached(address, epochSeconds);
    }

    /** A new view over the same index: this one must stay with its thread. */
    @Override
    public IpReputation forOneThread() {
        return new CachingIpReputation(index, slotBits);
    }

    private IntelMatch cached(long address, long epochSeconds) {
        int s = slotOf(address, slotBits);
        long e = entries[s];
        int at;
        if (e >>> 32 == address) {
            at = (int) e;
        } else {
            at = v4.intervalOf(address);
            entries[s] = address << 32 | at & 0xFFFFFFFFL;
        }
        if (at < 0) {
            return null;
        }
        int id = v4.firstValid(at, epochSeconds); // the time decides here, on every lookup
        return id < 0 ? null : match(id);
    }

    private IntelMatch match(int id) {
        int m = id & (MATCH_SLOTS - 1);
        if (matchIds[m] != id) {
            matches[m] = v4.match(id);
            matchIds[m] = id;
        }
        return matches[m];
    }
}
