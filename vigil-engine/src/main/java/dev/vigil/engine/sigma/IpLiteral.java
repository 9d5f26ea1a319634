package dev.vigil.engine.sigma;

/**
 * Parses IPv4 and IPv6 address literals without any name lookup ({@link java.net.InetAddress} would resolve
 * host names, i.e. make a DNS query for a hostile log value). Every method returns a "no address" marker for
 * input that is not an address; none throws.
 */
final class IpLiteral {

    /** Marker for "not an IPv4 address". */
    static final long NOT_V4 = -1;

    private IpLiteral() {
    }

    /** The address as an unsigned 32-bit value, or {@link #NOT_V4}. Octets are decimal, at most three digits. */
    static long parseV4(CharSequence s) {
        return parseV4(s, 0, s.length());
    }

    static long parseV4(CharSequence s, int from, int to) {
        if (to - from < 7 || to - from > 15) {
            return NOT_V4;
        }
        long value = 0;
        int octets = 0;
        int i = from;
        while (i < to) {
            int digits = 0;
            int octet = 0;
            while (i < to && digits < 4) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    break;
                }
                octet = octet * 10 + (c - '0');
                digits++;
                i++;
            }
            if (digits == 0 || digits > 3 || octet > 255) {
                return NOT_V4;
            }
            value = (value << 8) | octet;
            octets++;
            if (i < to) {
                if (s.charAt(i) != '.' || octets == 4) {
                    return NOT_V4;
                }
                i++;
                if (i == to) {
                    return NOT_V4;
                }
            }
        }
        return octets == 4 ? value : NOT_V4;
    }

    /**
     * The address as {high 64 bits, low 64 bits}, or null. Accepts {@code ::} compression, a trailing dotted IPv4
     * part and ignores a {@code %zone} suffix.
     */
    static long[] parseV6(CharSequence s) {
        int end = s.length();
        for (int i = 0; i < end; i++) {
            if (s.charAt(i) == '%') {
                end = i;
                break;
            }
        }
        if (end < 2 || end > 45) {
            return null;
        }
        int[] groups = new int[8];
        int count = 0;
        int gapAt = -1;
        int i = 0;
        if (s.charAt(0) == ':') {
            if (s.charAt(1) != ':') {
                return null;
            }
            gapAt = 0;
            i = 2;
            if (i == end) {
                return new long[] {0, 0};
            }
        }
        while (i < end) {
            if (count == 8) {
                return null;
            }
            int start = i;
            int value = 0;
            while (i < end && i - start < 5) {
                int d = Character.digit(s.charAt(i), 16);
                if (d < 0) {
                    break;
                }
                value = (value << 4) | d;
                i++;
            }
            if (i < end && s.charAt(i) == '.') {
                // trailing IPv4 part takes the last two groups
                long v4 = parseV4(s, start, end);
                if (v4 == NOT_V4 || count > 6) {
                    return null;
                }
                groups[count++] = (int) (v4 >>> 16);
                groups[count++] = (int) (v4 & 0xFFFF);
                i = end;
                break;
            }
            if (i == start || i - start > 4) {
                return null;
            }
            groups[count++] = value;
            if (i == end) {
                break;
            }
            if (s.charAt(i) != ':') {
                return null;
            }
            i++;
            if (i < end && s.charAt(i) == ':') {
                if (gapAt >= 0) {
                    return null;
                }
                gapAt = count;
                i++;
            } else if (i == end) {
                return null;
            }
        }
        if (gapAt < 0 && count != 8) {
            return null;
        }
        if (gapAt >= 0) {
            if (count > 7) {
                return null;
            }
            int tail = count - gapAt;
            System.arraycopy(groups, gapAt, groups, 8 - tail, tail);
            for (int g = gapAt; g < 8 - tail; g++) {
                groups[g] = 0;
            }
        }
        long hi = 0;
        long lo = 0;
        for (int g = 0; g < 4; g++) {
            hi = (hi << 16) | groups[g];
            lo = (lo << 16) | groups[g + 4];
        }
        return new long[] {hi, lo};
    }
}
