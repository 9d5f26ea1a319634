package dev.vigil.engine.network;

import dev.vigil.model.Ipv4;

/**
 * Reads flow-log addresses without allocating: IPv4 text to an int, and whether an address belongs to a private
 * network (the instance's side of a flow) or to the internet.
 */
final class Addresses {

    /** Not an address (empty, {@code -}, garbage). */
    static final int INVALID = 0;
    /** RFC 1918, RFC 6598 shared space, loopback, link-local, IPv6 ULA fc00::/7 and fe80::/10, multicast. */
    static final int PRIVATE = 1;
    /** Everything else: a host on the internet. */
    static final int PUBLIC = 2;

    private Addresses() {
    }

    /** The IPv4 address as an unsigned 32-bit value, or -1 when the text is not dotted-quad IPv4 ({@link Ipv4}). */
    static long ipv4(CharSequence s) {
        return Ipv4.parse(s);
    }

    /** {@link #PRIVATE}, {@link #PUBLIC} or {@link #INVALID}. */
    static int classify(String s) {
        long v4 = ipv4(s);
        if (v4 >= 0) {
            return classifyV4(v4);
        }
        return classifyV6(s);
    }

    static int classifyV4(long a) {
        long first = a >>> 24;
        long second = (a >>> 16) & 0xff;
        if (a == 0) {
            return INVALID;
        }
        boolean special = first == 10 || first == 127 || first == 0 || first >= 224
                || (first == 172 && second >= 16 && second <= 31)
                || (first == 192 && second == 168)
                || (first == 169 && second == 254)
                || (first == 100 && second >= 64 && second <= 127);
        return special ? PRIVATE : PUBLIC;
    }

    static int classifyV6(String s) {
        int colon = s.indexOf(':');
        if (colon < 0 || s.length() > 45) {
            return INVALID;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':'
                    || c == '.';
            if (!ok) {
                return INVALID;
            }
        }
        int lastColon = s.lastIndexOf(':');
        if (s.regionMatches(true, 0, "::ffff:", 0, 7) && s.indexOf('.') > 0) {
            long mapped = ipv4(s.substring(lastColon + 1));
            return mapped < 0 ? INVALID : classifyV4(mapped);
        }
        if (s.equals("::") || s.equals("::1")) {
            return PRIVATE;
        }
        if (colon == 0) {
            return PUBLIC;
        }
        int hextet = Integer.parseInt(s, 0, colon, 16);
        boolean special = (hextet & 0xfe00) == 0xfc00      // ULA fc00::/7
                || (hextet & 0xffc0) == 0xfe80             // link-local fe80::/10
                || (hextet & 0xff00) == 0xff00;            // multicast
        return special ? PRIVATE : PUBLIC;
    }

    /**
     * A number standing for a host in sets of distinct hosts: the IPv4 value, or for IPv6 a 64-bit hash of the
     * text with the top bit set (so it never equals an IPv4 value). Flow logs write IPv6 in one canonical form.
     */
    static long hostId(String s) {
        return hostId(s, ipv4(s));
    }

    /** {@link #hostId(String)} when the IPv4 value ({@link #ipv4}, or -1) is already known. */
    static long hostId(String s, long v4) {
        if (v4 >= 0) {
            return v4;
        }
        long h = 1125899906842597L;
        for (int i = 0; i < s.length(); i++) {
            h = 31 * h + Character.toLowerCase(s.charAt(i));
        }
        return h | Long.MIN_VALUE;
    }

    /** The text for a host id, for summaries: IPv4 dotted quad; IPv6 ids cannot be turned back and give "". */
    static String text(long hostId) {
        if (hostId < 0 || hostId > 0xffffffffL) {
            return "";
        }
        return (hostId >>> 24) + "." + ((hostId >>> 16) & 0xff) + "." + ((hostId >>> 8) & 0xff) + "." + (hostId & 0xff);
    }
}
