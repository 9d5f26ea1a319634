package dev.vigil.engine.match;

import dev.vigil.engine.sigma.SigmaParseResult;
import dev.vigil.engine.sigma.SigmaRule;
import dev.vigil.engine.sigma.SigmaRuleParser;
import dev.vigil.engine.testing.MapEvent;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Conditions evaluate with Sigma precedence and quantifiers over the rule's searches. */
class ConditionEvaluationTest {

    private static EventMatcher rule(String condition) {
        String text = """
                title: t
                name: t
                logsource: {product: aws}
                detection:
                  a: {a: 1}
                  b: {b: 1}
                  c: {c: 1}
                  sel_x: {x: 1}
                  sel_y: {y: 1}
                  _helper: {h: 1}
                  condition: %s
                """.formatted(condition);
        SigmaParseResult r = SigmaRuleParser.parse("t.yml", text);
        assertThat(r.problems()).isEmpty();
        return MatcherCompiler.compile((SigmaRule) r.documents().getFirst());
    }

    private static MapEvent with(String... fields) {
        Map<String, Object> m = new HashMap<>();
        for (String f : fields) {
            m.put(f, 1L);
        }
        return new MapEvent(m);
    }

    @Test
    void precedence() {
        EventMatcher m = rule("a or b and c");
        assertThat(m.matches(with("a"))).isTrue();
        assertThat(m.matches(with("b"))).isFalse();
        assertThat(m.matches(with("b", "c"))).isTrue();
        EventMatcher n = rule("not a and b");
        assertThat(n.matches(with("b"))).isTrue();
        assertThat(n.matches(with("a", "b"))).isFalse();
        EventMatcher p = rule("not (a and b)");
        assertThat(p.matches(with("a"))).isTrue();
        assertThat(p.matches(with("a", "b"))).isFalse();
    }

    @Test
    void quantifiers() {
        EventMatcher one = rule("1 of sel_*");
        assertThat(one.matches(with("y"))).isTrue();
        assertThat(one.matches(with("a"))).isFalse();
        EventMatcher all = rule("all of sel_*");
        assertThat(all.matches(with("x"))).isFalse();
        assertThat(all.matches(with("x", "y"))).isTrue();
        EventMatcher them = rule("all of them");
        assertThat(them.matches(with("a", "b", "c", "x", "y"))).as("_helper is not part of them").isTrue();
        EventMatcher oneOfThem = rule("1 of them");
        assertThat(oneOfThem.matches(with("h"))).isFalse();
        assertThat(rule("1 of _*").matches(with("h"))).isTrue();
        EventMatcher notAny = rule("a and not 1 of sel_*");
        assertThat(notAny.matches(with("a"))).isTrue();
        assertThat(notAny.matches(with("a", "y"))).isFalse();
    }

    @Test
    void listOfConditionsIsOr() {
        String text = """
                title: t
                name: t
                logsource: {product: aws}
                detection:
                  a: {a: 1}
                  b: {b: 1}
                  condition: [a, b]
                """;
        EventMatcher m = MatcherCompiler.compile((SigmaRule) SigmaRuleParser.parse("t.yml", text).documents().getFirst());
        assertThat(m.matches(with("b"))).isTrue();
        assertThat(m.matches(with("c"))).isFalse();
    }
}
