package dev.vigil.engine;

import dev.vigil.engine.testing.JsonEvent;
import dev.vigil.engine.testing.Rules;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The (source, name) fast path selects exactly the rules the general path would find matching. */
class RuleIndexSelectionTest {

    private static final String RULES = """
            title: suffix
            name: suffix
            logsource: {product: aws, service: cloudtrail}
            detection:
              s: {eventSource: iam.amazonaws.com, eventName|endswith: Policy}
              condition: s
            ---
            title: prefix anywhere
            name: prefix-anywhere
            logsource: {product: aws, service: cloudtrail}
            detection:
              s: {eventName|startswith: Delete}
              condition: s
            ---
            title: pinned
            name: pinned
            logsource: {product: aws, service: cloudtrail}
            detection:
              s: {eventName: PutUserPolicy, eventSource|startswith: iam.}
              condition: s
            ---
            title: any name of a source
            name: any-name
            logsource: {product: aws, service: cloudtrail}
            detection:
              a: {eventSource: iam.amazonaws.com, eventName|endswith: Policy}
              b: {eventSource: iam.amazonaws.com, userAgent|contains: kali}
              condition: a or b
            """;

    private static JsonEvent event(String source, Object name, String agent) {
        String nameJson = switch (name) {
            case String s -> "\"" + s + "\"";
            case List<?> l -> "[\"" + l.getFirst() + "\"]";
            default -> String.valueOf(name);
        };
        return JsonEvent.of("{\"eventSource\":\"" + source + "\",\"eventName\":" + nameJson
                + ",\"userAgent\":\"" + agent + "\",\"eventTime\":\"2026-01-01T00:00:00Z\"}");
    }

    private static List<String> firing(DetectionSet set, JsonEvent e) {
        List<String> ids = new ArrayList<>();
        set.evaluate(e, h -> ids.add(h.ruleId()));
        return ids;
    }

    @Test
    void rulesFireOnlyWhereTheirNameAndSourceTestsAllow() {
        DetectionSet set = Rules.compile(RULES);
        assertThat(firing(set, event("iam.amazonaws.com", "PutUserPolicy", "aws-cli")))
                .containsExactlyInAnyOrder("suffix", "pinned", "any-name");
        assertThat(firing(set, event("iam.amazonaws.com", "CreateUser", "aws-cli"))).isEmpty();
        assertThat(firing(set, event("iam.amazonaws.com", "CreateUser", "kali-linux"))).containsExactly("any-name");
        assertThat(firing(set, event("s3.amazonaws.com", "DeleteBucketPolicy", "aws-cli")))
                .containsExactly("prefix-anywhere");
        assertThat(firing(set, event("iam.amazonaws.com", "DeleteRolePolicy", "kali")))
                .containsExactlyInAnyOrder("suffix", "prefix-anywhere", "any-name");
    }

    @Test
    void theSameEventGivesTheSameHitsOnceItsPairIsRemembered() {
        DetectionSet set = Rules.compile(RULES);
        JsonEvent e = event("iam.amazonaws.com", "DeleteRolePolicy", "kali");
        assertThat(firing(set, e)).isEqualTo(firing(set, e));
    }

    @Test
    void namesBeyondWhatIsRememberedAreStillEvaluated() {
        DetectionSet set = Rules.compile(RULES);
        for (int i = 0; i < RuleIndex.MAX_REMEMBERED + 10; i++) {
            firing(set, event("iam.amazonaws.com", "Made" + i + "Up", "x"));
        }
        assertThat(firing(set, event("iam.amazonaws.com", "NewlySeenPolicy", "x")))
                .containsExactlyInAnyOrder("suffix", "any-name");
        assertThat(firing(set, event("iam.amazonaws.com", "NewlySeenUser", "x"))).isEmpty();
    }

    @Test
    void aNameThatIsNotAStringTakesTheGeneralPath() {
        DetectionSet set = Rules.compile(RULES);
        assertThat(firing(set, event("iam.amazonaws.com", 42, "kali"))).containsExactly("any-name");
        assertThat(firing(set, event("iam.amazonaws.com", List.of("PutUserPolicy"), "x")))
                .as("a list of names is matched element-wise by the general path")
                .containsExactlyInAnyOrder("suffix", "pinned", "any-name");
    }
}
