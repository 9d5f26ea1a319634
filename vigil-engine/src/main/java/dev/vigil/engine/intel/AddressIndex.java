package dev.vigil.engine.intel;

/** Address lookup over the IPv4 and IPv6 indices: parses the text once, IPv4-mapped IPv6 goes to the IPv4 index. */
final class AddressIndex {

    private final Ipv4Index v4;
    private final Ipv6Index v6;

    AddressIndex(IndexBuilder.Built built) {
        this.v4 = built.v4();
        this.v6 = built.v6();
    }

    IntelMatch lookup(CharSequence address, long epochSeconds) {
        if (address == null) {
            return null;
        }
        int n = address.length();
        long v4address = IpText.parseIpv4(address, 0, n);
        if (v4address >= 0) {
            return v4.lookup(v4address, epochSeconds);
        }
        if (n < 2 || n > 45) {
            return null;
        }
        long[] words = new long[2];
        if (!IpText.parseIpv6(address, 0, n, words)) {
            return null;
        }
        if (IpText.isIpv4Mapped(words[0], words[1])) {
            return v4.lookup(words[1] & 0xFFFFFFFFL, epochSeconds);
        }
        return v6.lookup(words[0], words[1], epochSeconds);
    }
}
