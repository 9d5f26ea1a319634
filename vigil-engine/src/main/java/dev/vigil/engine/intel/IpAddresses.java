package dev.vigil.engine.intel;

/**
 * Address facts other packages need without a full indicator set: whether text is an IP address, its canonical
 * spelling, and whether it is private or reserved (never "on the internet").
 */
public final class IpAddresses {

    private IpAddresses() {
    }

    /**
     * IPv4 text (strict dotted quad) as an unsigned 32-bit value, for {@link IpReputation#lookupIpv4}; -1 for anything
     * else (IPv6, host names, "-", garbage).
     */
    public static long ipv4(CharSequence text) {
        return text == null ? -1 : IpText.parseIpv4(text, 0, text.length());
    }

    /** True for IPv4 or IPv6 text (strict, see the intel docs); false for host names, "-", garbage. */
    public static boolean isAddress(CharSequence text) {
        return canonical(text) != null;
    }

    /**
     * The address in one spelling: IPv4 dotted quad (also for the IPv4-mapped IPv6 form), IPv6 per RFC 5952
     * (lowercase, shortest); null when the text is not an address. Two spellings of one address give equal strings.
     */
    public static String canonical(CharSequence text) {
        if (text == null) {
            return null;
        }
        int n = text.length();
        long v4 = IpText.parseIpv4(text, 0, n);
        if (v4 >= 0) {
            return text.toString();
        }
        long[] w = new long[2];
        if (n > 45 || !IpText.parseIpv6(text, 0, n, w)) {
            return null;
        }
        return IpText.isIpv4Mapped(w[0], w[1]) ? IpText.ipv4(w[1] & 0xFFFFFFFFL) : IpText.ipv6(w[0], w[1]);
    }

    /**
     * True for addresses that cannot be a caller on the internet: RFC 1918, shared (100.64.0.0/10), loopback,
     * link-local, "this network" (0.0.0.0/8), multicast and reserved (224.0.0.0/3) for IPv4; loopback, unspecified,
     * unique-local (fc00::/7), link-local (fe80::/10) and multicast (ff00::/8) for IPv6. CloudTrail shows such an
     * address when a call came through a VPC endpoint.
     */
    public static boolean isPrivateOrReserved(CharSequence text) {
        int n = text.length();
        long v4 = IpText.parseIpv4(text, 0, n);
        long[] w = new long[2];
        if (v4 < 0) {
            if (n > 45 || !IpText.parseIpv6(text, 0, n, w)) {
                return false;
            }
            if (IpText.isIpv4Mapped(w[0], w[1])) {
                v4 = w[1] & 0xFFFFFFFFL;
            } else {
                int top = (int) (w[0] >>> 48);
                return w[0] == 0 && (w[1] == 0 || w[1] == 1) || (top & 0xFE00) == 0xFC00 || (top & 0xFFC0) == 0xFE80
                        || (top & 0xFF00) == 0xFF00;
            }
        }
        int a = (int) (v4 >>> 24);
        int b = (int) ((v4 >>> 16) & 0xFF);
        return a == 10 || a == 127 || a == 0 || a >= 224 || a == 172 && (b & 0xF0) == 16 || a == 192 && b == 168
                || a == 169 && b == 254 || a == 100 && (b & 0xC0) == 64;
    }
}
