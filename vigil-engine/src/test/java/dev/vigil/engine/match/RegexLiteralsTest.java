package dev.vigil.engine.match;

import com.google.re2j.Pattern;
import dev.vigil.engine.sigma.SigmaRegex;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Literal-only expressions skip RE2/J, and must answer exactly as RE2/J would. */
class RegexLiteralsTest {

    private static final List<String> LITERAL = List.of("^(AccessDenied|Client\\.UnauthorizedOperation)$",
            "(sqlmap|nmap)", "(?:kali|parrot)", "\\.exe$", "^Get", "Boto3/1\\.2", "^exact$", "a\\+b", "x\\$$",
            "^(a|bc|d)", "(ks|SK)$", "\\\\");
    private static final List<String> NOT_LITERAL = List.of("^a|b$", "a.b", "\\d+", "[ab]", "a*", "(?i)a",
            "(a|b)(c|d)", "a{2}", "\\bword", "a|", "\\x41", "a$b");

    @Test
    void literalAlternativesAreRecognisedAndOthersLeftToRe2() {
        for (String re : LITERAL) {
            assertThat(RegexLiterals.alternatives(new SigmaRegex(re, false, false, false))).as(re).isPresent();
        }
        for (String re : NOT_LITERAL) {
            assertThat(RegexLiterals.alternatives(new SigmaRegex(re, false, false, false))).as(re).isEmpty();
        }
        assertThat(RegexLiterals.alternatives(new SigmaRegex("^a$", false, true, false))).as("multi-line").isEmpty();
    }

    @Test
    void answersExactlyAsRe2OnRandomTexts() {
        Random random = new Random(5);
        String alphabet = "abcdeksKSGET./\\$+|xX\u212A\u017Fnmapsqlkali";
        String[] seeds = {"AccessDenied", "Client.UnauthorizedOperation", "sqlmap", "nmap", "kali", "parrot", "x.exe",
                "GetObject", "Boto3/1.28", "exact", "a+b", "x$", "ks", "SK", "\\"};
        for (String re : LITERAL) {
            for (boolean ignoreCase : new boolean[] {false, true}) {
                SigmaRegex r = new SigmaRegex(re, ignoreCase, false, false);
                Pattern p = r.compile();
                ValueMatcher fast = RegexLiterals.matcher(r).orElseThrow();
                for (int i = 0; i < 3000; i++) {
                    StringBuilder b = new StringBuilder();
                    if (random.nextInt(3) == 0) {
                        b.append(seeds[random.nextInt(seeds.length)]);
                    }
                    for (int n = random.nextInt(6); n > 0; n--) {
                        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
                    }
                    if (random.nextInt(2) == 0) {
                        String s = seeds[random.nextInt(seeds.length)];
                        b.append(random.nextBoolean() ? s.toUpperCase() : s);
                    }
                    String text = b.toString();
                    assertThat(((TextValueMatcher) fast).testText(text)).as(re + " i=" + ignoreCase + " on " + text)
                            .isEqualTo(p.matcher(text).find());
                }
            }
        }
    }
}
