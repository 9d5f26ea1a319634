package dev.vigil.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TerminalTextTest {

    @Test
    void ansiSequencesBecomeInertVisibleText() {
        assertThat(TerminalText.sanitize("\u001B[31mred\u001B[0m")).isEqualTo("\\u001B[31mred\\u001B[0m");
        assertThat(TerminalText.sanitize("\u001B]0;title\u0007")).isEqualTo("\\u001B]0;title\\u0007");
        assertThat(TerminalText.sanitize("\u009B2J")).isEqualTo("\\u009B2J");
    }

    @Test
    void everyC0C1AndDelCharacterIsEscaped() {
        for (int c = 0; c < 0xA0; c++) {
            if (c >= 0x20 && c < 0x7F) {
                continue;
            }
            String s = TerminalText.sanitize("a" + (char) c + "b");
            assertThat(s).as("U+%04X", c).isEqualTo(String.format("a\\u%04Xb", c));
        }
    }

    @Test
    void lineBreaksCannotForgeExtraLines() {
        assertThat(TerminalText.sanitize("ok\r\nFAKE: 0 findings\u2028more\u0085end"))
                .isEqualTo("ok\\u000D\\u000AFAKE: 0 findings\\u2028more\\u0085end")
                .doesNotContain("\n", "\r");
    }

    @ParameterizedTest
    @ValueSource(ints = {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F,
            0x061C, 0x200B, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0xE0041, 0xFFFE})
    void bidiInvisibleAndTagCharactersAreEscaped(int cp) {
        String s = TerminalText.sanitize("x" + Character.toString(cp) + "y");
        assertThat(s).startsWith("x\\u").endsWith("y").doesNotContain(Character.toString(cp));
    }

    @Test
    void tagCharactersAreShownAsTheirSurrogateEscapes() {
        assertThat(TerminalText.sanitize(Character.toString(0xE0041))).isEqualTo("\\uDB40\\uDC41");
    }

    @Test
    void brokenSurrogatesAreEscapedButRealPairsKept() {
        assertThat(TerminalText.sanitize("a\uD800b\uDC00c")).isEqualTo("a\\uD800b\\uDC00c");
        assertThat(TerminalText.sanitize("emoji \uD83D\uDD12")).isEqualTo("emoji \uD83D\uDD12");
    }

    @Test
    void ordinaryTextIncludingNonLatinScriptsIsUntouchedAndTheSameInstance() {
        String s = "arn:aws:iam::123456789012:user/Jos\u00E9 \u65E5\u672C \u0627\u0644\u0639\u0631\u0628\u064A\u0629";
        assertThat(TerminalText.sanitize(s)).isSameAs(s);
        assertThat(TerminalText.sanitize(null)).isEmpty();
    }

    @Test
    void sanitizingTwiceChangesNothingMore() {
        String once = TerminalText.sanitize(Hostile.EVERYTHING);
        assertThat(TerminalText.sanitize(once)).isEqualTo(once);
        assertThat(once.chars()).allMatch(c -> c >= 0x20 && c != 0x7F && !(c >= 0x80 && c < 0xA0));
    }

    @Test
    void widthCountsWideCharactersAsTwoColumns() {
        assertThat(TerminalText.width("abc")).isEqualTo(3);
        assertThat(TerminalText.width("\u65E5\u672C")).isEqualTo(4);
        assertThat(TerminalText.width("e\u0301")).isEqualTo(1);
        assertThat(TerminalText.width("\uD83D\uDD12")).isEqualTo(2);
    }

    @Test
    void truncateEndsWithAnEllipsisAndFits() {
        assertThat(TerminalText.truncate("abcdef", 6)).isEqualTo("abcdef");
        assertThat(TerminalText.truncate("abcdefg", 6)).isEqualTo("abcde\u2026");
        assertThat(TerminalText.truncate("\u65E5\u672C\u8A9E", 4)).isEqualTo("\u65E5\u2026");
        assertThat(TerminalText.truncate("\uD83D\uDD12\uD83D\uDD12", 2)).isEqualTo("\u2026");
        assertThat(TerminalText.truncate("abc", 0)).isEmpty();
    }

    @Test
    void truncateMiddleKeepsTheEnd() {
        String arn = "arn:aws:iam::123456789012:user/alice";
        String cut = TerminalText.truncateMiddle(arn, 20);
        assertThat(TerminalText.width(cut)).isEqualTo(20);
        assertThat(cut).startsWith("arn:aws").contains("\u2026").endsWith("user/alice");
    }

    @Test
    void cellPadsToExactWidth() {
        assertThat(TerminalText.cell("ab", 5)).isEqualTo("ab   ");
        assertThat(TerminalText.cell("abcdefgh", 5)).isEqualTo("abcd\u2026");
        assertThat(TerminalText.right("42", 5)).isEqualTo("   42");
    }
}
