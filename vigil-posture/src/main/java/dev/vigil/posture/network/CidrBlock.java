package dev.vigil.posture.network;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 or IPv6 CIDR block from a security-group or network-ACL rule, and the membership test for a flow's
 * remote address. Text is parsed without name resolution: only digits, hex, dots and colons reach the parser.
 */
record CidrBlock(BigInteger base, int prefix, boolean v6) {

    /** The block, or null when the text is not a CIDR block (the rule is then ignored as unknown). */
    static CidrBlock parse(String text) {
        if (text == null) {
            return null;
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            return null;
        }
        byte[] bytes = address(text.substring(0, slash));
        int prefix;
        try {
            prefix = Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            return null;
        }
        if (bytes == null || prefix < 0 || prefix > bytes.length * 8) {
            return null;
        }
        return new CidrBlock(masked(new BigInteger(1, bytes), bytes.length * 8, prefix), prefix, bytes.length == 16);
    }

    /** Whether the address (IPv4 or IPv6 text) lies in the block; false for text that is no address. */
    boolean contains(String address) {
        byte[] bytes = address(address);
        if (bytes == null || (bytes.length == 16) != v6) {
            return false;
        }
        return masked(new BigInteger(1, bytes), bytes.length * 8, prefix).equals(base);
    }

    private static BigInteger masked(BigInteger value, int bits, int prefix) {
        return value.shiftRight(bits - prefix);
    }

    /** The address's bytes (4 or 16), or null. */
    static byte[] address(String text) {
        if (text.isEmpty() || text.length() > 45) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':'
                    || c == '.';
            if (!ok) {
                return null;
            }
        }
        if (text.indexOf(':') < 0) {
            return ipv4(text);
        }
        try {
            // In brackets the text can only be read as an IPv6 literal: a malformed one fails, never a DNS query.
            return InetAddress.getByName("[" + text + "]").getAddress();
        } catch (UnknownHostException | IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 3) {
                return null;
            }
            int v = Integer.parseInt(parts[i]);
            if (v > 255) {
                return null;
            }
            b[i] = (byte) v;
        }
        return b;
    }
}
