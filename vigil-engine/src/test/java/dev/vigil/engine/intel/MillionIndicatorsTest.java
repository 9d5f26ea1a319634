package dev.vigil.engine.intel;

import dev.vigil.model.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated feed of one million indicators (singles and blocks, IPv4 and some IPv6) loads completely and answers
 * like a brute-force check on a sample. Speed is measured in the benchmark, not here (see docs/threat-intel.md).
 */
class MillionIndicatorsTest {

    @Test
    void loadsAMillionIndicatorsAndFindsEachSampledOne(@TempDir Path dir) throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        Path feed = dir.resolve("million.txt");
        List<Long> sample = new ArrayList<>();
        try (BufferedWriter out = Files.newBufferedWriter(feed)) {
            for (int i = 0; i < 1_000_000; i++) {
                if (i % 100 == 99) {
                    out.write("2001:db8:" + Integer.toHexString(i >>> 16) + ":" + Integer.toHexString(i & 0xFFFF)
                            + "::/64\n");
                    continue;
                }
                long a = random.nextLong(1L << 32);
                if (i % 10 == 0) {
                    out.write(IpText.ipv4(a & 0xFFFFFF00L) + "/24\n");
                } else {
                    out.write(IpText.ipv4(a) + "\n");
                }
                if (i % 1000 == 1) {
                    sample.add(a);
                }
            }
        }
        List<Problem> problems = new ArrayList<>();
        ThreatIntel intel = ThreatIntel.load(List.of(feed), problems::add);
        assertThat(problems).isEmpty();
        assertThat(intel.size()).isEqualTo(1_000_000);
        assertThat(intel.sets().get(0).addresses()).isEqualTo(1_000_000);
        for (long a : sample) {
            assertThat(intel.lookup(IpText.ipv4(a), 0)).as(IpText.ipv4(a)).isNotNull();
        }
        assertThat(intel.lookup("2001:db8:0:63::77", 0).indicator()).isEqualTo("2001:db8:0:63::/64");
        assertThat(intel.lookup("2001:db8:0:2::77", 0)).isNull();
        dev.vigil.model.AddressScreen screen = intel.ipv4Screen();
        for (long a : sample) {
            assertThat(screen.mayMatch(a)).as("the screen passes every listed address").isTrue();
        }
        int misses = 0;
        for (int q = 0; q < 10_000; q++) {
            long a = random.nextLong(1L << 32);
            boolean missed = intel.lookupIpv4(a, 0) == null;
            misses += missed ? 1 : 0;
            // exact, not just the /24 bitmap: it passes what matches and nothing else (the set never expires)
            assertThat(screen.mayMatch(a)).as(IpText.ipv4(a)).isEqualTo(!missed);
        }
        // 900k singles + 100k /24s ≈ 26.5M addresses, 0.6 % of IPv4: nearly all random probes miss
        assertThat(misses).isGreaterThan(9_800);
    }
}
