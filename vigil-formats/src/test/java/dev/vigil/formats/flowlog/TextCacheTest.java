package dev.vigil.formats.flowlog;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parser's string caches (ids, and addresses with their own slots) must hand back exactly the text of the bytes
 * asked for, whatever collides in a slot and whatever the bytes hold; a repeated value comes back as the same String.
 */
class TextCacheTest {

    private static String get(TextCache cache, String text) {
        byte[] line = ("  " + text + "  ").getBytes(StandardCharsets.UTF_8);
        return cache.get(line, 2, line.length - 2);
    }

    @Test
    void repeatedValuesComeBackAsTheSameStringAndCollisionsNeverMixThemUp() {
        TextCache cache = new TextCache(4, 48); // four slots: addresses collide all the time
        List<String> values = new ArrayList<>();
        Random random = new Random(20261207);
        for (int i = 0; i < 200; i++) {
            values.add(random.nextBoolean()
                    ? random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256)
                    : "2001:db8::" + Integer.toHexString(random.nextInt(1 << 16)));
        }
        for (int round = 0; round < 20_000; round++) {
            String v = values.get(random.nextInt(values.size()));
            assertThat(get(cache, v)).isEqualTo(v);
        }
        String first = get(cache, "198.51.100.7");
        assertThat(get(cache, "198.51.100.7")).isSameAs(first);
    }

    @Test
    void hostileBytesAreReturnedAsTheyDecodeAndLongOnesAreNotCached() {
        TextCache cache = new TextCache(16, 48);
        String huge = "1".repeat(10_000);
        assertThat(get(cache, huge)).isEqualTo(huge).isNotSameAs(get(cache, huge));
        for (String hostile : List.of("<script>alert(1)</script>", "\u00e9\u00e8::1", "\u202e1.2.3.4", "%00",
                "1.2.3.4\u0000", "x".repeat(48), "x".repeat(49))) {
            assertThat(get(cache, hostile)).isEqualTo(hostile);
            assertThat(get(cache, hostile)).isEqualTo(hostile);
        }
        byte[] invalidUtf8 = {(byte) 0xff, (byte) 0xfe, '1'};
        assertThat(cache.get(invalidUtf8, 0, 3)).isEqualTo(new String(invalidUtf8, StandardCharsets.UTF_8));
        assertThat(cache.get(invalidUtf8, 0, 0)).isEmpty();
    }
}
