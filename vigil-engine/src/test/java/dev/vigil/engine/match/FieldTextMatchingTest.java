package dev.vigil.engine.match;

import dev.vigil.engine.testing.MapEvent;
import dev.vigil.model.Event;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text-only field tests read the field with {@link Event#fieldText}, which may hand out any CharSequence instead
 * of a String. Random patterns of every shape (exact, prefix, suffix, contains, wildcards, literal-alternative
 * regular expressions; cased or not) decide a String and another CharSequence with the same characters alike.
 */
class FieldTextMatchingTest {

    private static final String ALPHABET = "aAbBkKsS-_./:0 9\u212A\u017F\u00E9";

    /** An event whose fieldText gives the text as a StringBuilder: not a String, as a view on bytes is not. */
    private static Event viewing(String value) {
        MapEvent plain = MapEvent.of("f", value);
        return new Event() {
            @Override
            public String logSource() {
                return plain.logSource();
            }

            @Override
            public String id() {
                return plain.id();
            }

            @Override
            public long timeMillis() {
                return plain.timeMillis();
            }

            @Override
            public Object field(String path) {
                return plain.field(path);
            }

            @Override
            public Object fieldText(String path) {
                Object v = plain.field(path);
                return v instanceof String s ? new StringBuilder(s) : v;
            }

            @Override
            public String rawJson() {
                return plain.rawJson();
            }

            @Override
            public String origin() {
                return plain.origin();
            }
        };
    }

    @Test
    void aCharSequenceAndAStringWithTheSameTextMatchAlike() {
        Random random = new Random(20261207);
        String[] modifiers = {"", "|contains", "|startswith", "|endswith", "|cased", "|contains|cased", "|re",
                "|re|i"};
        int matched = 0;
        int checked = 0;
        for (int n = 0; n < 4_000; n++) {
            String modifier = modifiers[random.nextInt(modifiers.length)];
            String pattern = modifier.startsWith("|re")
                    ? "(" + text(random, 1 + random.nextInt(3)).replaceAll("[.]", "x") + "|"
                    + text(random, 1 + random.nextInt(3)).replaceAll("[.]", "x") + ")"
                    : text(random, 1 + random.nextInt(3)) + (random.nextInt(4) == 0 ? "*" : "")
                    + (random.nextInt(4) == 0 ? "?" + text(random, 1) : "");
            EventMatcher m = MatchingTest.selection("f" + modifier + ": '" + pattern + "'");
            for (int k = 0; k < 25; k++) {
                String value = random.nextInt(3) == 0 ? pattern.replaceAll("[()|*?]", "") + text(random, 2)
                        : text(random, random.nextInt(12));
                boolean expected = m.matches(MapEvent.of("f", value));
                assertThat(m.matches(viewing(value))).as("f%s: '%s' on '%s'", modifier, pattern, value)
                        .isEqualTo(expected);
                matched += expected ? 1 : 0;
                checked++;
            }
        }
        assertThat(matched).as("the inputs exercise matches as well as misses").isBetween(checked / 50, checked / 2);
    }

    @Test
    void nonTextValuesAndNonTextTestsAreUnchanged() {
        EventMatcher number = MatchingTest.selection("f: 42");
        assertThat(number.matches(viewing("42"))).isTrue();
        EventMatcher cidr = MatchingTest.selection("f|cidr: 10.0.0.0/8");
        assertThat(cidr.matches(viewing("10.1.2.3"))).isTrue();
        EventMatcher text = MatchingTest.selection("f|contains: ali");
        assertThat(text.matches(new MapEvent(Map.of("f", java.util.List.of("x", "kali"))))).isTrue();
    }

    private static String text(Random random, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
