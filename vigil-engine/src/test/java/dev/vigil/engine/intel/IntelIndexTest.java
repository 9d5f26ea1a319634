package dev.vigil.engine.intel;

import dev.vigil.model.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Lookup semantics: overlaps across sets, validity, boundaries, IPv6 and the IPv4-mapped form. */
class IntelIndexTest {

    @TempDir
    Path dir;
    final List<Problem> problems = new ArrayList<>();

    static long t(String iso) {
        return Instant.parse(iso).getEpochSecond();
    }

    ThreatIntel intel(String yaml, String... files) throws IOException {
        for (int i = 0; i < files.length; i += 2) {
            Files.writeString(dir.resolve(files[i]), files[i + 1]);
        }
        Files.writeString(dir.resolve("intel.yaml"), yaml);
        return ThreatIntel.load(List.of(dir), problems::add);
    }

    @Test
    void theStrongestValidMatchWinsWhateverTheLoadOrder() throws IOException {
        String files = "";
        ThreatIntel intel = intel("""
                - {name: zeta, file: wide.txt, confidence: 90}
                - {name: alpha, file: narrow.txt, confidence: 90, custom: false}
                - {name: weak, file: single.txt, confidence: 10, expires: 2026-10-02}
                """, "wide.txt", "198.51.100.0/24\n", "narrow.txt", "198.51.100.0/28\n",
                "single.txt", "198.51.100.5\n198.51.100.200\n");
        // equal confidence: the set name decides (alpha before zeta), never the order in the file
        assertThat(intel.lookup("198.51.100.5", t("2026-10-01T00:00:00Z")))
                .isEqualTo(new IntelMatch("alpha", IntelCategory.MALICIOUS, 90, "198.51.100.0/28", false));
        assertThat(intel.lookup("198.51.100.16", 0).setName()).isEqualTo("zeta");
        assertThat(intel.lookup("198.51.100.200", 0).setName()).isEqualTo("zeta");
        assertThat(files).isEmpty();
        assertThat(problems).isEmpty();
    }

    @Test
    void aWeakerIndicatorAnswersWhenTheStrongerOneIsNotValid() throws IOException {
        ThreatIntel intel = intel("""
                - {name: strong, file: strong.txt, confidence: 90, expires: "2026-10-01T12:00:00Z"}
                - {name: weak, file: weak.txt, confidence: 20}
                """, "strong.txt", "203.0.113.0/24\n", "weak.txt", "203.0.113.9\n");
        assertThat(intel.lookup("203.0.113.9", t("2026-10-01T11:59:59Z")).setName()).isEqualTo("strong");
        assertThat(intel.lookup("203.0.113.9", t("2026-10-01T12:00:00Z")).setName()).isEqualTo("weak");
        assertThat(intel.lookup("203.0.113.10", t("2026-10-01T12:00:00Z"))).isNull();
        assertThat(intel.sets().get(0).expiredAt(Instant.parse("2026-10-01T12:00:00Z"))).isTrue();
        assertThat(intel.sets().get(1).expiredAt(Instant.parse("2030-01-01T00:00:00Z"))).isFalse();
    }

    @Test
    void rangeBoundariesIncludingTheEndsOfTheAddressSpace() throws IOException {
        ThreatIntel intel = intel("- {name: s, file: s.txt}\n", "s.txt", """
                0.0.0.0/8
                10.0.0.0/31
                128.0.0.0/1
                255.255.255.255
                ::/1
                ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff
                """);
        assertThat(intel.lookup("0.0.0.0", 0).indicator()).isEqualTo("0.0.0.0/8");
        assertThat(intel.lookup("0.255.255.255", 0)).isNotNull();
        assertThat(intel.lookup("1.0.0.0", 0)).isNull();
        assertThat(intel.lookup("9.255.255.255", 0)).isNull();
        assertThat(intel.lookup("10.0.0.0", 0)).isNotNull();
        assertThat(intel.lookup("10.0.0.1", 0)).isNotNull();
        assertThat(intel.lookup("10.0.0.2", 0)).isNull();
        assertThat(intel.lookup("127.255.255.255", 0)).isNull();
        assertThat(intel.lookup("128.0.0.0", 0).indicator()).isEqualTo("128.0.0.0/1");
        assertThat(intel.lookup("255.255.255.255", 0).indicator()).isEqualTo("255.255.255.255"); // more specific
        assertThat(intel.lookup("7fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", 0).indicator()).isEqualTo("::/1");
        assertThat(intel.lookup("8000::", 0)).isNull();
        assertThat(intel.lookup("ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe", 0)).isNull();
        assertThat(intel.lookup("FFFF:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF", 0)).isNotNull();
        assertThat(problems).isEmpty();
    }

    @Test
    void ipv4MappedAddressesAndBlocksMeetTheirIpv4Form() throws IOException {
        ThreatIntel intel = intel("- {name: s, file: s.txt}\n", "s.txt", "::ffff:198.51.100.0/120\n192.0.2.1\n");
        assertThat(intel.lookup("198.51.100.77", 0).indicator()).isEqualTo("198.51.100.0/24");
        assertThat(intel.lookup("::ffff:192.0.2.1", 0).indicator()).isEqualTo("192.0.2.1");
        assertThat(intel.lookup("::ffff:c000:201", 0)).isNotNull();
    }

    @Test
    void textThatIsNoAddressNeverMatches() throws IOException {
        ThreatIntel intel = intel("- {name: s, file: s.txt}\n", "s.txt", "198.51.100.0/24\n2001:db8::/32\n");
        for (String s : new String[]{"", "-", "AWS Internal", "ec2.amazonaws.com", "198.51.100", "198.51.100.1.",
                "198.51.100.01", "198.51.100.1 ", "2001:db8::1::2", "2001:db8:::1", "2001:db8::1%eth0", ":::",
                "2001:db8::g", "１９８.51.100.1", "2001:db8::1:"}) {
            assertThat(intel.lookup(s, 0)).as("'%s'", s).isNull();
        }
        assertThat(intel.lookup(null, 0)).isNull();
        assertThat(intel.lookup("2001:DB8::1", 0)).isNotNull();
        assertThat(intel.lookup("2001:db8:0:0:0:0:0:1", 0)).isNotNull();
    }

    @Test
    void overlapsFromManySetsStayCorrectAgainstABruteForceOracle() throws IOException {
        Random random = new Random(7);
        StringBuilder yaml = new StringBuilder();
        List<long[]> blocks = new ArrayList<>(); // first, last, confidence, set, expires
        for (int s = 0; s < 12; s++) {
            StringBuilder list = new StringBuilder();
            int confidence = random.nextInt(101);
            long expires = s % 3 == 0 ? t("2026-10-01T06:00:00Z") : Long.MAX_VALUE;
            yaml.append("- {name: set").append((char) ('a' + s)).append(", file: s").append(s)
                    .append(".txt, confidence: ").append(confidence)
                    .append(expires == Long.MAX_VALUE ? "" : ", expires: \"2026-10-01T06:00:00Z\"").append("}\n");
            for (int k = 0; k < 40; k++) {
                int bits = 20 + random.nextInt(13);
                long base = (0xC6336400L + random.nextInt(1 << 14)) & (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
                list.append(IpText.ipv4(base)).append('/').append(bits).append('\n');
                blocks.add(new long[]{base, base + (1L << (32 - bits)) - 1, confidence, s, expires});
            }
            Files.writeString(dir.resolve("s" + s + ".txt"), list);
        }
        ThreatIntel intel = intel(yaml.toString());
        assertThat(problems).isEmpty();
        for (long time : new long[]{t("2026-10-01T00:00:00Z"), t("2026-10-01T07:00:00Z")}) {
            for (int q = 0; q < 20_000; q++) {
                long a = 0xC6336400L - 100 + random.nextInt((1 << 14) + 200);
                long[] best = null;
                for (long[] b : blocks) {
                    boolean stronger = best == null || b[2] > best[2] || b[2] == best[2] && (b[3] < best[3]
                            || b[3] == best[3] && b[1] - b[0] < best[1] - best[0]);
                    if (a >= b[0] && a <= b[1] && time < b[4] && stronger) {
                        best = b;
                    }
                }
                IntelMatch m = intel.lookup(IpText.ipv4(a), time);
                if (best == null) {
                    assertThat(m).as(IpText.ipv4(a)).isNull();
                } else {
                    assertThat(m).as(IpText.ipv4(a)).isNotNull();
                    assertThat(m.setName()).isEqualTo("set" + (char) ('a' + best[3]));
                    assertThat(m.confidence()).isEqualTo((int) best[2]);
                }
            }
        }
    }

    /**
     * Enough indicators spread over the whole space for the index's /24 bitmap (more than
     * {@link Ipv4Index#MIN_INTERVALS_FOR_BITMAP} intervals): every answer agrees with an oracle, at the listed
     * addresses, next to them, at the first and last address of each block and around it, and at random.
     */
    @Test
    void largeSparseSetsAnswerLikeAnOracleAroundEveryEdge() throws IOException {
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        java.util.HashSet<Long> singles = new java.util.HashSet<>();
        List<long[]> blocks = new ArrayList<>();
        StringBuilder list = new StringBuilder();
        while (singles.size() < 140_000) {
            long a = random.nextLong(1L << 32);
            if (singles.add(a)) {
                list.append(IpText.ipv4(a)).append('\n');
            }
        }
        for (int k = 0; k < 3_000; k++) {
            int bits = 12 + random.nextInt(20);
            long base = random.nextLong(1L << 32) & (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
            blocks.add(new long[]{base, base + (1L << (32 - bits)) - 1});
            list.append(IpText.ipv4(base)).append('/').append(bits).append('\n');
        }
        list.append("255.255.255.255\n0.0.0.0\n");
        singles.add(0xFFFFFFFFL);
        singles.add(0L);
        ThreatIntel intel = intel("- {name: big, file: big.txt}\n", "big.txt", list.toString());
        assertThat(problems).isEmpty();
        List<Long> probes = new ArrayList<>();
        for (long a : singles) {
            if (probes.size() > 200_000) {
                break;
            }
            for (long d = -257; d <= 257; d += 257) {
                probes.add(a + d);
            }
            probes.add(a + 1);
            probes.add(a - 1);
        }
        for (long[] b : blocks) {
            for (long edge : new long[]{b[0] - 256, b[0] - 1, b[0], b[1], b[1] + 1, b[1] + 256}) {
                probes.add(edge);
            }
        }
        for (int q = 0; q < 100_000; q++) {
            probes.add(random.nextLong(1L << 32));
        }
        for (long a : probes) {
            if (a < 0 || a > 0xFFFFFFFFL) {
                continue;
            }
            boolean listed = singles.contains(a);
            for (int k = 0; k < blocks.size() && !listed; k++) {
                listed = a >= blocks.get(k)[0] && a <= blocks.get(k)[1];
            }
            assertThat(intel.lookup(IpText.ipv4(a), 0) != null).as(IpText.ipv4(a)).isEqualTo(listed);
        }
    }

    @Test
    void ipv6BlocksOverlapAndExpireLikeIpv4() throws IOException {
        ThreatIntel intel = intel("""
                - {name: a, file: a.txt, confidence: 40}
                - {name: b, file: b.txt, confidence: 70, expires: 2026-10-01}
                """, "a.txt", "2001:db8::/32\n", "b.txt", "2001:db8:1::/48\n2001:db8:1::8/125\n");
        assertThat(intel.lookup("2001:db8:1::9", t("2026-09-30T00:00:00Z")).indicator())
                .isEqualTo("2001:db8:1::8/125");
        assertThat(intel.lookup("2001:db8:1::1", t("2026-09-30T00:00:00Z")).indicator()).isEqualTo("2001:db8:1::/48");
        assertThat(intel.lookup("2001:db8:1::9", t("2026-10-01T00:00:00Z")).indicator()).isEqualTo("2001:db8::/32");
        assertThat(intel.lookup("2001:db9::", 0)).isNull();
        assertThat(intel.lookup("2001:db7:ffff:ffff:ffff:ffff:ffff:ffff", 0)).isNull();
    }

    @Test
    void hundredsOfIdenticalOverlapsAreCappedAndReported() throws IOException {
        StringBuilder yaml = new StringBuilder();
        for (int s = 0; s < 100; s++) {
            yaml.append("- {name: s").append(s).append(", file: x.txt, confidence: ").append(s)
                    .append(", expires: \"2026-10-0").append(1 + s % 9).append("T00:00:00Z\"}\n");
        }
        // strongest valid: the highest confidence whose expiry is still ahead
        ThreatIntel intel = intel(yaml.toString(), "x.txt", "198.51.100.0/24\n");
        IntelMatch m = intel.lookup("198.51.100.1", t("2026-10-01T12:00:00Z"));
        assertThat(m.confidence()).isEqualTo(98);
        assertThat(problems).extracting(Problem::reason).containsExactly("overlap-cap");
    }
}
