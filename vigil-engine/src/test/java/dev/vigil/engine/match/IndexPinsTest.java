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

    private static SigmaRule rule(String detection) {
        var r = SigmaRuleParser.parse("t.yml", "title: t\nname: t\nlogsource: {product: aws}\ndetection:\n" + detection);
        assertThat(r.problems()).isEmpty();
        return (SigmaRule) r.documents().getFirst();
    }

    private static java.util.function.Predicate<String> nameTest(String detection) {
        return IndexPins.test(rule(detection), "eventName").orElseThrow();
    }

    @Test
    void nameTestsFollowEveryValueOnlyModifier() {
        var suffix = nameTest("  s: {eventSource: iam.amazonaws.com, eventName|endswith: Policy}\n  condition: s\n");
        assertThat(suffix.test("PutUserPolicy")).isTrue();
        assertThat(suffix.test("putuserPOLICY")).as("case-insensitive like the rule").isTrue();
        assertThat(suffix.test("CreateUser")).isFalse();
        var prefix = nameTest("  s: {eventName|startswith: [Describe, List]}\n  condition: s\n");
        assertThat(prefix.test("ListBuckets")).isTrue();
        assertThat(prefix.test("GetObject")).isFalse();
        var regex = nameTest("  s: {eventName|re: '^(Stop|Delete)Trail$'}\n  condition: s\n");
        assertThat(regex.test("DeleteTrail")).isTrue();
        assertThat(regex.test("CreateTrail")).isFalse();
        var all = nameTest("  s: {eventName|contains|all: [Access, Key]}\n  condition: s\n");
        assertThat(all.test("CreateAccessKey")).isTrue();
        assertThat(all.test("CreateAccessPoint")).isFalse();
    }

    @Test
    void nameTestsCombineLikeTheCondition() {
        var or = nameTest("  a: {eventName|startswith: Stop}\n  b: {eventName|endswith: Trail}\n  condition: a or b\n");
        assertThat(or.test("StopInstances")).isTrue();
        assertThat(or.test("CreateTrail")).isTrue();
        assertThat(or.test("CreateUser")).isFalse();
        var and = nameTest("  a: {eventName|startswith: Create}\n  b: {eventName|endswith: Trail}\n  condition: a and b\n");
        assertThat(and.test("CreateTrail")).isTrue();
        assertThat(and.test("CreateUser")).isFalse();
        assertThat(and.test("DeleteTrail")).isFalse();
        var filtered = nameTest("  a: {eventName|startswith: Create}\n  f: {eventName: CreateTags}\n"
                + "  condition: a and not f\n");
        assertThat(filtered.test("CreateTags")).as("a negation never narrows the test").isTrue();
    }

    @Test
    void nameTestsAreAbsentWhenAMatchNeedNotConstrainTheName() {
        assertThat(IndexPins.test(rule("  a: {eventName|endswith: Trail}\n  b: {userAgent: x}\n  condition: a or b\n"),
                "eventName")).isEmpty();
        assertThat(IndexPins.test(rule("  s: {eventName: CreateUser}\n  condition: not s\n"), "eventName")).isEmpty();
        assertThat(IndexPins.test(rule("  s: {eventName|fieldref: other}\n  condition: s\n"), "eventName")).isEmpty();
        assertThat(IndexPins.test(rule("  s: {eventName|neq: CreateUser}\n  condition: s\n"), "eventName")).isEmpty();
        assertThat(IndexPins.test(rule("  s: [CreateUser]\n  condition: s\n"), "eventName")).isEmpty();
    }

    /** Soundness on real records: whenever a built-in rule matches, its name and source tests pass. */
    @Test
    void builtInRulesNeverFailTheirOwnTestsOnRecordsTheyMatch() throws java.io.IOException {
        java.util.List<SigmaRule> rules = new java.util.ArrayList<>();
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/rules"))) {
            for (var f : files.filter(p -> p.toString().endsWith(".yml")).sorted().toList()) {
                var parsed = SigmaRuleParser.parse(f.toString(), java.nio.file.Files.readString(f));
                parsed.documents().stream().filter(SigmaRule.class::isInstance).map(SigmaRule.class::cast)
                        .forEach(rules::add);
            }
        }
        assertThat(rules).hasSizeGreaterThan(40);
        int matched = 0;
        try (var files = java.nio.file.Files.list(dev.vigil.engine.testing.SharedData.stratus())) {
            for (var f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                for (var event : dev.vigil.engine.testing.JsonEvent.readFile(f)) {
                    for (SigmaRule r : rules) {
                        if (!MatcherCompiler.compile(r).matches(event)) {
                            continue;
                        }
                        matched++;
                        Object name = event.field("eventName");
                        Object source = event.field("eventSource");
                        IndexPins.test(r, "eventName").ifPresent(t ->
                                assertThat(t.test((String) name)).as(r.ruleId() + " on " + name).isTrue());
                        IndexPins.test(r, "eventSource").ifPresent(t ->
                                assertThat(t.test((String) source)).as(r.ruleId() + " on " + source).isTrue());
                    }
                }
            }
        }
        assertThat(matched).isGreaterThan(20);
    }
}
