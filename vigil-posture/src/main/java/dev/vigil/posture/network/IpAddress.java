package dev.vigil.posture.network;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 or IPv6 address as numbers, parsed once per question so that matching it against every rule of a group
 * costs a few shifts. IPv4 is {@code lo} (32 bits); IPv6 is {@code hi}:{@code lo} (128 bits).
 */
record IpAddress(boolean v6, long hi, long lo) {

    /** The address, or null when the text is none (names are never resolved). */
    static IpAddress parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            return null;
        }
        boolean colon = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex && c != ':' && c != '.') {
                return null;
            }
            colon |= c == ':';
        }
        return colon ? ipv6(text) : ipv4(text);
    }

    private static IpAddress ipv4(String text) {
        long value = 0;
        int octet = -1;
        int dots = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                octet = octet < 0 ? c - '0' : octet * 10 + (c - '0');
                if (octet > 255) {
                    return null;
                }
            } else if (c == '.' && octet >= 0 && dots < 3) {
                value = value << 8 | octet;
                octet = -1;
                dots++;
            } else {
                return null;
            }
        }
        return dots == 3 && octet >= 0 ? new IpAddress(false, 0, value << 8 | octet) : null;
    }

    private static IpAddress ipv6(String text) {
        byte[] b;
        try {
            // In brackets the text can only be read as an IPv6 literal: a malformed one fails, never a DNS query.
            b = InetAddress.getByName("[" + text + "]").getAddress();
        } catch (UnknownHostException | IllegalArgumentException e) {
            return null;
        }
        if (b.length == 4) { // ::ffff:a.b.c.d comes back as IPv4
            return new IpAddress(false, 0, ((b[0] & 0xffL) << 24) | ((b[1] & 0xffL) << 16) | ((b[2] & 0xffL) << 8)
                    | (b[3] & 0xffL));
        }
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 8; i++) {
            hi = hi << 8 | (b[i] & 0xffL);
            lo = lo << 8 | (b[i + 8] & 0xffL);
        }
        return new IpAddress(true, hi, lo);
    }
}
