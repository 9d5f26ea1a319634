package dev.vigil.engine.network;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AddressesTest {

    @ParameterizedTest
    @CsvSource({
            "10.1.2.3, 1", "172.16.0.1, 1", "172.31.255.255, 1", "172.32.0.1, 2", "192.168.9.9, 1",
            "100.64.0.1, 1", "100.128.0.1, 2", "169.254.169.254, 1", "127.0.0.1, 1", "8.8.8.8, 2",
            "203.0.113.9, 2", "fd00:ec2::254, 1", "fe80::1, 1", "2001:db8::1, 2", "::ffff:10.0.0.1, 1",
            "-, 0", "'', 0", "1.2.3, 0", "1.2.3.256, 0", "01.2.3.4.5, 0", "not-an-ip, 0", "0.0.0.0, 0"})
    void classifiesAddresses(String address, int expected) {
        assertEquals(expected, Addresses.classify(address));
    }

    @ParameterizedTest
    @CsvSource({"10.0.0.1, 167772161", "255.255.255.255, 4294967295", "1.2.3.x, -1", "1..2.3, -1"})
    void readsIpv4AsAnUnsignedInt(String address, long expected) {
        assertEquals(expected, Addresses.ipv4(address));
        if (expected >= 0) {
            assertEquals(address, Addresses.text(Addresses.hostId(address)));
        }
    }
}
