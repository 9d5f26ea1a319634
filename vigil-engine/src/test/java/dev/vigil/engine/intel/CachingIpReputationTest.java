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
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The per-thread view ({@link IpReputation#forOneThread()}) answers exactly as the shared index, whatever the order of
 * lookups, their times and the collisions in its table; and the lookup by number answers as the lookup by text.
 */
class CachingIpReputationTest {

    @TempDir
    Path dir;
    final List<Problem> problems = new ArrayList<>();

    static long t(String iso) {
        return Instant.parse(iso).getEpochSecond();
    }

    static String ipv4(long a) {
        return IpText.ipv4(a);
    }

    ThreatIntel intel(String yaml, String... files) throws IOException {
        for (int i = 0; i < files.length; i += 2) {
            Files.writeString(dir.resolve(files[i]), files[i + 1]);
        }
        Files.writeString(dir.resolve("intel.yaml"), yaml);
        ThreatIntel intel = ThreatIntel.load(List.of(dir), problems::add);
        assertThat(problems).isEmpty();
        return intel;
    }

    /** Two sets in a window that ends inside the test's times, a CSV with per-indicator validity, an IPv6 list. */
    ThreatIntel mixedIntel(SplittableRandom r) throws IOException {
        StringBuilder strong = new StringBuilder();
        StringBuilder weak = new StringBuilder();
        StringBuilder windows = new StringBuilder("indicator,valid_from,expires\n");
        for (int i = 0; i < 400; i++) {
            long a = 0xC6330000L | r.nextLong(1 << 16); // 198.51.0.0/16: dense, so intervals overlap
            int prefix = 24 + r.nextInt(9);
            long network = a & (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
            (r.nextBoolean() ? strong : weak).append(ipv4(network)).append('/').append(prefix).append('\n');
            long b = r.nextLong(1L << 32); // and some spread over the whole space
            (r.nextBoolean() ? strong : weak).append(ipv4(b)).append('\n');
            if (i % 4 == 0) {
                int day = 1 + r.nextInt(3);
                windows.append(ipv4(0xC6330000L | r.nextLong(1 << 16))).append(",2026-10-0").append(day)
                        .append("T00:00:00Z,2026-10-0").append(day + 1).append("T00:00:00Z\n");
            }
        }
        return intel("""
                - {name: strong, file: strong.txt, confidence: 80, expires: "2026-10-03T00:00:00Z"}
                - {name: weak, file: weak.txt, confidence: 30}
                - {name: windows, file: windows.csv, confidence: 90}
                - {name: six, file: six.txt, confidence: 60}
                """, "strong.txt", strong.toString(), "weak.txt", weak.toString(), "windows.csv",
                windows.toString(), "six.txt", "2001:db8::/48\n2001:db8::7\n");
    }

    @Test
    void randomAndRepeatedAddressesAtManyTimesAnswerAsTheSharedIndex() throws IOException {
        SplittableRandom r = new SplittableRandom(42);
        ThreatIntel intel = mixedIntel(r);
        long[] times = {t("2026-09-30T12:00:00Z"), t("2026-10-01T12:00:00Z"), t("2026-10-02T12:00:00Z"),
                t("2026-10-03T00:00:00Z") - 1, t("2026-10-03T00:00:00Z"), t("2026-10-04T12:00:00Z")};
        long[] pool = new long[64];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = 0xC6330000L | r.nextLong(1 << 16);
        }
        // the default table, one of 16 slots (every slot shared by many addresses) and one of 2
        List<IpReputation> views = List.of(intel.forOneThread(),
                new CachingIpReputation(addresses(intel), 4), new CachingIpReputation(addresses(intel), 1));
        int matched = 0;
        for (int i = 0; i < 40_000; i++) {
            int kind = r.nextInt(10);
            long a = kind < 6 ? pool[r.nextInt(pool.length)] // a fleet's repeated peers
                    : kind < 9 ? 0xC6330000L | r.nextLong(1 << 16) : r.nextLong(1L << 32);
            long time = times[r.nextInt(times.length)];
            String text = ipv4(a);
            IntelMatch expected = intel.lookup(text, time);
            matched += expected == null ? 0 : 1;
            for (IpReputation view : views) {
                assertThat(view.lookup(text, time)).as("%s at %d", text, time).isEqualTo(expected);
                assertThat(view.lookupIpv4(a, time)).as("%s at %d", text, time).isEqualTo(expected);
            }
            assertThat(intel.lookupIpv4(a, time)).isEqualTo(expected);
        }
        assertThat(matched).as("the sets are dense enough to test matches, not only misses").isGreaterThan(8_000);
    }

    @Test
    void keysThatShareASetEvictEachOtherWithoutMixingAnswers() throws IOException {
        ThreatIntel intel = intel("- {name: s, file: s.txt, confidence: 70}\n", "s.txt", "203.0.113.0/25\n");
        int bits = 6;
        long listed = 0xCB007105L; // 203.0.113.5
        int set = CachingIpReputation.setOf(CachingIpReputation.keyOf(listed), bits);
        List<Long> sameSet = new ArrayList<>(); // listed and unlisted addresses whose numbers share the set
        for (long a = 0xCB007100L; sameSet.size() < 4; a++) {
            if (a != listed && CachingIpReputation.setOf(CachingIpReputation.keyOf(a), bits) == set) {
                sameSet.add(a);
            }
        }
        assertThat(sameSet).anyMatch(a -> a >= 0xCB007180L).anyMatch(a -> a < 0xCB007180L);
        IpReputation view = new CachingIpReputation(addresses(intel), bits);
        IpReputation oneSet = new CachingIpReputation(addresses(intel), 0);
        for (IpReputation v : List.of(view, oneSet)) {
            for (int round = 0; round < 3; round++) {
                for (int k = 0; k < sameSet.size(); k++) {
                    long other = sameSet.get(k);
                    assertThat(v.lookupIpv4(listed, 0)).isEqualTo(intel.lookup(ipv4(listed), 0)).isNotNull();
                    assertThat(v.lookupIpv4(other, 0)).as(ipv4(other)).isEqualTo(intel.lookup(ipv4(other), 0));
                    assertThat(v.lookup(ipv4(other), 0)).as(ipv4(other)).isEqualTo(intel.lookup(ipv4(other), 0));
                    assertThat(v.lookup("::ffff:" + ipv4(other), 0)).isEqualTo(intel.lookup(ipv4(other), 0));
                }
            }
        }
        // an empty way's key (0) is no key: 0.0.0.0 asked first in a fresh view is looked up
        ThreatIntel zeros = intel("- {name: z, file: z.txt}\n", "z.txt", "0.0.0.0/31\n");
        for (int b = 0; b <= 8; b++) {
            assertThat(new CachingIpReputation(addresses(zeros), b).lookup("0.0.0.0", 0)).isNotNull();
            assertThat(new CachingIpReputation(addresses(zeros), b).lookupIpv4(0, 0)).isNotNull();
            assertThat(new CachingIpReputation(addresses(zeros), b).lookup("0.0.0.2", 0)).isNull();
        }
    }

    /** The test that fails if the view cached answers instead of places: the same address, in and out of validity. */
    @Test
    void theTimeDecidesOnEveryLookupThroughTheView() throws IOException {
        ThreatIntel intel = intel("""
                - {name: window, file: window.csv, confidence: 90}
                - {name: background, file: background.txt, confidence: 20}
                """, "window.csv", """
                indicator,valid_from,expires
                203.0.113.7,2026-10-01T00:00:00Z,2026-10-02T00:00:00Z
                198.51.100.7,2026-10-01T00:00:00Z,2026-10-02T00:00:00Z
                """, "background.txt", "198.51.100.0/24\n");
        long before = t("2026-09-30T23:59:59Z");
        long inside = t("2026-10-01T00:00:00Z");
        long last = t("2026-10-01T23:59:59Z");
        long after = t("2026-10-02T00:00:00Z");
        IpReputation view = intel.forOneThread();
        assertThat(view.lookup("203.0.113.7", before)).isNull();
        assertThat(view.lookup("203.0.113.7", inside)).isNotNull().extracting(IntelMatch::setName).isEqualTo("window");
        assertThat(view.lookup("203.0.113.7", after)).isNull();
        assertThat(view.lookupIpv4(0xCB007107L, last)).isNotNull();
        assertThat(view.lookupIpv4(0xCB007107L, before)).isNull();
        // with a weaker indicator behind it, the answer changes set rather than disappearing
        assertThat(view.lookup("198.51.100.7", after).setName()).isEqualTo("background");
        assertThat(view.lookup("198.51.100.7", inside).setName()).isEqualTo("window");
        assertThat(view.lookup("198.51.100.7", before).setName()).isEqualTo("background");
        assertThat(view.lookup("198.51.100.7", last).setName()).isEqualTo("window");
    }

    @Test
    void ipv4MappedIpv6AndIpv6GoThroughTheViewLikeTheIndex() throws IOException {
        ThreatIntel intel = intel("- {name: s, file: s.txt, confidence: 70}\n", "s.txt", """
                198.51.100.0/28
                ::ffff:203.0.113.9
                2001:db8::/64
                """);
        IpReputation view = intel.forOneThread();
        for (int round = 0; round < 2; round++) {
            for (String a : List.of("198.51.100.7", "::ffff:198.51.100.7", "::FFFF:198.51.100.7",
                    "::ffff:c633:6407", "203.0.113.9", "::ffff:203.0.113.9", "::ffff:203.0.113.10", "2001:db8::1",
                    "2001:DB8:0:0:1::", "2001:db8:1::1", "::1", "::")) {
                assertThat(view.lookup(a, 0)).as(a).isEqualTo(intel.lookup(a, 0));
            }
        }
        assertThat(view.lookup("::ffff:198.51.100.7", 0).indicator()).isEqualTo("198.51.100.0/28");
        assertThat(view.lookup("2001:db8::1", 0).indicator()).isEqualTo("2001:db8::/64");
    }

    @Test
    void textThatIsNoAddressNeverMatchesThroughTheView() throws IOException {
        ThreatIntel intel = intel("- {name: s, file: s.txt}\n", "s.txt", "0.0.0.0/1\n128.0.0.0/1\n::/1\n");
        IpReputation view = intel.forOneThread();
        for (String text : new String[]{null, "", "-", "AWS Internal", "ec2.amazonaws.com", " 10.0.0.1",
                "10.0.0.1 ", "010.0.0.1", "256.0.0.1", "10.0.0", "10.0.0.1.2", ":::", "1::2::3", "::ffff:999.0.0.1",
                "fe80::1%eth0", "10.0.0.1/32", "x".repeat(100), "1.2.3.4/", "1/2/3/4", "1..2.3.4", "1.2.3.4.",
                ".1.2.3.4", "1.2.3.256", "1.2.3.00", "1.2.3..", "..........", "/////////", "1.2.3.4.5.6.7.8"}) {
            assertThat(view.lookup(text, 0)).as(String.valueOf(text)).isNull();
            assertThat(view.lookup(text, 0)).as("again: " + text).isNull();
            assertThat(intel.lookup(text, 0)).as(String.valueOf(text)).isNull();
        }
        assertThat(view.lookup("10.0.0.1", 0)).isNotNull();
    }

    @Test
    void theLookupByNumberTakesOnlyIpv4Values() throws IOException {
        ThreatIntel intel = intel("- {name: s, file: s.txt}\n", "s.txt", "255.255.255.255\n0.0.0.0\n");
        List<String> asked = new ArrayList<>();
        IpReputation byText = (address, epochSeconds) -> {
            asked.add(address.toString());
            return null;
        };
        for (IpReputation r : List.of(intel, intel.forOneThread(), IpReputation.NONE, byText)) {
            assertThatThrownBy(() -> r.lookupIpv4(-1, 0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> r.lookupIpv4(1L << 32, 0)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(intel.lookupIpv4(0xFFFFFFFFL, 0).indicator()).isEqualTo("255.255.255.255");
        assertThat(intel.forOneThread().lookupIpv4(0, 0).indicator()).isEqualTo("0.0.0.0");
        assertThat(IpReputation.NONE.lookupIpv4(0, 0)).isNull();
        // the default formats the number and asks the text lookup
        assertThat(byText.lookupIpv4(0xC6336407L, 0)).isNull();
        assertThat(asked).containsExactly("198.51.100.7");
    }

    @Test
    void eachCallGivesAViewOfItsOwnAndSharedObjectsStayShared() throws IOException {
        ThreatIntel intel = intel("- {name: s, file: s.txt}\n", "s.txt", "198.51.100.7\n");
        IpReputation view = intel.forOneThread();
        assertThat(view).isNotSameAs(intel).isNotSameAs(intel.forOneThread());
        assertThat(view.forOneThread()).isNotSameAs(view).isInstanceOf(CachingIpReputation.class);
        assertThat(IpReputation.NONE.forOneThread()).isSameAs(IpReputation.NONE);
        // a listed peer seen again returns the match it returned before
        assertThat(view.lookup("198.51.100.7", 0)).isSameAs(view.lookup("198.51.100.7", 5));
    }

    @Test
    void theScreenTurnsAwayExactlyTheAddressesNoIndicatorCoversAtAnyTime() throws IOException {
        ThreatIntel intel = intel("""
                - {name: old, file: old.txt, confidence: 70, expires: "2020-01-01T00:00:00Z"}
                - {name: block, file: block.txt, confidence: 50}
                """, "old.txt", "198.51.100.66\n", "block.txt", "203.0.113.0/30\n2001:db8::/32\n");
        var screen = intel.ipv4Screen();
        assertThat(screen.mayMatch(0xC6336442L)).as("expired now, listed once: a reader's cache outlives the time")
                .isTrue();
        assertThat(intel.lookupIpv4(0xC6336442L, t("2019-06-01T00:00:00Z"))).isNotNull();
        for (long a = 0xCB007100L; a <= 0xCB007103L; a++) {
            assertThat(screen.mayMatch(a)).as(ipv4(a)).isTrue();
        }
        for (long a : new long[]{0xCB007104L, 0xCB0071FFL, 0xC6336441L, 0xC6336443L, 0, 0xFFFFFFFFL}) {
            assertThat(screen.mayMatch(a)).as("%s shares a /24 with a listed one, or none", ipv4(a)).isFalse();
        }
        assertThat(intel.forOneThread().ipv4Screen()).as("views share their index's screen").isSameAs(screen);
        assertThat(IpReputation.NONE.ipv4Screen().mayMatch(0xC6336442L)).isFalse();

        SplittableRandom r = new SplittableRandom(11);
        ThreatIntel mixed = mixedIntel(r);
        long[] times = {t("2026-09-30T12:00:00Z"), t("2026-10-01T12:00:00Z"), t("2026-10-02T12:00:00Z"),
                t("2026-10-03T12:00:00Z"), t("2026-10-04T12:00:00Z")};
        int passed = 0;
        for (int i = 0; i < 50_000; i++) {
            long a = i % 3 == 0 ? r.nextLong(1L << 32) : 0xC6330000L | r.nextLong(1 << 16);
            boolean mayMatch = mixed.ipv4Screen().mayMatch(a);
            passed += mayMatch ? 1 : 0;
            for (long time : times) {
                if (!mayMatch) {
                    assertThat(mixed.lookupIpv4(a, time)).as("%s turned away, at %d", ipv4(a), time).isNull();
                }
            }
        }
        assertThat(passed).as("dense enough that the screen passes many").isGreaterThan(5_000);
    }

    private static AddressIndex addresses(ThreatIntel intel) {
        return intel.addressIndex();
    }
}
