package dev.vigil.formats.cloudtrail;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The eight-bytes-at-a-time scans answer as byte-by-byte loops do, at every offset and length. */
class ByteScanTest {

    private static final byte[] BYTES = {'a', 'Z', '0', ' ', '"', '\\', '/', 0x7f, (byte) 0x80, (byte) 0xc3,
            (byte) 0xff, 0x1f, (byte) (0x22 ^ 0x80), (byte) (0x5c ^ 0x80)};

    @Test
    void theScansAgreeWithSimpleLoops() {
        Random random = new Random(20261207);
        for (int n = 0; n < 100_000; n++) {
            byte[] b = new byte[random.nextInt(40)];
            int rare = 1 + random.nextInt(30);
            for (int i = 0; i < b.length; i++) {
                b[i] = random.nextInt(rare) == 0 ? BYTES[random.nextInt(BYTES.length)] : (byte) ('a' + random.nextInt(26));
            }
            int from = b.length == 0 ? 0 : random.nextInt(b.length + 1);
            int to = from + random.nextInt(b.length - from + 1);
            int expectedEnd = from;
            while (expectedEnd < to && b[expectedEnd] != '"' && b[expectedEnd] != '\\') {
                expectedEnd++;
            }
            boolean expectedPlain = true;
            for (int i = from; i < to; i++) {
                expectedPlain &= b[i] >= 0 && b[i] != '\\';
            }
            assertThat(ByteScan.quoteOrBackslash(b, from, to)).isEqualTo(expectedEnd);
            assertThat(ByteScan.plainAscii(b, from, to)).isEqualTo(expectedPlain);
        }
    }
}
