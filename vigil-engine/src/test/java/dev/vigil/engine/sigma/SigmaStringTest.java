package dev.vigil.engine.sigma;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.vigil.engine.sigma.SigmaString.Wildcard.ANY_CHARS;
import static dev.vigil.engine.sigma.SigmaString.Wildcard.ONE_CHAR;
import static org.assertj.core.api.Assertions.assertThat;

class SigmaStringTest {

    private static SigmaString.Literal lit(String s) {
        return new SigmaString.Literal(s);
    }

    @Test
    void plainTextHasNoWildcards() {
        SigmaString s = SigmaString.parse("StopLogging");
        assertThat(s.parts()).containsExactly(lit("StopLogging"));
        assertThat(s.plainText()).contains("StopLogging");
    }

    @Test
    void starAndQuestionMarkAreWildcards() {
        assertThat(SigmaString.parse("a*b?c").parts()).containsExactly(lit("a"), ANY_CHARS, lit("b"), ONE_CHAR, lit("c"));
        assertThat(SigmaString.parse("**x").parts()).as("runs of * collapse").containsExactly(ANY_CHARS, lit("x"));
    }

    @Test
    void escapesFollowTheSpecification() {
        // \* and \? are literal; \\ is one backslash; a backslash before anything else is itself
        assertThat(SigmaString.parse("a\\*b").parts()).containsExactly(lit("a*b"));
        assertThat(SigmaString.parse("a\\?").parts()).containsExactly(lit("a?"));
        assertThat(SigmaString.parse("C:\\Windows\\x").parts()).containsExactly(lit("C:\\Windows\\x"));
        assertThat(SigmaString.parse("\\\\*").parts()).as("escaped backslash then wildcard")
                .containsExactly(lit("\\"), ANY_CHARS);
        assertThat(SigmaString.parse("\\\\\\*").parts()).as("backslash and star, both plain")
                .containsExactly(lit("\\*"));
        assertThat(SigmaString.parse("\\\\\\").parts()).as("three backslashes are two").containsExactly(lit("\\\\"));
        assertThat(SigmaString.parse("\\\\\\\\").parts()).as("four backslashes are two").containsExactly(lit("\\\\"));
        assertThat(SigmaString.parse("end\\").parts()).as("trailing backslash").containsExactly(lit("end\\"));
    }

    @Test
    void writesItselfBackWithEscapes() {
        for (String text : List.of("a*b", "a\\*b", "x?\\\\*", "C:\\\\Windows")) {
            SigmaString s = SigmaString.parse(text);
            assertThat(SigmaString.parse(s.toSigmaText())).isEqualTo(new SigmaString(s.parts(), false, s.toSigmaText()));
        }
    }

    @Test
    void wildcardsAroundAreAddedOnce() {
        SigmaString s = SigmaString.parse("*x").withLeadingAnyChars().withTrailingAnyChars().withTrailingAnyChars();
        assertThat(s.parts()).containsExactly(ANY_CHARS, lit("x"), ANY_CHARS);
        assertThat(s.source()).as("derived values lose their source").isNull();
    }

    @Test
    void emptyStringIsEmpty() {
        assertThat(SigmaString.parse("").parts()).isEmpty();
        assertThat(SigmaString.parse("").plainText()).contains("");
    }
}
