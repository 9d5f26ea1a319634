package dev.vigil.model;

/**
 * IPv4 dotted-quad text as an unsigned 32-bit number, the one reading of it that flow-log readers and detections
 * share. Every octet is read as decimal, leading zeros included ({@code 010.0.0.1} is 10.0.0.1, never octal): a log
 * that writes an address oddly must not let it slip past a check that compares numbers. Text longer than 15
 * characters is never an address, which bounds the leading zeros. Anything else (IPv6, {@code -}, garbage, an octet
 * above 255, spaces…) is -1.
 */
public final class Ipv4 {

    /** Not IPv4 text. */
    public static final long NONE = -1;

    private Ipv4() {
    }

    /** The address, or {@link #NONE}; read as its characters' bytes would be (a character above 0x7F is none). */
    public static long parse(CharSequence s) {
        int n = s.length();
        if (n < 7 || n > 15) {
            return NONE;
        }
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c > 0x7f) {
                return NONE; // never truncated to a byte: U+0131 must not read as '1'
            }
            b[i] = (byte) c;
        }
        return parse(b, 0, n);
    }

    /** The address written in {@code b[start, end)} (ASCII), or {@link #NONE}; the same rules as the text form. */
    public static long parse(byte[] b, int start, int end) {
        int n = end - start;
        if (n < 7 || n > 15) {
            return NONE;
        }
        long value = 0;
        int octet = -1;
        int dots = 0;
        for (int i = start; i < end; i++) {
            int c = b[i];
            if (c >= '0' && c <= '9') {
                octet = octet < 0 ? c - '0' : octet * 10 + (c - '0');
                if (octet > 255) {
                    return NONE;
                }
            } else if (c == '.' && octet >= 0 && dots < 3) {
                value = (value << 8) | octet;
                octet = -1;
                dots++;
            } else {
                return NONE;
            }
        }
        return dots == 3 && octet >= 0 ? (value << 8) | octet : NONE;
    }
}
