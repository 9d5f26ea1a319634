package dev.vigil.posture.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TerminalSafeTest {

    @Test
    void controlFormatAndBrokenCharactersBecomeVisibleEscapes() {
        assertThat(TerminalSafe.clean("a\u0000b\u009Bc\u200Bd\uD800e\u2028f")).isEqualTo(
                "a\\u0000b\\u009Bc\\u200Bd\\uD800e\\u2028f");
        assertThat(TerminalSafe.clean("plain ünïcode 東京")).isEqualTo("plain ünïcode 東京");
        assertThat(TerminalSafe.clean(null)).isEmpty();
    }

    @Test
    void wideCharactersCountTwoColumnsWhenFitting() {
        assertThat(TerminalSafe.width("東京")).isEqualTo(4);
        assertThat(TerminalSafe.fit("東京東京東京", 7)).isEqualTo("東京...");
        assertThat(TerminalSafe.pad("ab", 4)).isEqualTo("ab  ");
        assertThat(TerminalSafe.right("7", 3)).isEqualTo("  7");
    }

    @Test
    void wrappingBreaksOverlongWordsAndMarksWhatWasLeftOut() {
        assertThat(TerminalSafe.wrap("one two three four", 9, 5)).containsExactly("one two", "three", "four");
        assertThat(TerminalSafe.wrap("x".repeat(25), 10, 5)).containsExactly("x".repeat(10), "x".repeat(10), "xxxxx");
        assertThat(TerminalSafe.wrap("aaaa bbbb cccc dddd eeee", 9, 2)).containsExactly("aaaa bbbb", "cccc d...");
    }

    @Test
    void middleCutsKeepTheEnd() {
        String arn = "arn:aws:s3:::" + "x".repeat(50) + "-the-name";
        String cut = TerminalSafe.fitMiddle(arn, 30);
        assertThat(cut).startsWith("arn:aws:s3").contains("...").endsWith("-the-name");
        assertThat(TerminalSafe.width(cut)).isEqualTo(30);
    }
}
