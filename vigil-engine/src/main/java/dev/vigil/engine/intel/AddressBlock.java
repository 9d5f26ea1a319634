package dev.vigil.engine.intel;

/**
 * One listed address or CIDR block as a closed range. IPv4 blocks use only the low words (0 … 2³²−1); an
 * IPv4-mapped IPv6 block ({@code ::ffff:198.51.100.0/120}) is stored as the IPv4 block it means, so that both
 * spellings of an address find it.
 *
 * @param ipv6   true for an IPv6 block
 * @param prefix the prefix length (32 or 128 for a single address)
 */
record AddressBlock(boolean ipv6, long firstHigh, long firstLow, long lastHigh, long lastLow, int prefix) {

    /** Thrown for text that is not an address or block; the message says what is wrong, the reason is stable. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;
        private final String reason;

        Invalid(String reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }

    /**
     * Reads {@code a.b.c.d}, {@code a.b.c.d/n}, IPv6 and {@code ipv6/n}. Host bits set under the prefix
     * ({@code 203.0.113.5/24}) are cleared, as ipset and firewalls do. A /0 block is refused: it would make every
     * address a match (see docs/threat-intel.md).
     */
    static AddressBlock parse(String text) throws Invalid {
        int slash = text.indexOf('/');
        int end = slash < 0 ? text.length() : slash;
        int prefix = -1;
        if (slash >= 0) {
            String p = text.substring(slash + 1);
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new Invalid("invalid-cidr", "'" + SetLoad.clean(text) + "' has no valid prefix length after '/'");
            }
            prefix = Integer.parseInt(p);
        }
        long v4 = IpText.parseIpv4(text, 0, end);
        if (v4 >= 0) {
            return ipv4Block(text, v4, prefix < 0 ? 32 : prefix);
        }
        long[] v6 = new long[2];
        if (text.indexOf(':') >= 0 && IpText.parseIpv6(text, 0, end, v6)) {
            int bits = prefix < 0 ? 128 : prefix;
            if (bits > 128) {
                throw new Invalid("invalid-cidr", "'" + SetLoad.clean(text) + "': an IPv6 prefix is at most /128");
            }
            if (IpText.isIpv4Mapped(v6[0], v6[1]) && bits >= 96) {
                return ipv4Block(text, v6[1] & 0xFFFFFFFFL, bits - 96);
            }
            if (bits == 0) {
                throw everything(text);
            }
            long maskHigh = bits >= 64 ? -1L : -1L << (64 - bits);
            long maskLow = bits <= 64 ? 0 : bits == 128 ? -1L : -1L << (128 - bits);
            return new AddressBlock(true, v6[0] & maskHigh, v6[1] & maskLow, v6[0] | ~maskHigh, v6[1] | ~maskLow,
                    bits);
        }
        throw new Invalid("invalid-address", "'" + SetLoad.clean(text)
                + "' is not an IPv4 or IPv6 address or CIDR block");
    }

    private static AddressBlock ipv4Block(String text, long value, int bits) throws Invalid {
        if (bits > 32) {
            throw new Invalid("invalid-cidr", "'" + SetLoad.clean(text) + "': an IPv4 prefix is at most /32");
        }
        if (bits == 0) {
            throw everything(text);
        }
        long mask = (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        return new AddressBlock(false, 0, value & mask, 0, (value & mask) | (~mask & 0xFFFFFFFFL), bits);
    }

    private static Invalid everything(String text) {
        return new Invalid("covers-everything", "'" + SetLoad.clean(text)
                + "' covers every address and would match all traffic;"
                + " list the networks you mean instead");
    }
}
