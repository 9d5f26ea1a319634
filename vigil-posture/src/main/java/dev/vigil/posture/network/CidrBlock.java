package dev.vigil.posture.network;

/** An IPv4 or IPv6 CIDR block from a security-group or network-ACL rule. */
record CidrBlock(IpAddress base, int prefix) {

    /** The block, or null when the text is not a CIDR block. */
    static CidrBlock parse(String text) {
        if (text == null) {
            return null;
        }
        int slash = text.indexOf('/');
        if (slash < 0 || slash == text.length() - 1 || text.length() - slash > 4) {
            return null;
        }
        IpAddress base = IpAddress.parse(text.substring(0, slash));
        int prefix = 0;
        for (int i = slash + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            prefix = prefix * 10 + (c - '0');
        }
        if (base == null || prefix > (base.v6() ? 128 : 32)) {
            return null;
        }
        return new CidrBlock(base, prefix);
    }

    boolean contains(IpAddress a) {
        if (a.v6() != base.v6()) {
            return false;
        }
        if (prefix == 0) {
            return true;
        }
        if (!a.v6()) {
            return ((a.lo() ^ base.lo()) >>> (32 - prefix)) == 0;
        }
        if (prefix <= 64) {
            return ((a.hi() ^ base.hi()) >>> (64 - prefix)) == 0;
        }
        return a.hi() == base.hi() && ((a.lo() ^ base.lo()) >>> (128 - prefix)) == 0;
    }
}
