package dev.vigil.sim;

import java.util.SplittableRandom;

/** IPv4 text and numbers, CIDR membership, and the random "somewhere on the internet" addresses traffic uses. */
final class Addresses {

    /**
     * First octets never drawn for random internet hosts: private, shared, loopback, link-local, multicast and
     * reserved space, and the octets of the AWS prefixes the simulator uses ({@link AwsIpRanges}), so a random
     * client is never mistaken for an AWS service or an instance. 192, 198 and 203 hold the documentation and
     * benchmarking ranges the estate and the indicator sets use.
     */
    private static final boolean[] EXCLUDED_FIRST_OCTET = new boolean[256];

    static {
        for (int o : new int[] {0, 3, 10, 52, 100, 127, 169, 172, 192, 198, 203}) {
            EXCLUDED_FIRST_OCTET[o] = true;
        }
        for (int o = 224; o < 256; o++) {
            EXCLUDED_FIRST_OCTET[o] = true;
        }
    }

    private Addresses() {
    }

    static long toLong(String ip) {
        long v = 0;
        int part = 0;
        for (int i = 0; i < ip.length(); i++) {
            char c = ip.charAt(i);
            if (c == '.') {
                v = (v << 8) | part;
                part = 0;
            } else {
                part = part * 10 + (c - '0');
            }
        }
        return (v << 8) | part;
    }

    static String text(long v) {
        return ((v >>> 24) & 255) + "." + ((v >>> 16) & 255) + "." + ((v >>> 8) & 255) + "." + (v & 255);
    }

    static boolean inCidr(String ip, String cidr) {
        int slash = cidr.indexOf('/');
        int bits = Integer.parseInt(cidr.substring(slash + 1));
        long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        return (toLong(ip) & mask) == (toLong(cidr.substring(0, slash)) & mask);
    }

    /** A random public-looking address outside every range the simulation gives a meaning to. */
    static String internet(SplittableRandom random) {
        int first;
        do {
            first = 1 + random.nextInt(223);
        } while (EXCLUDED_FIRST_OCTET[first]);
        return first + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }
}
