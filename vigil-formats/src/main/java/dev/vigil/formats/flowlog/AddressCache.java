package dev.vigil.formats.flowlog;

import dev.vigil.model.AddressScreen;
import dev.vigil.model.Ipv4;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The flow-log parser's cache of addresses: like {@link TextCache} it hands back the same String for the same bytes,
 * and beside each address it keeps what is worth knowing once per distinct address rather than once per record —
 * its IPv4 number ({@link Ipv4#parse}) and the answer of the reader's {@link AddressScreen}, asked the first time the
 * address is read as a flow's srcaddr or dstaddr.
 *
 * <p>Why here: a flow log repeats a fleet's own addresses and the few thousand hosts it talks to line after line,
 * and a lookup already reads the slot's length word and key bytes. Answers kept in that word cost nothing more to
 * find; kept in a table of their own (or asked of a large index every time) they cost a cache miss per record once
 * the log's text has pushed the table out of the processor's caches.
 *
 * <p>Per slot one {@code long}: bits 0–7 the key's length (0: empty), bit 8 "screened", bit 9 "the screen let it
 * through", bits 16–48 the IPv4 number + 1 (0: not IPv4). Two-way set-associative (a miss replaces the way used
 * less recently), so that a stream of one-off addresses (scanners, the long tail of the internet) takes turns in one
 * way of a set while a repeated address keeps the other: direct-mapped, the addresses of a fleet collide often
 * enough that about a fifth of a benchmark file's addresses were read anew, each a new String, a parse and a screen
 * (see {@link FlowLineParser}'s sizes). Fixed in size. Not thread-safe.
 */
final class AddressCache {

    private static final long SCREENED = 1L << 8;
    private static final long PASSED = 1L << 9;
    private static final int NUMBER_SHIFT = 16;

    private final int maxLength;
    private final int shift;
    private final byte[] keys;
    private final long[] meta;
    private final String[] values;
    /** Per set: the way last used (0 or 1). */
    private final byte[] recent;
    private AddressScreen screen;
    /** The meta word of the last address asked for, and its slot (-1: too long to cache). */
    private long last;
    private int lastSlot;

    /** @param slots a power of two, at least 2 (two per set); {@code maxLength} at most 255 */
    AddressCache(int slots, int maxLength) {
        if (maxLength > 255) {
            throw new IllegalArgumentException("maxLength must fit the length byte, was " + maxLength);
        }
        if (slots < 2 || Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two, at least 2, was " + slots);
        }
        this.maxLength = maxLength;
        this.shift = 64 - Integer.numberOfTrailingZeros(slots / 2);
        this.recent = new byte[slots / 2];
        this.keys = new byte[slots * maxLength];
        this.meta = new long[slots];
        this.values = new String[slots];
    }

    /**
     * The screen whose answers the cache keeps (null: none). Changing it forgets every address, so that no answer of
     * one screen is ever taken for another's.
     */
    void screen(AddressScreen s) {
        if (s != screen) {
            screen = s;
            Arrays.fill(meta, 0);
            Arrays.fill(values, null);
        }
    }

    /** The text of {@code b[start, end)}; {@link #number()} then tells its IPv4 number. */
    String get(byte[] b, int start, int end) {
        int len = end - start;
        if (len > maxLength || len == 0) {
            last = numbered(0, b, start, end);
            lastSlot = -1;
            return new String(b, start, len, StandardCharsets.UTF_8);
        }
        int set = TextCache.slot(b, start, len, shift);
        int slot = set << 1;
        for (int way = 0; way < 2; way++, slot++) {
            long m = meta[slot];
            int at = slot * maxLength;
            if ((int) (m & 0xff) == len && Arrays.equals(keys, at, at + len, b, start, end)) {
                recent[set] = (byte) way;
                last = m;
                lastSlot = slot;
                return values[slot];
            }
        }
        // a miss: replace the way used less recently, so that one-off addresses take turns in one way of a set
        // and a repeated address in the other survives them
        int way = 1 - recent[set];
        slot = (set << 1) + way;
        recent[set] = (byte) way;
        String s = new String(b, start, len, StandardCharsets.UTF_8);
        System.arraycopy(b, start, keys, slot * maxLength, len);
        long m = numbered(len, b, start, end);
        meta[slot] = m;
        values[slot] = s;
        last = m;
        lastSlot = slot;
        return s;
    }

    /**
     * As {@link #get}, for a flow's srcaddr or dstaddr: also asks the screen about the address the first time it is
     * read as one, so that {@link #passed()} tells its answer.
     */
    String getScreened(byte[] b, int start, int end) {
        String s = get(b, start, end);
        if ((last & SCREENED) == 0) {
            long number = number();
            long m = last | SCREENED | (number < 0 || screen == null || screen.mayMatch(number) ? PASSED : 0);
            last = m;
            if (lastSlot >= 0) {
                meta[lastSlot] = m;
            }
        }
        return s;
    }

    private static long numbered(int len, byte[] b, int start, int end) {
        return (Ipv4.parse(b, start, end) + 1) << NUMBER_SHIFT | len;
    }

    /** The IPv4 number of the last address asked for, or {@link Ipv4#NONE}. */
    long number() {
        return (last >>> NUMBER_SHIFT) - 1;
    }

    /** Whether the screen let the last screened address through (true without a screen, or when not IPv4). */
    boolean passed() {
        return (last & PASSED) != 0;
    }
}
