package dev.vigil.posture.network;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;

/** The protocol and port range a security-group permission or network-ACL entry covers. */
record RuleProtocol(int protocol, int fromPort, int toPort) {

    static final int ALL = -1;
    static final int INVALID = -2;

    /**
     * @param protocol Config's text: {@code -1}/{@code all}, {@code tcp}, {@code udp}, {@code icmp}, {@code icmpv6}
     *                 or an IANA number
     */
    static RuleProtocol of(String protocol, JsonNode from, JsonNode to) {
        int p = number(protocol);
        int lo = from.isNumber() ? from.asInt() : -1;
        int hi = to.isNumber() ? to.asInt() : -1;
        if (lo < 0 || hi < 0 || hi > 65535) { // "all ports" is written as -1 or left out
            lo = 0;
            hi = 65535;
        }
        return new RuleProtocol(p, lo, hi);
    }

    private static int number(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "-1", "all" -> ALL;
            case "tcp" -> 6;
            case "udp" -> 17;
            case "icmp" -> 1;
            case "icmpv6" -> 58;
            default -> {
                try {
                    int n = Integer.parseInt(t);
                    yield n >= 0 && n <= 255 ? n : INVALID;
                } catch (NumberFormatException e) {
                    yield INVALID;
                }
            }
        };
    }

    /**
     * Whether a flow of this protocol to this local port is covered. Ports are compared for TCP and UDP only; for
     * ICMP the rule's type/code are not in flow logs, so any ICMP rule covers any ICMP flow (the allowing reading,
     * which can only hide a finding, never invent one).
     */
    boolean covers(int flowProtocol, int localPort) {
        if (protocol == INVALID) {
            return false;
        }
        if (protocol == ALL) {
            return true;
        }
        if (protocol != flowProtocol) {
            return false;
        }
        if (protocol == 6 || protocol == 17) {
            return localPort >= fromPort && localPort <= toPort;
        }
        return true;
    }
}
