package dev.vigil.posture.network;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CidrBlockTest {

    @ParameterizedTest
    @CsvSource({
            "0.0.0.0/0, 203.0.113.9, true", "10.0.0.0/8, 10.255.1.2, true", "10.0.0.0/8, 11.0.0.1, false",
            "198.51.100.0/24, 198.51.100.255, true", "198.51.100.0/24, 198.51.101.0, false",
            "192.0.2.7/32, 192.0.2.7, true", "192.0.2.7/32, 192.0.2.8, false", "0.0.0.0/0, 2001:db8::1, false",
            "::/0, 2001:db8::1, true", "2001:db8::/32, 2001:db8:ffff::1, true", "2001:db8::/32, 2001:db9::1, false",
            "2001:db8::1/128, 2001:db8::1, true", "2001:db8::1/128, 2001:db8::2, false",
            "2001:db8:0:0:8000::/65, 2001:db8::8000:0:0:1, true", "2001:db8::/65, 2001:db8::8000:0:0:1, false",
            "10.0.0.0/8, ::ffff:10.1.1.1, true"})
    void matchesAddresses(String block, String address, boolean expected) {
        assertEquals(expected, CidrBlock.parse(block).contains(IpAddress.parse(address)));
    }

    @ParameterizedTest
    @CsvSource({"10.0.0.0/33", "10.0.0.0", "10.0.0/8", "example.com/8", "::/129", "10.0.0.0/x", "'10.0.0.0/'"})
    void refusesWhatIsNoBlock(String text) {
        assertNull(CidrBlock.parse(text));
    }
}
