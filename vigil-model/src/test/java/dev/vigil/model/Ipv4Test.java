package dev.vigil.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** IPv4 text to numbers, from Strings and from bytes alike; the records built from text carry the same numbers. */
class Ipv4Test {

    private static long fromBytes(String s) {
        byte[] b = ("xx" + s + "yy").getBytes(StandardCharsets.UTF_8);
        return Ipv4.parse(b, 2, b.length - 2);
    }

    @ParameterizedTest
    @CsvSource({"0.0.0.0, 0", "10.0.0.1, 167772161", "255.255.255.255, 4294967295", "198.51.100.7, 3325256711",
            "010.0.0.1, 167772161", "1.2.3.004, 16909060", "000.000.000.000, 0", "0001.2.3.4, 16909060"})
    void readsDottedQuadsAsUnsignedNumbersLeadingZerosAsDecimal(String text, long expected) {
        assertThat(Ipv4.parse(text)).isEqualTo(expected);
        assertThat(fromBytes(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"''", "-", "1.2.3", "1.2.3.4.5", "1..2.3", ".1.2.3", "1.2.3.", "1.2.3.256", "256.1.1.1", "1.2.3.x",
            "1.2.3.0256", "2001:db8::1", "::ffff:10.0.0.1", "' 1.2.3.4'", "'1.2.3.4 '", "1,2,3,4",
            "١.٢.٣.٤", "'1.2.3.4\u0000'", "'1.2.3\u00004'", "99999999999999999", "1.2.3.4/32", "'1.2.3.\u0131'", "'1.2.3.\u0134'"})
    void anythingElseIsNone(String text) {
        assertThat(Ipv4.parse(text)).as(text).isEqualTo(Ipv4.NONE);
        assertThat(fromBytes(text)).as(text).isEqualTo(Ipv4.NONE);
    }

    @Test
    void bytesAndTextAgreeOnRandomAndHostileInput() {
        Random random = new Random(20261207);
        String alphabet = "0123456789.:-x \u00e9";
        for (int i = 0; i < 50_000; i++) {
            StringBuilder s = new StringBuilder();
            int len = random.nextInt(18);
            for (int j = 0; j < len; j++) {
                s.append(random.nextInt(3) == 0 ? '.' : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = s.toString();
            assertThat(fromBytes(text)).as(text).isEqualTo(Ipv4.parse(text));
        }
        byte[] invalidUtf8 = {'1', '.', '2', '.', '3', '.', (byte) 0xb4};
        assertThat(Ipv4.parse(invalidUtf8, 0, invalidUtf8.length)).isEqualTo(Ipv4.NONE);
    }

    @Test
    void aRecordBuiltFromTextCarriesTheNumbersAndNoScreen() {
        FlowRecord r = new FlowRecord(2, "111122223333", "eni-1", "010.0.0.1", "2001:db8::1", 1, 2, 6, 1, 40, 1, 2,
                FlowRecord.Action.ACCEPT, FlowRecord.LogStatus.OK, null, null, null, -1, null, null, null, null, null,
                null, null, null, -1, Map.of(), "f#line 3");
        assertThat(r.srcIpv4()).isEqualTo(167772161L);
        assertThat(r.dstIpv4()).isEqualTo(Ipv4.NONE);
        assertThat(r.screen()).isNull();
        assertThat(r.screenPassed()).isZero();
    }

    @Test
    void onlyTheScreenTheReaderRanCanTurnAnAddressAway() {
        AddressScreen ran = new AddressScreen("ran", a -> a == 167772161L);
        AddressScreen other = new AddressScreen("other", a -> false);
        FlowRecord r = new FlowRecord(2, "111122223333", "eni-1", "10.0.0.1", "198.51.100.7", 1, 2, 6, 1, 40, 1, 2,
                FlowRecord.Action.ACCEPT, FlowRecord.LogStatus.OK, null, null, null, -1, null, null, null, null, null,
                null, null, null, -1, Map.of(), "f#line ", 3, 167772161L, 3325256711L, ran, FlowRecord.SCREEN_SRC);
        assertThat(r.screenedOut(ran, true)).as("passed").isFalse();
        assertThat(r.screenedOut(ran, false)).as("turned away").isTrue();
        for (AddressScreen s : List.of(other)) {
            assertThat(r.screenedOut(s, true)).isFalse();
            assertThat(r.screenedOut(s, false)).as("another screen's answer says nothing").isFalse();
        }
        assertThat(r.screenedOut(null, false)).isFalse();
        FlowRecord v6 = new FlowRecord(2, "111122223333", "eni-1", "10.0.0.1", "2001:db8::1", 1, 2, 6, 1, 40, 1, 2,
                FlowRecord.Action.ACCEPT, FlowRecord.LogStatus.OK, null, null, null, -1, null, null, null, null, null,
                null, null, null, -1, Map.of(), "f#line ", 3, 167772161L, Ipv4.NONE, ran, FlowRecord.SCREEN_SRC);
        assertThat(v6.screenedOut(ran, false)).as("screens judge IPv4 only").isFalse();
        FlowRecord unscreened = new FlowRecord(2, "111122223333", "eni-1", "10.0.0.1", "198.51.100.7", 1, 2, 6, 1,
                40, 1, 2, FlowRecord.Action.ACCEPT, FlowRecord.LogStatus.OK, null, null, null, -1, null, null, null,
                null, null, null, null, null, -1, Map.of(), "f#line ", 3, 167772161L, 3325256711L, null, 3);
        assertThat(unscreened.screenPassed()).isZero();
        assertThat(unscreened.screenedOut(ran, false)).isFalse();
    }
}
