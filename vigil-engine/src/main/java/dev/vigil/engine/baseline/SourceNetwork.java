package dev.vigil.engine.baseline;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The network a call came from, coarse enough that a principal's ordinary addresses repeat: an IPv4 address
 * becomes its /24, an IPv6 address its /48, and an AWS service calling on the principal's behalf
 * ({@code sourceIPAddress} is then a host name such as {@code athena.amazonaws.com}) stays that name.
 */
final class SourceNetwork {

    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)"
                    + "\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final Pattern SERVICE_NAME = Pattern.compile("[a-z0-9.-]{1,100}\\.amazonaws\\.com");

    /** What an unparseable or missing address becomes: one bucket, so junk cannot flood the value set. */
    static final String OTHER = "other";

    private SourceNetwork() {
    }

    static String of(String sourceIp) {
        String ip = sourceIp.strip();
        var v4 = IPV4.matcher(ip);
        if (v4.matches()) {
            return v4.group(1) + "." + v4.group(2) + "." + v4.group(3) + ".0/24";
        }
        if (ip.indexOf(':') >= 0 && IPV6_LITERAL.matcher(ip).matches()) {
            return ipv6Prefix(ip);
        }
        String lower = ip.toLowerCase(Locale.ROOT);
        return SERVICE_NAME.matcher(lower).matches() ? lower : OTHER;
    }

    private static String ipv6Prefix(String literal) {
        try {
            // a literal made only of hex digits, colons and dots is parsed, never looked up in DNS
            InetAddress a = InetAddress.getByName(literal);
            byte[] b = a.getAddress();
            if (b.length == 4) { // an IPv4-mapped literal (::ffff:192.0.2.1) is that IPv4 address
                return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + ".0/24";
            }
            if (!(a instanceof Inet6Address)) {
                return OTHER;
            }
            return String.format(Locale.ROOT, "%x:%x:%x::/48", ((b[0] & 0xff) << 8) | (b[1] & 0xff),
                    ((b[2] & 0xff) << 8) | (b[3] & 0xff), ((b[4] & 0xff) << 8) | (b[5] & 0xff));
        } catch (UnknownHostException e) {
            return OTHER;
        }
    }
}
