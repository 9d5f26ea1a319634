package dev.vigil.hub;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoredTextTest {

    @Test
    void keepsValidTextIncludingNulControlsAndSurrogatePairs() {
        String text = "a\u0000b\u001b[31m\u202e\uD83D\uDE00中";
        assertThat(StoredText.of(text)).isSameAs(text);
    }

    @Test
    void replacesUnpairedSurrogatesOnly() {
        assertThat(StoredText.of("x\uD800y")).isEqualTo("x\uFFFDy");
        assertThat(StoredText.of("\uDC00\uD83D\uDE00\uD83D")).isEqualTo("\uFFFD\uD83D\uDE00\uFFFD");
        assertThat(StoredText.of("\uDE00\uD83D")).isEqualTo("\uFFFD\uFFFD");
    }
}
