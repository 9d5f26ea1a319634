package dev.vigil.engine.match;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case-insensitive contains of a String takes fast paths (indexOf for a first character without case, two
 * candidates for an ASCII letter); any other CharSequence takes the general loop. Both must agree on every text,
 * including the non-ASCII letters that fold to ASCII ones (Kelvin sign, long s, dotted and dotless i).
 */
class ContainsFastPathTest {

    private static final String ALPHABET = "aAbBkKsSiI-_./: 0129\u212A\u017F\u0130\u0131\u00E9\u00C9xX";

    @Test
    void theFastPathsAgreeWithTheGeneralLoop() {
        Random random = new Random(20261202);
        int matched = 0;
        for (int n = 0; n < 200_000; n++) {
            String text = random(random, random.nextInt(24));
            String pattern = random.nextInt(3) == 0 && text.length() > 2
                    ? text.substring(random.nextInt(text.length() / 2), text.length() - random.nextInt(2))
                    : random(random, 1 + random.nextInt(3));
            TextPattern.Contains contains = new TextPattern.Contains(CaseFold.fold(pattern).toCharArray(), false);
            boolean fast = contains.matches(text);
            boolean general = contains.matches(new StringBuilder(text));
            assertThat(fast).as("'%s' in '%s'", pattern, text).isEqualTo(general);
            matched += fast ? 1 : 0;
        }
        assertThat(matched).as("the inputs exercise matches as well as misses").isBetween(20_000, 180_000);
    }

    @Test
    void nonAsciiLettersThatFoldToAsciiStillMatch() {
        assertThat(new TextPattern.Contains("kali".toCharArray(), false).matches("\u212Aali-linux")).isTrue();
        assertThat(new TextPattern.Contains("ssh".toCharArray(), false).matches("open\u017FSH")).isTrue();
        assertThat(new TextPattern.Contains("sqlmap".toCharArray(), false).matches("SQLMap/1.7")).isTrue();
        assertThat(new TextPattern.Contains("/1.".toCharArray(), false).matches("curl/1.2")).isTrue();
        assertThat(new TextPattern.Contains("/1.".toCharArray(), false).matches("curl/2.1")).isFalse();
    }

    private static String random(Random random, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
