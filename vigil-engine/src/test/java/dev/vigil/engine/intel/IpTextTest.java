package dev.vigil.engine.intel;

import dev.vigil.model.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Address parsing, blocks and rendering, against java.net where it agrees with the strict rules. */
class IpTextTest {

    @Test
    void ipv4IsStrict() {
        assertThat(IpText.parseIpv4("0.0.0.0")).isZero();
        assertThat(IpText.parseIpv4("255.255.255.255")).isEqualTo(0xFFFFFFFFL);
        assertThat(IpText.parseIpv4("198.51.100.7")).isEqualTo(0xC6336407L);
        for (String bad : new String[]{"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1..2.3", ".1.2.3",
                "1.2.3.", "1.2.3.4 ", " 1.2.3.4", "1.2.3.-4", "1.2.3.4/32", "a.b.c.d", "1.2.3.4444",
                "0x1.2.3.4", "1.2.3.٤"}) {
            assertThat(IpText.parseIpv4(bad)).as("'%s'", bad).isEqualTo(IpText.NOT_IPV4);
        }
    }

    @Test
    void ipv6FollowsRfc4291AndRendersRfc5952() throws Exception {
        long[] w = new long[2];
        String[][] cases = {
                {"::", "::"}, {"::1", "::1"}, {"2001:db8::", "2001:db8::"},
                {"2001:0DB8:0000:0000:0000:ff00:0042:8329", "2001:db8::ff00:42:8329"},
                {"1:0:0:2:0:0:0:3", "1:0:0:2::3"}, {"1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8"},
                {"::ffff:192.0.2.1", "::ffff:c000:201"}, {"64:ff9b::198.51.100.7", "64:ff9b::c633:6407"},
                {"1::2:0:0:3", "1::2:0:0:3"}, {"0:0:1::", "0:0:1::"}};
        for (String[] c : cases) {
            assertThat(IpText.parseIpv6(c[0], 0, c[0].length(), w)).as(c[0]).isTrue();
            assertThat(IpText.ipv6(w[0], w[1])).as(c[0]).isEqualTo(c[1]);
            byte[] b = java.net.InetAddress.getByName(c[0]).getAddress();
            if (b.length == 16) {
                assertThat(w[0]).isEqualTo(java.nio.ByteBuffer.wrap(b).getLong(0));
                assertThat(w[1]).isEqualTo(java.nio.ByteBuffer.wrap(b).getLong(8));
            }
        }
        for (String bad : new String[]{":", ":::", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::", "1:2:3:4:5:6:7",
                "::g", "fe80::1%eth0", "1:2:3:4:5:6:7:1.2.3.4", "::1.2.3", ":1::", "1::2:"}) {
            assertThat(IpText.parseIpv6(bad, 0, bad.length(), w)).as("'%s'", bad).isFalse();
        }
    }

    @Test
    void randomIpv4RoundTrips() {
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 100_000; i++) {
            long a = r.nextLong(1L << 32);
            assertThat(IpText.parseIpv4(IpText.ipv4(a))).isEqualTo(a);
        }
    }

    @Test
    void blocksClearHostBitsAndRefuseEverything() throws AddressBlock.Invalid {
        AddressBlock b = AddressBlock.parse("203.0.113.77/24");
        assertThat(b.firstLow()).isEqualTo(0xCB007100L);
        assertThat(b.lastLow()).isEqualTo(0xCB0071FFL);
        assertThat(AddressBlock.parse("2001:db8::1/127").lastLow()).isEqualTo(1L);
        assertThat(AddressBlock.parse("::/1").lastHigh()).isEqualTo(Long.MAX_VALUE);
        AddressBlock mapped = AddressBlock.parse("::ffff:a00:0/104");
        assertThat(mapped.ipv6()).as("an IPv4-mapped block is the IPv4 block 10.0.0.0/8").isFalse();
        assertThat(mapped.prefix()).isEqualTo(8);
        for (String bad : new String[]{"0.0.0.0/0", "::/0", "1.2.3.4/33", "::/129", "1.2.3.4/", "1.2.3.4/-1",
                "1.2.3.4/24x", "1.2.3/24", "1.2.3.4/0024", "::ffff:0:0/96"}) {
            assertThatThrownBy(() -> AddressBlock.parse(bad)).as(bad).isInstanceOf(AddressBlock.Invalid.class);
        }
        assertThatThrownBy(() -> AddressBlock.parse("0.0.0.0/0")).hasMessageContaining("every address");
    }

    @Test
    void canonicalSpellingAndPrivateRanges() {
        assertThat(IpAddresses.canonical("2001:DB8:0::1")).isEqualTo("2001:db8::1");
        assertThat(IpAddresses.canonical("::ffff:198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(IpAddresses.canonical("ec2.amazonaws.com")).isNull();
        assertThat(IpAddresses.ipv4("198.51.100.7")).isEqualTo(0xC6336407L);
        assertThat(IpAddresses.ipv4("255.255.255.255")).isEqualTo(0xFFFFFFFFL);
        for (String notIpv4 : new String[]{null, "", "-", "2001:db8::1", "1.2.3", "1.2.3.4.5", "256.1.1.1",
                "1.2.3.4 ", "<b>1.2.3.4</b>", "1.2.3.4\u0000", "9".repeat(10_000)}) {
            assertThat(IpAddresses.ipv4(notIpv4)).as(String.valueOf(notIpv4)).isEqualTo(-1);
        }
        for (String p : new String[]{"10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "100.64.0.1",
                "127.0.0.1", "169.254.169.254", "0.1.2.3", "224.0.0.1", "fd00::1", "fe80::1", "::1", "ff02::1",
                "::ffff:10.0.0.1"}) {
            assertThat(IpAddresses.isPrivateOrReserved(p)).as(p).isTrue();
        }
        for (String p : new String[]{"172.32.0.1", "100.128.0.1", "198.51.100.7", "2001:db8::1", "8.8.8.8"}) {
            assertThat(IpAddresses.isPrivateOrReserved(p)).as(p).isFalse();
        }
    }

    @Test
    void awsRangesPreferTheNamedServiceAndReportBadPrefixes(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("ip-ranges.json"), """
                {"syncToken":"1","prefixes":[
                  {"ip_prefix":"192.0.2.0/24","region":"GLOBAL","service":"AMAZON"},
                  {"ip_prefix":"192.0.2.128/25","region":"eu-west-1","service":"EC2"},
                  {"ip_prefix":"192.0.2.300/25","region":"eu-west-1","service":"EC2"},
                  {"region":"eu-west-1","service":"EC2"}],
                 "ipv6_prefixes":[{"ipv6_prefix":"2001:db8:a05::/48","region":"eu-west-1","service":"S3"}]}
                """);
        List<Problem> problems = new ArrayList<>();
        AwsAddressRanges r = AwsAddressRanges.load(f, problems::add);
        assertThat(r.size()).isEqualTo(3);
        assertThat(r.serviceOf("192.0.2.200")).isEqualTo("EC2");
        assertThat(r.serviceOf("192.0.2.1")).isEqualTo("AMAZON");
        assertThat(r.serviceOf("2001:db8:a05::9")).isEqualTo("S3");
        assertThat(r.contains("198.51.100.1")).isFalse();
        assertThat(r.contains("s3.amazonaws.com")).isFalse();
        assertThat(problems).extracting(Problem::reason).containsExactly("invalid-address", "missing-prefix");
        problems.clear();
        AwsAddressRanges broken = AwsAddressRanges.load(Files.writeString(dir.resolve("x.json"), "[1,2"),
                problems::add);
        assertThat(broken.size()).isZero();
        assertThat(problems).extracting(Problem::reason).containsExactly("not-ip-ranges");
    }
}
