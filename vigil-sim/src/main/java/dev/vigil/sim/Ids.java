package dev.vigil.sim;

import java.util.SplittableRandom;

/**
 * Makes the identifiers AWS puts in records (event ids, request ids, access key ids, principal ids) from a
 * seeded random source, so the same seed yields the same ids.
 *
 * <p>Not thread-safe: each generator owns its instance.
 */
final class Ids {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final char[] UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
    /** AWS key and principal ids use base32-like upper-case letters and the digits 2-7. */
    private static final char[] KEY_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final char[] ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final char[] LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final SplittableRandom random;

    Ids(long seed) {
        this.random = new SplittableRandom(seed);
    }

    SplittableRandom random() {
        return random;
    }

    /** A random (version 4) UUID in lower case, the form of {@code eventID} and most {@code requestID}s. */
    String uuid() {
        long hi = random.nextLong();
        long lo = random.nextLong();
        hi = (hi & ~0xF000L) | 0x4000L;                   // version 4
        lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        char[] c = new char[36];
        int p = 0;
        for (int i = 15; i >= 0; i--) {
            if (i == 7 || i == 3) {
                c[p++] = '-';
            }
            c[p++] = HEX[(int) ((hi >>> (i * 4)) & 0xF)];
        }
        c[p++] = '-';
        for (int i = 15; i >= 0; i--) {
            if (i == 11) {
                c[p++] = '-';
            }
            c[p++] = HEX[(int) ((lo >>> (i * 4)) & 0xF)];
        }
        return new String(c);
    }

    String hex(int length) {
        return pick(HEX, length);
    }

    String upperAlnum(int length) {
        return pick(UPPER_ALNUM, length);
    }

    String alnum(int length) {
        return pick(ALNUM, length);
    }

    String lowerAlnum(int length) {
        return pick(LOWER_ALNUM, length);
    }

    String digits(int length) {
        char[] c = new char[length];
        for (int i = 0; i < length; i++) {
            c[i] = (char) ('0' + random.nextInt(10));
        }
        return new String(c);
    }

    /** Long-term ({@code AKIA…}) or temporary ({@code ASIA…}) access key id: 20 characters. */
    String accessKeyId(boolean longTerm) {
        return (longTerm ? "AKIA" : "ASIA") + pick(KEY_CHARS, 16);
    }

    /** Unique id of an IAM user ({@code AIDA…}) or role ({@code AROA…}): 21 characters. */
    String principalId(boolean role) {
        return (role ? "AROA" : "AIDA") + pick(KEY_CHARS, 17);
    }

    /** S3 request ids are 16 upper-case alphanumerics rather than UUIDs. */
    String s3RequestId() {
        return pick(UPPER_ALNUM, 16);
    }

    private String pick(char[] alphabet, int length) {
        char[] c = new char[length];
        for (int i = 0; i < length; i++) {
            c[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return new String(c);
    }

    /**
     * SplitMix64 finaliser over several values: derives independent, reproducible seeds for things that must
     * not depend on generation order (a file's unique name, a role session's key).
     */
    static long mix(long... values) {
        long h = 0x9E3779B97F4A7C15L;
        for (long v : values) {
            h ^= v;
            h += 0x9E3779B97F4A7C15L;
            h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
            h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
            h ^= h >>> 31;
        }
        return h;
    }
}
