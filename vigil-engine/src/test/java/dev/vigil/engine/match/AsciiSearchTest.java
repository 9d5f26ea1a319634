package dev.vigil.engine.match;

import dev.vigil.model.AsciiChars;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code contains} searched in ASCII bytes read in place decides exactly as it does on a String with the same
 * characters: cased or folded, patterns with letters, with the characters that differ from a letter only in bit
 * 0x20 ({@code @ [ ` {}), and with non-ASCII characters that fold to ASCII letters (Kelvin sign, long s) or not.
 */
class AsciiSearchTest {

    /** A view on the middle of a larger array, junk on both sides, as an event's record holds its fields. */
    record View(byte[] array, int offset, int length) implements AsciiChars {
        static View of(String text, Random random) {
            byte[] t = text.getBytes(StandardCharsets.US_ASCII);
            int before = random.nextInt(5);
            byte[] b = new byte[before + t.length + random.nextInt(5)];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) "kKaA@`".charAt(random.nextInt(6));
            }
            System.arraycopy(t, 0, b, before, t.length);
            return new View(b, before, t.length);
        }

        @Override
        public char charAt(int index) {
            return (char) array[offset + index];
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return toString().substring(start, end);
        }

        @Override
        public String toString() {
            return new String(array, offset, length, StandardCharsets.US_ASCII);
        }
    }

    private static final String TEXT = "kKaAlLiI@[`{-_./ 09";
    private static final String PATTERN = TEXT + "\u212A\u017F\u00E9";

    private static String random(Random r, String alphabet, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    @Test
    void bytesInPlaceAndAStringDecideAlike() {
        Random r = new Random(20261207);
        int matched = 0;
        for (int n = 0; n < 20_000; n++) {
            boolean cased = r.nextBoolean();
            String raw = random(r, PATTERN, r.nextInt(4));
            char[] pattern = (cased ? raw : CaseFold.fold(raw)).toCharArray();
            TextPattern contains = new TextPattern.Contains(pattern, cased);
            for (int k = 0; k < 10; k++) {
                String text = random(r, TEXT, r.nextInt(14));
                if (k == 0 && raw.chars().allMatch(c -> c < 0x80)) {
                    text = text + raw.toUpperCase(java.util.Locale.ROOT) + text; // make a folded match likely
                }
                boolean expected = contains.matches(text);
                matched += expected ? 1 : 0;
                assertThat(contains.matches(View.of(text, r))).as("'%s' in '%s', cased %s", raw, text, cased)
                        .isEqualTo(expected);
            }
        }
        assertThat(matched).as("matches are tested, not only misses").isGreaterThan(20_000);
    }

    @Test
    void theToolNamesOfTheUserAgentRules() {
        Random r = new Random(1);
        TextPattern kali = new TextPattern.Contains("kali".toCharArray(), false);
        assertThat(kali.matches(View.of("aws-cli/2.15.0 Python/3.11.6 Linux/6.5.0-kali3-amd64 exe/x86_64.kali.2024", r)))
                .isTrue();
        assertThat(kali.matches(View.of("Boto3/1.34 md/Botocore#1.34 ua/2.0 os/linux#6.1 KALI", r))).isTrue();
        assertThat(kali.matches(View.of("aws-cli/2.15.0 Python/3.11.6 Linux/6.5.0-generic exe/x86_64.ubuntu.22", r)))
                .isFalse();
        assertThat(kali.matches(View.of("kal", r))).isFalse();
        assertThat(new TextPattern.Contains(new char[0], false).matches(View.of("", r))).isTrue();
    }
}
