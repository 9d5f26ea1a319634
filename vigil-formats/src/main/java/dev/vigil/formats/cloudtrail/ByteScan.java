package dev.vigil.formats.cloudtrail;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Scans of a record's bytes eight at a time (one long, SWAR), for the loops rules run on every event: finding the
 * end of a string and checking that a string is plain ASCII. Each answers exactly as the byte-by-byte loop would.
 */
final class ByteScan {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long QUOTES = ONES * '"';
    private static final long SLASHES = ONES * '\\';

    private ByteScan() {
    }

    /** Whether some byte of {@code w} equals the byte repeated in {@code pattern}. */
    private static boolean has(long w, long pattern) {
        long x = w ^ pattern;
        return ((x - ONES) & ~x & HIGHS) != 0;
    }

    /** Index of the first '"' or '\\' in {@code b[from, to)}, or {@code to}. */
    static int quoteOrBackslash(byte[] b, int from, int to) {
        int i = from;
        while (i + 8 <= to) {
            long w = (long) LONGS.get(b, i);
            if (has(w, QUOTES) || has(w, SLASHES)) {
                break;
            }
            i += 8;
        }
        while (i < to && b[i] != '"' && b[i] != '\\') {
            i++;
        }
        return i;
    }

    /** True when {@code b[from, to)} holds only ASCII bytes and no backslash. */
    static boolean plainAscii(byte[] b, int from, int to) {
        int i = from;
        while (i + 8 <= to) {
            long w = (long) LONGS.get(b, i);
            if ((w & HIGHS) != 0 || has(w, SLASHES)) {
                return false;
            }
            i += 8;
        }
        for (; i < to; i++) {
            if (b[i] < 0 || b[i] == '\\') {
                return false;
            }
        }
        return true;
    }
}
