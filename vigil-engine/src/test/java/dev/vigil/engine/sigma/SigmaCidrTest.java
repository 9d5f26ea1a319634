package dev.vigil.engine.sigma;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SigmaCidrTest {

    private static SigmaCidr cidr(String text) {
        return SigmaCidr.parse(text).orElseThrow();
    }

    @Test
    void ipv4Networks() {
        SigmaCidr net = cidr("10.0.0.0/8");
        assertThat(net.contains("10.255.1.2")).isTrue();
        assertThat(net.contains("11.0.0.1")).isFalse();
        assertThat(cidr("192.168.1.128/25").contains("192.168.1.127")).isFalse();
        assertThat(cidr("192.168.1.128/25").contains("192.168.1.200")).isTrue();
        assertThat(cidr("0.0.0.0/0").contains("203.0.113.9")).isTrue();
        assertThat(cidr("203.0.113.9").contains("203.0.113.9")).as("bare address").isTrue();
        assertThat(cidr("203.0.113.9").contains("203.0.113.10")).isFalse();
        assertThat(cidr("10.1.2.3/8").contains("10.9.9.9")).as("host bits cleared").isTrue();
    }

    @Test
    void ipv6Networks() {
        SigmaCidr net = cidr("2001:db8::/32");
        assertThat(net.contains("2001:db8:1234::1")).isTrue();
        assertThat(net.contains("2001:DB8::")).isTrue();
        assertThat(net.contains("2001:db9::1")).isFalse();
        assertThat(net.contains("10.0.0.1")).isFalse();
        assertThat(cidr("::/0").contains("fe80::1%eth0")).isTrue();
        assertThat(cidr("::1/128").contains("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(cidr("2001:db8::/127").contains("2001:db8::1")).isTrue();
        assertThat(cidr("2001:db8::/127").contains("2001:db8::2")).isFalse();
        assertThat(cidr("fd00::/8").contains("fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")).isTrue();
    }

    @Test
    void ipv4NetworksMatchIpv4MappedAddresses() {
        assertThat(cidr("10.0.0.0/8").contains("::ffff:10.1.2.3")).isTrue();
        assertThat(cidr("10.0.0.0/8").contains("::ffff:11.1.2.3")).isFalse();
    }

    @Test
    void notAddressesNeverMatchAndNeverThrow() {
        SigmaCidr v4 = cidr("0.0.0.0/0");
        SigmaCidr v6 = cidr("::/0");
        for (String junk : new String[] {"", "cloudtrail.amazonaws.com", "AWS Internal", "1.2.3", "1.2.3.4.5", "256.1.1.1",
                "1.2.3.4/8", ":::", "1::2::3", "12345::", "g::1", "1:2:3:4:5:6:7:8:9", "::ffff:1.2.3.999",
                "1.2.3.-4", "..", "x".repeat(100_000), "1.2.3.4\u0000"}) {
            assertThat(v4.contains(junk)).as("v4 %s", junk.length() > 30 ? "long" : junk).isFalse();
            assertThat(v6.contains(junk)).as("v6 %s", junk.length() > 30 ? "long" : junk).isFalse();
        }
    }

    @Test
    void invalidNetworksDoNotParse() {
        for (String bad : new String[] {"10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/x", "host.example", "10.0.0/8", ""}) {
            assertThat(SigmaCidr.parse(bad)).as(bad).isEmpty();
        }
    }
}
