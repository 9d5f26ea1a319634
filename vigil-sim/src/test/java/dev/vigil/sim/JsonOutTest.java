package dev.vigil.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hand-written JSON must round-trip any string, including hostile ones, through a real parser. */
class JsonOutTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void hostileStringsRoundTrip() throws IOException {
        String[] samples = {"", "plain", "quote\" and \\ backslash", "line\nbreak\ttab\r\b\f", "\u0000\u001f\u007f",
                "</script><script>alert(1)</script>", "=cmd|'/C calc'!A0", "é ü 中文 😀", "\u2028\u2029",
                "\u001b[31mred\u001b[0m", "lone \uD800 surrogate", "end \uDC00"};
        for (String s : samples) {
            assertThat(roundTrip(s)).as(s).isEqualTo(s);
        }
    }

    @Test
    void randomStringsRoundTrip() throws IOException {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 2_000; i++) {
            char[] c = new char[random.nextInt(40)];
            for (int j = 0; j < c.length; j++) {
                c[j] = (char) random.nextInt(random.nextBoolean() ? 0x80 : 0x10000);
            }
            String s = new String(c);
            JsonNode parsed = JSON.readTree(write(s));
            if (!hasLoneSurrogate(s)) {
                assertThat(parsed.asText()).isEqualTo(s);
            }
        }
    }

    @Test
    void numbersAndLiteralsAreValidJson() throws IOException {
        JsonOut out = new JsonOut(4);
        out.raw((byte) '[');
        long[] values = {0, 7, -7, 1234567890123L, Long.MAX_VALUE, Long.MIN_VALUE};
        for (long v : values) {
            out.number(v);
            out.raw((byte) ',');
        }
        out.bool(true);
        out.raw((byte) ',');
        out.nul();
        out.raw((byte) ',');
        out.number(2.5);
        out.raw((byte) ']');
        JsonNode node = JSON.readTree(out.toByteArray());
        for (int i = 0; i < values.length; i++) {
            assertThat(node.get(i).asLong()).isEqualTo(values[i]);
        }
        assertThat(node.get(6).asBoolean()).isTrue();
        assertThat(node.get(7).isNull()).isTrue();
        assertThat(node.get(8).asDouble()).isEqualTo(2.5);
        assertThatThrownBy(() -> new JsonOut(4).number(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String roundTrip(String s) throws IOException {
        return JSON.readTree(write(s)).asText();
    }

    private static byte[] write(String s) {
        JsonOut out = new JsonOut(2); // tiny: exercises growth
        out.string(s);
        return out.toByteArray();
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
