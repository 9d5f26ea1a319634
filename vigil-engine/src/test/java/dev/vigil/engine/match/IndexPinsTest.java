package dev.vigil.engine.match;

import dev.vigil.engine.sigma.SigmaRule;
import dev.vigil.engine.sigma.SigmaRuleParser;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class IndexPinsTest {

    private static Optional<Set<String>> pins(String detection) {
        String text = "title: t\nname: t\nlogsource: {product: aws}\ndetection:\n" + detection;
        var r = SigmaRuleParser.parse("t.yml", text);
        assertThat(r.problems()).isEmpty();
        return IndexPins.of((SigmaRule) r.documents().getFirst(), "eventName");
    }

    @Test
    void equalityInTheTopAndPins() {
        assertThat(pins("  s: {eventName: [StopLogging, DeleteTrail], x: 1}\n  condition: s\n"))
                .contains(Set.of("stoplogging", "deletetrail"));
        assertThat(pins("  s: {eventName: StopLogging}\n  f: {y: 1}\n  condition: s and not f\n"))
                .contains(Set.of("stoplogging"));
    }

    @Test
    void orPinsOnlyWhenEveryBranchDoes() {
        assertThat(pins("  a: {eventName: A}\n  b: {eventName: B}\n  condition: a or b\n")).contains(Set.of("a", "b"));
        assertThat(pins("  a: {eventName: A}\n  b: {other: B}\n  condition: a or b\n")).isEmpty();
        assertThat(pins("  s:\n    - eventName: A\n    - eventName: B\n  condition: s\n")).contains(Set.of("a", "b"));
    }

    @Test
    void wildcardsModifiersNegationAndKeywordsNeverPin() {
        assertThat(pins("  s: {eventName: 'Stop*'}\n  condition: s\n")).isEmpty();
        assertThat(pins("  s: {eventName|startswith: Stop}\n  condition: s\n")).isEmpty();
        assertThat(pins("  s: {eventName: StopLogging}\n  condition: not s\n")).isEmpty();
        assertThat(pins("  s: [StopLogging]\n  condition: s\n")).isEmpty();
        assertThat(pins("  s: {eventName: 22}\n  condition: s\n")).isEmpty();
    }

    @Test
    void quantifiersPinLikeTheirOperators() {
        assertThat(pins("  s_a: {eventName: A}\n  s_b: {eventName: B}\n  condition: 1 of s_*\n")).contains(Set.of("a", "b"));
        assertThat(pins("  s_a: {eventName: [A, B]}\n  s_b: {eventName: [B, C]}\n  condition: all of s_*\n"))
                .contains(Set.of("b"));
    }

    @Test
    void newModifiersPinOnlyWhenTheFieldMustEqualPlainValues() {
        assertThat(pins("  s: {eventName|neq: StopLogging}\n  condition: s\n")).as("neq").isEmpty();
        assertThat(pins("  s: {eventName|fieldref: other}\n  condition: s\n")).isEmpty();
        assertThat(pins("  s: {eventName|windash|all: ['-a', '-b']}\n  condition: s\n")).isEmpty();
        assertThat(pins("  s: {eventName|windash: '-a'}\n  condition: s\n")).as("every form is a plain value")
                .contains(Set.of("-a", "/a", "\u2013a", "\u2014a", "\u2015a"));
        var r = SigmaRuleParser.parse("t.yml", "title: t\nname: t\nlogsource: {product: aws}\ndetection:\n"
                + "  s: {eventName|expand: '%names%'}\n  condition: s\n",
                new dev.vigil.engine.sigma.Placeholders(java.util.Map.of("names", java.util.List.of("A", "B"))));
        assertThat(IndexPins.of((SigmaRule) r.documents().getFirst(), "eventName")).contains(Set.of("a", "b"));
    }
}
