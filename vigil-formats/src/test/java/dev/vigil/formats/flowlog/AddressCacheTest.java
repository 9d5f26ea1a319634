package dev.vigil.formats.flowlog;

import dev.vigil.formats.cloudtrail.CloudTrailFileReader;
import dev.vigil.model.AddressScreen;
import dev.vigil.model.FlowRecord;
import dev.vigil.model.Ipv4;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongPredicate;

import static dev.vigil.formats.flowlog.FlowLogFiles.V2_HEADER;
import static dev.vigil.formats.flowlog.FlowLogFiles.lines;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The address cache keeps each address's number and its screen's answer beside its text: the answers must be those
 * of the address asked for whatever collides in a slot, a screen is asked once per distinct address it keeps, and
 * one screen's answers are never taken for another's.
 */
class AddressCacheTest {

    @TempDir
    Path dir;

    /** A screen that counts the addresses it is asked about. */
    record Counting(AddressScreen screen, List<Long> asked) {
        static Counting of(LongPredicate mayMatch) {
            List<Long> asked = new ArrayList<>();
            return new Counting(new AddressScreen("counting", a -> {
                asked.add(a);
                return mayMatch.test(a);
            }), asked);
        }
    }

    private static String screened(AddressCache cache, String text) {
        byte[] b = ("  " + text + " ").getBytes(StandardCharsets.UTF_8);
        return cache.getScreened(b, 2, b.length - 1);
    }

    @Test
    void numbersAndAnswersBelongToTheAddressAskedForWhateverCollides() {
        LongPredicate odd = a -> (a & 1) == 1;
        Counting counting = Counting.of(odd);
        AddressCache cache = new AddressCache(4, 48); // two sets of two: everything collides
        cache.screen(counting.screen());
        Random random = new Random(7);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            values.add(switch (random.nextInt(5)) {
                case 0 -> "2001:db8::" + Integer.toHexString(random.nextInt(1 << 16));
                case 1 -> "0" + random.nextInt(100) + "." + random.nextInt(256) + ".1." + random.nextInt(256);
                case 2 -> "not-an-address-" + i;
                default -> random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                        + random.nextInt(256);
            });
        }
        for (int round = 0; round < 30_000; round++) {
            String v = values.get(random.nextInt(values.size()));
            assertThat(screened(cache, v)).isEqualTo(v);
            long number = Ipv4.parse(v);
            assertThat(cache.number()).as(v).isEqualTo(number);
            assertThat(cache.passed()).as(v).isEqualTo(number < 0 || odd.test(number));
        }
        assertThat(counting.asked()).allMatch(a -> a >= 0);
    }

    @Test
    void aScreenIsAskedOncePerDistinctAddressWhileItStaysCached() {
        Counting counting = Counting.of(a -> a == 0xC6336442L); // 198.51.100.66
        AddressCache cache = new AddressCache(4096, 48);
        cache.screen(counting.screen());
        List<String> peers = List.of("198.51.100.66", "198.51.100.67", "10.0.1.15", "2001:db8::1", "010.0.1.15");
        for (int i = 0; i < 1000; i++) {
            for (String p : peers) {
                screened(cache, p);
            }
        }
        assertThat(new HashSet<>(counting.asked())).hasSize(3); // 10.0.1.15 twice, written two ways; never IPv6
        assertThat(counting.asked()).hasSize(4);
        screened(cache, "198.51.100.66");
        assertThat(cache.passed()).isTrue();
        screened(cache, "198.51.100.67");
        assertThat(cache.passed()).isFalse();
        screened(cache, "2001:db8::1");
        assertThat(cache.passed()).as("screens judge IPv4 only: IPv6 is always looked up").isTrue();
    }

    @Test
    void aRepeatedAddressSurvivesAStreamOfOneOffAddressesInItsSet() {
        Counting counting = Counting.of(a -> false);
        AddressCache cache = new AddressCache(2, 48); // one set of two: every address lands in it
        cache.screen(counting.screen());
        String hot = screened(cache, "10.0.1.15");
        for (int i = 0; i < 500; i++) {
            screened(cache, "203.0.113." + (i % 250)); // a scanner's one-off addresses
            assertThat(screened(cache, "10.0.1.15")).isSameAs(hot);
        }
        assertThat(counting.asked().stream().filter(a -> a == 0x0A00010FL)).as("read once, kept throughout")
                .hasSize(1);
        assertThat(counting.asked()).hasSize(501);
    }

    @Test
    void anotherScreenForgetsEveryAnswerAndPlainReadsAskNothing() {
        Counting no = Counting.of(a -> false);
        Counting yes = Counting.of(a -> true);
        AddressCache cache = new AddressCache(4096, 48);
        cache.screen(no.screen());
        byte[] b = "203.0.113.9".getBytes(StandardCharsets.US_ASCII);
        assertThat(cache.get(b, 0, b.length)).isEqualTo("203.0.113.9");
        assertThat(cache.number()).isEqualTo(0xCB007109L);
        assertThat(no.asked()).as("pkt-srcaddr and the like are not screened").isEmpty();
        cache.getScreened(b, 0, b.length);
        assertThat(cache.passed()).isFalse();
        cache.screen(yes.screen());
        cache.getScreened(b, 0, b.length);
        assertThat(cache.passed()).isTrue();
        assertThat(yes.asked()).containsExactly(0xCB007109L);
        cache.screen(null);
        cache.getScreened(b, 0, b.length);
        assertThat(cache.passed()).as("no screen: everything passes").isTrue();
    }

    @Test
    void textTooLongToCacheIsNeitherAnAddressNorScreened() {
        Counting counting = Counting.of(a -> false);
        AddressCache cache = new AddressCache(16, 48);
        cache.screen(counting.screen());
        String longText = "1".repeat(200);
        assertThat(screened(cache, longText)).isEqualTo(longText);
        assertThat(cache.number()).isEqualTo(Ipv4.NONE);
        assertThat(cache.passed()).isTrue();
        assertThat(counting.asked()).isEmpty();
    }

    @Test
    void aReaderWithAScreenCarriesItsAnswersInTheRecordsAndAsksOncePerAddress() throws IOException {
        StringBuilder log = new StringBuilder(V2_HEADER).append('\n');
        String[] peers = {"198.51.100.66", "198.51.100.67", "203.0.113.200"};
        for (int i = 0; i < 300; i++) {
            String peer = peers[i % peers.length];
            boolean in = i % 2 == 0;
            log.append("2 111122223333 eni-0a1b2c3d4e5f60718 ").append(in ? peer : "10.0.1.15").append(' ')
                    .append(in ? "10.0.1.15" : peer).append(" 443 50000 6 3 300 1790812800 1790812860 ACCEPT OK\n");
        }
        log.append(lines("2 111122223333 eni-0a1b2c3d4e5f60718 - - - - - - - 1790812800 1790812860 - NODATA",
                "2 111122223333 eni-0a1b2c3d4e5f60718 2001:db8::7 10.0.1.15 443 50000 6 3 300 1790812800 1790812860 "
                        + "ACCEPT OK"));
        FlowLogFiles f = new FlowLogFiles(dir);
        Path p = f.write("screened.log", log.toString());
        Counting counting = Counting.of(a -> a == 0xC6336442L);
        FlowLogFiles plain = new FlowLogFiles(dir);
        plain.read(p);
        f.read(p, new FlowLogFileReader(new CloudTrailFileReader.Limits(1 << 20, 1 << 24), new LongAdder(),
                FlowLogFormat.V2_DEFAULT, counting.screen()));

        assertThat(f.problems).isEmpty();
        assertThat(f.records).hasSize(302);
        Set<Long> asked = new HashSet<>(counting.asked());
        assertThat(asked).containsExactlyInAnyOrder(0xC6336442L, 0xC6336443L, 0xCB0071C8L, 0x0A00010FL);
        assertThat(counting.asked()).as("once per distinct address, not per record").hasSize(4);
        for (int i = 0; i < 300; i++) {
            FlowRecord r = f.records.get(i);
            boolean in = i % 2 == 0;
            boolean listed = peers[i % peers.length].equals("198.51.100.66");
            assertThat(r.screen()).isSameAs(counting.screen());
            assertThat(r.screenedOut(counting.screen(), in)).as("line %d, the peer", i + 2).isEqualTo(!listed);
            assertThat(r.screenedOut(counting.screen(), !in)).as("line %d, the instance", i + 2).isTrue();
            FlowRecord unscreened = plain.records.get(i);
            assertThat(r.srcIpv4()).isEqualTo(unscreened.srcIpv4()).isEqualTo(Ipv4.parse(r.srcAddr()));
            assertThat(r.dstIpv4()).isEqualTo(unscreened.dstIpv4()).isEqualTo(Ipv4.parse(r.dstAddr()));
            assertThat(unscreened.screen()).isNull();
            assertThat(unscreened.screenedOut(counting.screen(), true)).isFalse();
        }
        FlowRecord nodata = f.records.get(300);
        assertThat(nodata.srcIpv4()).isEqualTo(Ipv4.NONE);
        assertThat(nodata.screenedOut(counting.screen(), true)).isFalse();
        FlowRecord v6 = f.records.get(301);
        assertThat(v6.srcIpv4()).isEqualTo(Ipv4.NONE);
        assertThat(v6.screenedOut(counting.screen(), true)).as("IPv6 is always looked up").isFalse();
    }
}
