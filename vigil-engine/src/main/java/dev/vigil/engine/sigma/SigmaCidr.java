package dev.vigil.engine.sigma;

import java.util.Objects;
import java.util.Optional;

/**
 * A network from the {@code cidr} modifier, IPv4 ({@code 10.0.0.0/8}) or IPv6 ({@code 2001:db8::/32}). A bare
 * address means that single address. An IPv4 network also matches the IPv4-mapped IPv6 form
 * ({@code ::ffff:10.1.2.3}) some logs write.
 *
 * @param text   as written in the rule
 * @param ipv6   whether this is an IPv6 network
 * @param high   the first 64 bits of the network address (IPv4: 0)
 * @param low    the last 64 bits (IPv4: the address in the low 32 bits)
 * @param prefix prefix length
 */
public record SigmaCidr(String text, boolean ipv6, long high, long low, int prefix) implements SigmaValue {

    public SigmaCidr {
        Objects.requireNonNull(text, "text");
    }

    /** Parses {@code address[/prefix]}; host bits are cleared. */
    public static Optional<SigmaCidr> parse(String text) {
        String t = text.strip();
        int slash = t.indexOf('/');
        String address = slash < 0 ? t : t.substring(0, slash);
        int prefix;
        long v4 = IpLiteral.parseV4(address);
        boolean v6 = v4 == IpLiteral.NOT_V4;
        long[] a6 = v6 ? IpLiteral.parseV6(address) : null;
        if (v6 && a6 == null) {
            return Optional.empty();
        }
        int max = v6 ? 128 : 32;
        if (slash < 0) {
            prefix = max;
        } else {
            String p = t.substring(slash + 1);
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            prefix = Integer.parseInt(p);
            if (prefix > max) {
                return Optional.empty();
            }
        }
        if (!v6) {
            long mask = prefix == 0 ? 0 : (0xFFFF_FFFFL << (32 - prefix)) & 0xFFFF_FFFFL;
            return Optional.of(new SigmaCidr(text, false, 0, v4 & mask, prefix));
        }
        return Optional.of(new SigmaCidr(text, true, a6[0] & maskHigh(prefix), a6[1] & maskLow(prefix), prefix));
    }

    /** True when {@code address} is an IP address literal inside this network; false for anything else. */
    public boolean contains(CharSequence address) {
        boolean hasColon = false;
        for (int i = 0; i < address.length(); i++) {
            if (address.charAt(i) == ':') {
                hasColon = true;
                break;
            }
        }
        if (!hasColon) {
            if (ipv6) {
                return false;
            }
            long v4 = IpLiteral.parseV4(address);
            return v4 != IpLiteral.NOT_V4 && containsV4(v4);
        }
        long[] a = IpLiteral.parseV6(address);
        if (a == null) {
            return false;
        }
        if (!ipv6) {
            // IPv4-mapped IPv6 address ::ffff:a.b.c.d
            return a[0] == 0 && (a[1] >>> 32) == 0xFFFFL && containsV4(a[1] & 0xFFFF_FFFFL);
        }
        return (a[0] & maskHigh(prefix)) == high && (a[1] & maskLow(prefix)) == low;
    }

    private boolean containsV4(long v4) {
        long mask = prefix == 0 ? 0 : (0xFFFF_FFFFL << (32 - prefix)) & 0xFFFF_FFFFL;
        return (v4 & mask) == low;
    }

    private static long maskHigh(int prefix) {
        if (prefix >= 64) {
            return -1L;
        }
        return prefix == 0 ? 0 : -1L << (64 - prefix);
    }

    private static long maskLow(int prefix) {
        if (prefix <= 64) {
            return 0;
        }
        return prefix == 128 ? -1L : -1L << (128 - prefix);
    }

    @Override
    public String describe() {
        return "the network " + text;
    }
}
