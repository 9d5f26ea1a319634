package dev.vigil.engine.match;

import dev.vigil.engine.sigma.SigmaParseResult;
import dev.vigil.engine.sigma.SigmaRule;
import dev.vigil.engine.sigma.SigmaRuleParser;
import dev.vigil.engine.testing.MapEvent;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A condition specialised for known eventSource and eventName values decides every event holding those values as
 * the original condition does. Checked on random rules (selections over the known fields and others, every shape of
 * condition, modifiers, {@code fieldref} between a known and an unknown field) against random events.
 */
class MatcherSpecializerTest {

    private static final String[] SOURCES = {"iam.amazonaws.com", "s3.amazonaws.com", "ec2.amazonaws.com"};
    private static final String[] NAMES = {"PutUserPolicy", "GetObject", "DeleteBucketPolicy", "RunInstances",
            "CreateUser"};
    private static final String[] AGENTS = {"kali-linux", "aws-cli/2", "GetObject", "Boto3", "s3.amazonaws.com"};

    @Test
    void specialisedConditionsDecideAsTheOriginalOnEveryEventWithTheKnownValues() {
        Random random = new Random(20261207);
        int matched = 0;
        int dropped = 0;
        int checked = 0;
        for (int n = 0; n < 3_000; n++) {
            String text = rule(random);
            SigmaParseResult parsed = SigmaRuleParser.parse("random.yml", text);
            assertThat(parsed.problems()).as(text).isEmpty();
            EventMatcher original = MatcherCompiler.compile((SigmaRule) parsed.documents().getFirst());
            String source = pick(random, SOURCES);
            String name = pick(random, NAMES);
            Optional<EventMatcher> special = MatcherSpecializer.specialize(original,
                    Map.of("eventSource", source, "eventName", name));
            dropped += special.isEmpty() ? 1 : 0;
            for (int k = 0; k < 20; k++) {
                MapEvent event = event(random, source, name);
                boolean expected = original.matches(event);
                assertThat(special.map(m -> m.matches(event)).orElse(false))
                        .as("%s%nsource %s, name %s, event %s", text, source, name, event.field("userAgent"))
                        .isEqualTo(expected);
                matched += expected ? 1 : 0;
                checked++;
            }
        }
        assertThat(matched).as("the inputs exercise matches as well as misses").isBetween(checked / 20, checked * 19 / 20);
        assertThat(dropped).as("some rules are decided false for a pair").isPositive();
    }

    @Test
    void testsOfOtherFieldsAndFieldReferencesStay() {
        EventMatcher m = MatchingTest.selection("eventName|fieldref: userAgent", "eventSource: s3.amazonaws.com");
        EventMatcher special = MatcherSpecializer.specialize(m,
                Map.of("eventSource", "s3.amazonaws.com", "eventName", "GetObject")).orElseThrow();
        assertThat(special).isInstanceOf(FieldMatcher.class);
        assertThat(special.matches(event("s3.amazonaws.com", "GetObject", "GetObject"))).isTrue();
        assertThat(special.matches(event("s3.amazonaws.com", "GetObject", "kali"))).isFalse();
    }

    @Test
    void decidedTestsAreDroppedAndAFailedPinDropsTheRule() {
        EventMatcher m = MatchingTest.selection("eventSource: s3.amazonaws.com", "eventName: GetObject",
                "userAgent|contains: kali");
        EventMatcher special = MatcherSpecializer.specialize(m,
                Map.of("eventSource", "s3.amazonaws.com", "eventName", "GetObject")).orElseThrow();
        assertThat(special).isInstanceOf(FieldMatcher.class);
        assertThat(((FieldMatcher) special).path()).isEqualTo("userAgent");
        assertThat(MatcherSpecializer.specialize(m, Map.of("eventSource", "s3.amazonaws.com",
                "eventName", "PutObject"))).isEmpty();
    }

    private static MapEvent event(String source, String name, String agent) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("eventSource", source);
        fields.put("eventName", name);
        fields.put("userAgent", agent);
        return new MapEvent(fields);
    }

    private static MapEvent event(Random random, String source, String name) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("eventSource", source);
        fields.put("eventName", name);
        switch (random.nextInt(6)) {
            case 0 -> { } // absent
            case 1 -> fields.put("userAgent", List.of(pick(random, AGENTS), pick(random, NAMES)));
            case 2 -> fields.put("userAgent", name);
            default -> fields.put("userAgent", pick(random, AGENTS));
        }
        if (random.nextBoolean()) {
            fields.put("errorCode", random.nextBoolean() ? "AccessDenied" : null);
        }
        return new MapEvent(fields);
    }

    /** A rule of two to four selections over known and unknown fields, joined by a random condition. */
    private static String rule(Random random) {
        int count = 2 + random.nextInt(3);
        StringBuilder b = new StringBuilder("title: r\nname: r\nlogsource: {product: aws}\ndetection:\n");
        for (int i = 0; i < count; i++) {
            b.append("  sel_").append(i).append(":\n");
            int tests = 1 + random.nextInt(3);
            java.util.Set<String> used = new java.util.HashSet<>();
            for (int t = 0; t < tests; t++) {
                String test = test(random);
                if (used.add(test.substring(0, test.indexOf(':')))) {
                    b.append("    ").append(test).append('\n');
                }
            }
        }
        b.append("  condition: ").append(condition(random, count, 2)).append('\n');
        return b.toString();
    }

    private static String condition(Random random, int count, int depth) {
        int shape = depth == 0 ? 0 : random.nextInt(6);
        return switch (shape) {
            case 1 -> "(" + condition(random, count, depth - 1) + " and " + condition(random, count, depth - 1) + ")";
            case 2 -> "(" + condition(random, count, depth - 1) + " or " + condition(random, count, depth - 1) + ")";
            case 3 -> "not " + condition(random, count, depth - 1);
            case 4 -> random.nextBoolean() ? "1 of sel_*" : "all of sel_*";
            default -> "sel_" + random.nextInt(count);
        };
    }

    private static String test(Random random) {
        return switch (random.nextInt(13)) {
            case 0 -> "eventSource: " + pick(random, SOURCES);
            case 1 -> "eventSource|startswith: '" + pick(random, SOURCES).substring(0, 3) + "'";
            case 2 -> "eventName: [" + pick(random, NAMES) + ", " + pick(random, NAMES) + "]";
            case 3 -> "eventName|endswith: '" + pick(random, NAMES).substring(3) + "'";
            case 4 -> "eventName|re: '^(Get|Put).*'";
            case 5 -> "eventName|contains|all: [Put, Policy]";
            case 6 -> "eventName|neq: " + pick(random, NAMES);
            case 7 -> "eventName|fieldref: userAgent";
            case 8 -> "eventSource|cased: " + pick(random, SOURCES).toUpperCase(java.util.Locale.ROOT);
            case 9 -> "userAgent|contains: '" + pick(random, AGENTS).substring(0, 3) + "'";
            case 10 -> "userAgent|exists: " + random.nextBoolean();
            case 11 -> "errorCode: null";
            default -> "eventName|exists: " + random.nextBoolean();
        };
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
