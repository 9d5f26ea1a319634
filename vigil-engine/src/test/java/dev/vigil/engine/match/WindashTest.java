package dev.vigil.engine.match;

import dev.vigil.engine.testing.MapEvent;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static dev.vigil.engine.match.Selections.compile;
import static dev.vigil.engine.match.Selections.matches;
import static dev.vigil.engine.match.Selections.message;
import static org.assertj.core.api.Assertions.assertThat;

/** windash: flag characters starting a word match any of the five dash forms. */
class WindashTest {

    @Test
    void aFlagMatchesEachDashForm() {
        EventMatcher m = compile("f|windash|contains: ' -enc '");
        for (String dash : new String[] {"-", "/", "\u2013", "\u2014", "\u2015"}) {
            assertThat(matches(m, "powershell " + dash + "enc AAAA")).as(dash).isTrue();
        }
        assertThat(matches(m, "powershell +enc AAAA")).isFalse();
        assertThat(matches(m, "powershell enc AAAA")).isFalse();
    }

    @Test
    void aFlagWrittenWithAnotherDashAlsoCoversTheOthers() {
        EventMatcher m = compile("f|windash|contains: ' /c '");
        assertThat(matches(m, "cmd.exe -c whoami")).isTrue();
        assertThat(matches(m, "cmd.exe \u2014c whoami")).isTrue();
        EventMatcher en = compile("f|windash|startswith: '\u2013k'");
        assertThat(matches(en, "-k value")).isTrue();
    }

    @Test
    void dashesInsideWordsStayAsWritten() {
        EventMatcher m = compile("f|windash: 'Get-Item -Path'");
        assertThat(matches(m, "Get-Item /Path")).isTrue();
        assertThat(matches(m, "Get/Item -Path")).as("the dash inside Get-Item is not a flag").isFalse();
        EventMatcher doubleDash = compile("f|windash: '--verbose'");
        assertThat(matches(doubleDash, "-/verbose")).as("only the dash starting the word").isTrue();
        assertThat(matches(doubleDash, "//verbose")).isFalse();
        EventMatcher path = compile("f|windash: 'a/b'");
        assertThat(matches(path, "a/b")).isTrue();
        assertThat(matches(path, "a-b")).isFalse();
    }

    @Test
    void everyFlagOfAValueVariesOnItsOwn() {
        EventMatcher m = compile("f|windash|contains: '-nop -w hidden'");
        assertThat(matches(m, "powershell /nop -w hidden")).isTrue();
        assertThat(matches(m, "powershell -nop /w hidden")).isTrue();
        assertThat(matches(m, "powershell \u2015nop \u2013w hidden")).isTrue();
        assertThat(matches(m, "powershell -nop -x hidden")).isFalse();
    }

    @Test
    void wildcardsAndCaseAreKept() {
        EventMatcher m = compile("f|windash: '* -e*'");
        assertThat(matches(m, "x /ENC")).isTrue();
        EventMatcher cased = compile("f|windash|cased: '-Enc'");
        assertThat(matches(cased, "/Enc")).isTrue();
        assertThat(matches(cased, "/enc")).isFalse();
    }

    @Test
    void withAllEachValueMatchesInAnyOfItsForms() {
        EventMatcher m = compile("f|windash|contains|all: [' -a', ' -b']");
        assertThat(matches(m, "x /a -b")).isTrue();
        assertThat(matches(m, "x \u2014b /a")).isTrue();
        assertThat(matches(m, "x /a")).as("-b is still required").isFalse();
        assertThat(matches(m, "x -b")).isFalse();
    }

    @Test
    void keywordsToo() {
        EventMatcher m = compile("'|windash|all': [' -enc', 'hidden']");
        Map<String, Object> none = new HashMap<>();
        assertThat(m.matches(new MapEvent(none, "{\"c\":\"ps /enc x hidden\"}", "1", 0))).isTrue();
        assertThat(m.matches(new MapEvent(none, "{\"c\":\"ps /enc x\"}", "1", 0))).isFalse();
    }

    @Test
    void tooManyFlagsAreRefused() {
        assertThat(message("f|windash: '-a -b -c -d -e -f'")).contains("'windash' makes more than 4096");
        assertThat(message("f|re|windash: '-a'")).contains("'windash' applies to strings");
    }
}
