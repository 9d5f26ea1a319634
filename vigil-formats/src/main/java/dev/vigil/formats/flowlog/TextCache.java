package dev.vigil.formats.flowlog;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns short byte runs into Strings, handing back the same String for the same bytes while it stays cached.
 * Flow logs repeat the same few account ids, interface ids, VPC ids and regions on line after line: reusing the
 * String saves an allocation and a copy per column, and lets everything downstream share one instance.
 * Direct-mapped and fixed in size (the keys live side by side in one array, so a lookup touches one cache line
 * of it), so it never grows with the input.
 */
final class TextCache {

    static final int SLOTS = 1024;
    static final int MAX_LENGTH = 64;

    private final int maxLength;
    private final int shift;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Slot i's key bytes are keys[i * maxLength, i * maxLength + lengths[i]). */
    private final byte[] keys;
    private final int[] lengths;
    private final String[] values;

    /** A cache of ids: {@link #SLOTS} slots of up to {@link #MAX_LENGTH} bytes. */
    TextCache() {
        this(SLOTS, MAX_LENGTH);
    }

    /** @param slots a power of two */
    TextCache(int slots, int maxLength) {
        this.maxLength = maxLength;
        this.shift = 64 - Integer.numberOfTrailingZeros(slots);
        this.keys = new byte[slots * maxLength];
        this.lengths = new int[slots];
        this.values = new String[slots];
    }

    /**
     * The slot of a byte run from its length and its first and last eight bytes (the whole of most ids):
     * constant time whatever the length; the bytes are compared in full on a hit anyway.
     */
    private int slot(byte[] b, int start, int len) {
        return slot(b, start, len, shift);
    }

    /** The slot of a byte run in a table of {@code 2^(64 - shift)} slots (shared with {@link AddressCache}). */
    static int slot(byte[] b, int start, int len, int shift) {
        long h;
        if (len >= 8) {
            h = (long) LONGS.get(b, start) * 0x9E3779B97F4A7C15L ^ (long) LONGS.get(b, start + len - 8);
        } else {
            h = 0;
            for (int i = start; i < start + len; i++) {
                h = h << 8 | (b[i] & 0xff);
            }
        }
        h = (h + len) * 0xC2B2AE3D27D4EB4FL;
        return shift == 64 ? 0 : (int) (h >>> shift); // the top bits: the best mixed (a table of one: slot 0)
    }

    String get(byte[] b, int start, int end) {
        int len = end - start;
        if (len > maxLength || len == 0) {
            return new String(b, start, len, StandardCharsets.UTF_8);
        }
        int slot = slot(b, start, len);
        int at = slot * maxLength;
        if (lengths[slot] == len && Arrays.equals(keys, at, at + len, b, start, end)) {
            return values[slot];
        }
        String s = new String(b, start, len, StandardCharsets.UTF_8);
        System.arraycopy(b, start, keys, at, len);
        lengths[slot] = len;
        values[slot] = s;
        return s;
    }
}
