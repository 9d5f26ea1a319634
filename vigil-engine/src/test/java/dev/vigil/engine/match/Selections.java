package dev.vigil.engine.match;

import dev.vigil.engine.sigma.Placeholders;
import dev.vigil.engine.sigma.SigmaParseResult;
import dev.vigil.engine.sigma.SigmaRule;
import dev.vigil.engine.sigma.SigmaRuleParser;
import dev.vigil.engine.testing.MapEvent;
import dev.vigil.model.Problem;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Rules made of one selection, written as YAML lines, for the modifier tests. */
final class Selections {

    private Selections() {
    }

    static String rule(String... lines) {
        return "title: t\nname: t\nlogsource: {product: aws}\ndetection:\n  selection:\n"
                + Arrays.stream(lines).map(l -> "    " + l + "\n").reduce("", String::concat)
                + "  condition: selection\n";
    }

    /** The compiled selection; fails the test if the rule does not load. */
    static EventMatcher compile(Placeholders placeholders, String... lines) {
        SigmaParseResult r = SigmaRuleParser.parse("test.yml", rule(lines), placeholders);
        assertThat(r.problems()).isEmpty();
        return MatcherCompiler.compile((SigmaRule) r.documents().getFirst());
    }

    static EventMatcher compile(String... lines) {
        return compile(Placeholders.NONE, lines);
    }

    /** The one problem the rule has. */
    static Problem problem(Placeholders placeholders, String... lines) {
        SigmaParseResult r = SigmaRuleParser.parse("test.yml", rule(lines), placeholders);
        assertThat(r.documents()).as("the rule must not load").isEmpty();
        assertThat(r.problems()).hasSize(1);
        return r.problems().getFirst();
    }

    static String message(String... lines) {
        return problem(Placeholders.NONE, lines).message();
    }

    /** Whether the matcher accepts an event whose field {@code f} holds the value. */
    static boolean matches(EventMatcher m, Object value) {
        return m.matches(MapEvent.of("f", value));
    }

    /** An event with fields given as path, value, path, value… */
    static MapEvent event(Object... pathsAndValues) {
        Map<String, Object> fields = new HashMap<>();
        for (int i = 0; i < pathsAndValues.length; i += 2) {
            fields.put((String) pathsAndValues[i], pathsAndValues[i + 1]);
        }
        return new MapEvent(fields);
    }

    static Placeholders placeholders(Object... namesAndLists) {
        Map<String, List<String>> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndLists.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> list = (List<String>) namesAndLists[i + 1];
            values.put((String) namesAndLists[i], list);
        }
        return new Placeholders(values);
    }
}
