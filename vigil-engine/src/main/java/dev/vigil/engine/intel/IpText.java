package dev.vigil.engine.intel;

/**
 * Reads and writes IP addresses without {@link java.net.InetAddress} (which would resolve host names and allocate):
 * the lookup path parses the addresses of millions of flows.
 *
 * <p>Strict on purpose, since every input is attacker-controlled: IPv4 is exactly four decimal parts 0–255 without
 * leading zeros ({@code 010.0.0.1} is octal to some tools and decimal to others, so it is refused); IPv6 follows RFC
 * 4291 text (hex groups, one {@code ::}, an IPv4 tail) without zone ids.
 */
final class IpText {

    /** Returned by {@link #parseIpv4} for text that is not an IPv4 address. */
    static final long NOT_IPV4 = -1;

    private IpText() {
    }

    /** The address as an unsigned 32-bit value in a long, or {@link #NOT_IPV4}. Allocates nothing. */
    static long parseIpv4(CharSequence s, int from, int to) {
        if (to - from < 7 || to - from > 15) {
            return NOT_IPV4;
        }
        long value = 0;
        int part = 0;
        int digits = 0;
        int parts = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (digits > 0 && part == 0) {
                    return NOT_IPV4; // leading zero
                }
                part = part * 10 + (c - '0');
                if (part > 255) {
                    return NOT_IPV4;
                }
                digits++;
            } else if (c == '.') {
                if (digits == 0 || parts == 3) {
                    return NOT_IPV4;
                }
                value = (value << 8) | part;
                parts++;
                part = 0;
                digits = 0;
            } else {
                return NOT_IPV4;
            }
        }
        if (digits == 0 || parts != 3) {
            return NOT_IPV4;
        }
        return (value << 8) | part;
    }

    static long parseIpv4(CharSequence s) {
        return parseIpv4(s, 0, s.length());
    }

    /**
     * Parses IPv6 text into {@code out[0]} (high 64 bits) and {@code out[1]} (low 64 bits).
     *
     * @return false when the text is not an IPv6 address (out is then unspecified)
     */
    static boolean parseIpv6(CharSequence s, int from, int to, long[] out) {
        if (to - from < 2 || to - from > 45) {
            return false;
        }
        int[] groups = new int[8];
        int count = 0;
        int gap = -1; // index in groups where "::" stands
        int i = from;
        if (s.charAt(i) == ':') {
            if (s.charAt(i + 1) != ':') {
                return false;
            }
            gap = 0;
            i += 2;
            if (i == to) {
                out[0] = 0;
                out[1] = 0;
                return true;
            }
        }
        while (i < to) {
            int start = i;
            int value = 0;
            while (i < to && i - start < 5) {
                int d = Character.digit(s.charAt(i), 16);
                if (d < 0 || s.charAt(i) > 'f') {
                    break;
                }
                value = (value << 4) | d;
                i++;
            }
            if (i < to && s.charAt(i) == '.') {
                // an IPv4 tail: the last 32 bits
                long v4 = parseIpv4(s, start, to);
                if (v4 < 0 || count > 6) {
                    return false;
                }
                groups[count++] = (int) (v4 >>> 16);
                groups[count++] = (int) (v4 & 0xFFFF);
                i = to;
                break;
            }
            int len = i - start;
            if (len == 0 || len > 4 || count == 8) {
                return false;
            }
            groups[count++] = value;
            if (i == to) {
                break;
            }
            if (s.charAt(i) != ':') {
                return false;
            }
            i++;
            if (i < to && s.charAt(i) == ':') {
                if (gap >= 0) {
                    return false;
                }
                gap = count;
                i++;
                if (i == to) {
                    break;
                }
            } else if (i == to) {
                return false; // trailing single colon
            }
        }
        if (gap < 0 && count != 8 || gap >= 0 && count > 7) {
            return false;
        }
        int[] full = new int[8];
        if (gap < 0) {
            System.arraycopy(groups, 0, full, 0, 8);
        } else {
            System.arraycopy(groups, 0, full, 0, gap);
            int tail = count - gap;
            System.arraycopy(groups, gap, full, 8 - tail, tail);
        }
        out[0] = ((long) full[0] << 48) | ((long) full[1] << 32) | ((long) full[2] << 16) | full[3];
        out[1] = ((long) full[4] << 48) | ((long) full[5] << 32) | ((long) full[6] << 16) | full[7];
        return true;
    }

    /** True for {@code ::ffff:a.b.c.d}, the IPv4-mapped form; its low 32 bits are then the IPv4 address. */
    static boolean isIpv4Mapped(long high, long low) {
        return high == 0 && (low >>> 32) == 0xFFFFL;
    }

    /** Throws unless the value is an IPv4 address as an unsigned 32-bit value (what {@link #parseIpv4} gives). */
    static void checkIpv4(long address) {
        if ((address >>> 32) != 0) {
            throw new IllegalArgumentException("an IPv4 address is 0 to 0xFFFFFFFF, was " + address);
        }
    }

    static String ipv4(long value) {
        return ((value >>> 24) & 0xFF) + "." + ((value >>> 16) & 0xFF) + "." + ((value >>> 8) & 0xFF) + "."
                + (value & 0xFF);
    }

    /** RFC 5952 text: lowercase, leading zeros dropped, the longest run of two or more zero groups as {@code ::}. */
    static String ipv6(long high, long low) {
        int[] g = new int[8];
        for (int k = 0; k < 4; k++) {
            g[k] = (int) ((high >>> (48 - 16 * k)) & 0xFFFF);
            g[k + 4] = (int) ((low >>> (48 - 16 * k)) & 0xFFFF);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int k = 0; k < 8; ) {
            if (g[k] != 0) {
                k++;
                continue;
            }
            int start = k;
            while (k < 8 && g[k] == 0) {
                k++;
            }
            if (k - start > bestLen) {
                bestStart = start;
                bestLen = k - start;
            }
        }
        StringBuilder sb = new StringBuilder(39);
        for (int k = 0; k < 8; k++) {
            if (k == bestStart) {
                sb.append("::");
                k += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[k]));
        }
        return sb.toString();
    }
}
