package dev.vigil.engine.intel;

import dev.vigil.model.AddressScreen;

/** Address lookup over the IPv4 and IPv6 indices: parses the text once, IPv4-mapped IPv6 goes to the IPv4 index. */
final class AddressIndex {

    private final Ipv4Index v4;
    private final Ipv6Index v6;
    private final AddressScreen screen;

    AddressIndex(IndexBuilder.Built built) {
        this.v4 = built.v4();
        this.v6 = built.v6();
        this.screen = new AddressScreen("threat-intel IPv4 index", address -> v4.intervalOf(address) >= 0);
    }

    /**
     * A screen for flow-log readers, one per index (records tell screens apart by identity): an address passes when
     * some indicator covers it at some time — exactly, not just the first level's /24 — since a reader asks once
     * per distinct address and every pass costs a lookup per record afterwards.
     */
    AddressScreen ipv4Screen() {
        return screen;
    }

    Ipv4Index v4() {
        return v4;
    }

    IntelMatch lookup(CharSequence address, long epochSeconds) {
        if (address == null) {
            return null;
        }
        long v4address = IpText.parseIpv4(address, 0, address.length());
        if (v4address >= 0) {
            return v4.lookup(v4address, epochSeconds);
        }
        long[] words = new long[2];
        long mapped = parseIpv6(address, words);
        if (mapped >= 0) {
            return v4.lookup(mapped, epochSeconds);
        }
        return mapped == IPV6 ? v6.lookup(words[0], words[1], epochSeconds) : null;
    }

    IntelMatch lookupIpv6(long[] words, long epochSeconds) {
        return v6.lookup(words[0], words[1], epochSeconds);
    }

    /** What {@link #parseIpv6} returns for IPv6 text that is not IPv4-mapped; the words then hold the address. */
    static final long IPV6 = -2;

    /**
     * Reads text that is not dotted IPv4: the IPv4 address for the IPv4-mapped form ({@code ::ffff:a.b.c.d}, which
     * matches IPv4 indicators), {@link #IPV6} for other IPv6 text (then in {@code words}: high, low), or
     * {@link IpText#NOT_IPV4} for anything else.
     */
    static long parseIpv6(CharSequence address, long[] words) {
        int n = address.length();
        if (n < 2 || n > 45 || !IpText.parseIpv6(address, 0, n, words)) {
            return IpText.NOT_IPV4;
        }
        return IpText.isIpv4Mapped(words[0], words[1]) ? words[1] & 0xFFFFFFFFL : IPV6;
    }
}
