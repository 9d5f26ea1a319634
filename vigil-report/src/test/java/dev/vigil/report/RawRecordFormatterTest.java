package dev.vigil.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RawRecordFormatterTest {

    @Test
    void reindentsWithoutChangingKeysOrderDuplicatesOrDigits() {
        String raw = "{\"b\":1,\"a\":{\"n\":12345678901234567890123,\"f\":0.10000000000000000000001,\"e\":1E+2},"
                + "\"a\":[1,\"x\",null,true],\"empty\":{},\"none\":[]}";

        RawRecordFormatter.Shown shown = RawRecordFormatter.format(raw, 10_000);

        assertThat(shown.validJson()).isTrue();
        assertThat(shown.cutChars()).isZero();
        assertThat(shown.text()).isEqualTo("""
                {
                  "b": 1,
                  "a": {
                    "n": 12345678901234567890123,
                    "f": 0.10000000000000000000001,
                    "e": 1E+2
                  },
                  "a": [
                    1,
                    "x",
                    null,
                    true
                  ],
                  "empty": { },
                  "none": [ ]
                }""");
    }

    @Test
    void controlCharactersStayJsonEscapes() {
        String shown = RawRecordFormatter.format("{\"ua\":\"a\\u001b[31m\\u0000\\n\"}", 1_000).text();
        assertThat(shown).contains("\"a\\u001B[31m\\u0000\\n\"").doesNotContain("\u001B", "\u0000");
    }

    @Test
    void invalidJsonIsShownAsRead() {
        RawRecordFormatter.Shown shown = RawRecordFormatter.format("{\"a\": 1, oops", 1_000);
        assertThat(shown.validJson()).isFalse();
        assertThat(shown.text()).isEqualTo("{\"a\": 1, oops");
        assertThat(RawRecordFormatter.format("", 10).validJson()).isFalse();
        assertThat(RawRecordFormatter.format("[".repeat(3_000) + "]".repeat(3_000), 100_000).validJson())
                .as("deeper than Jackson's nesting limit").isFalse();
    }

    @Test
    void longRecordsAreCutWithoutSplittingACharacter() {
        String raw = "{\"k\":\"" + "\uD83D\uDD12".repeat(100) + "\"}";
        RawRecordFormatter.Shown shown = RawRecordFormatter.format(raw, 20);

        assertThat(shown.text()).hasSizeLessThanOrEqualTo(20);
        assertThat(Character.isHighSurrogate(shown.text().charAt(shown.text().length() - 1))).isFalse();
        assertThat(shown.text().length() + shown.cutChars())
                .isEqualTo(RawRecordFormatter.format(raw, Integer.MAX_VALUE).text().length());
    }
}
