package dev.vigil.formats.flowlog;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns short byte runs into Strings, handing back the same String for the same bytes while it stays cached.
 * Flow logs repeat the same few account ids, interface ids, VPC ids and addresses on line after line: reusing the
 * String saves an allocation and a copy per column, and lets everything downstream share one instance.
 * Direct-mapped and fixed in size, so it never grows with the input.
 */
final class TextCache {

    static final int SLOTS = 4096;
    static final int MAX_LENGTH = 64;

    private final byte[][] keys = new byte[SLOTS][];
    private final String[] values = new String[SLOTS];

    String get(byte[] b, int start, int end) {
        int len = end - start;
        if (len > MAX_LENGTH) {
            return new String(b, start, len, StandardCharsets.UTF_8);
        }
        int h = len;
        for (int i = start; i < end; i++) {
            h = 31 * h + b[i];
        }
        int slot = (h ^ (h >>> 15)) & (SLOTS - 1);
        byte[] k = keys[slot];
        if (k != null && Arrays.equals(k, 0, k.length, b, start, end)) {
            return values[slot];
        }
        String s = new String(b, start, len, StandardCharsets.UTF_8);
        keys[slot] = Arrays.copyOfRange(b, start, end);
        values[slot] = s;
        return s;
    }
}
