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
 * through", bits 16–48 the IPv4 number + 1 (0: not IPv4). Direct-mapped, fixed in size. Not thread-safe.
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
    private AddressScreen screen;
    /** The meta word of the last address asked for, and its slot (-1: too long to cache). */
    private long last;
    private int lastSlot;

    /** @param slots a power of two; {@code maxLength} at most 255 */
    AddressCache(int slots, int maxLength) {
        if (maxLength > 255) {
            throw new IllegalArgumentException("maxLength must fit the length byte, was " + maxLength);
        }
        this.maxLength = maxLength;
        this.shift = 64 - Integer.numberOfTrailingZeros(slots);
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

    AddressScreen screen() {
        return screen;
    }

    /** The text of {@code b[start, end)}; {@link #number()} then tells its IPv4 number. */
    String get(byte[] b, int start, int end) {
        int len = end - start;
        if (len > maxLength || len == 0) {
            last = numbered(0, b, start, end);
            lastSlot = -1;
            return new String(b, start, len, StandardCharsets.UTF_8);
        }
        int slot = TextCache.slot(b, start, len, shift);
        int at = slot * maxLength;
        long m = meta[slot];
        lastSlot = slot;
        if ((int) (m & 0xff) == len && Arrays.equals(keys, at, at + len, b, start, end)) {
            last = m;
            return values[slot];
        }
        String s = new String(b, start, len, StandardCharsets.UTF_8);
        System.arraycopy(b, start, keys, at, len);
        m = numbered(len, b, start, end);
        meta[slot] = m;
        values[slot] = s;
        last = m;
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
