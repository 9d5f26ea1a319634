package dev.vigil.metrics.pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventMessageTest {

    static final String RECORD = "{\"eventName\":\"RunInstances\",\"userIdentity\":{\"type\":\"IAMUser\"},"
            + "\"resources\":[{\"ARN\":\"arn:1\"},{\"ARN\":\"arn:2\"}],\"tags\":[\"a\",\"b\"],\"z\":null}";

    static boolean matches(String pattern, TreeEvent e) {
        return FilterPattern.compile(pattern).matches(LogMessage.of(e));
    }

    @Test
    void jsonPatternsReadEventFieldsWithOneLookupPerSelector() {
        TreeEvent e = new TreeEvent(RECORD);
        assertThat(matches("{ $.userIdentity.type = IAMUser && $.eventName = Run* }", e)).isTrue();
        assertThat(e.lookups).isEqualTo(2);
    }

    @Test
    void indexesAndKeysBelowArrayElements() {
        TreeEvent e = new TreeEvent(RECORD);
        assertThat(matches("{ $.resources[1].ARN = \"arn:2\" }", e)).isTrue();
        assertThat(matches("{ $.tags[0] = a }", e)).isTrue();
        assertThat(matches("{ $.tags[5] NOT EXISTS }", e)).isTrue();
        assertThat(matches("{ $.z IS NULL }", e)).isTrue();
    }

    @Test
    void pathsThatCrossAnArrayWithoutAnIndexResolveToNothing() {
        TreeEvent e = new TreeEvent(RECORD);
        // the event's own convention would return ["arn:1","arn:2"]; CloudWatch selectors need an index
        assertThat(e.field("resources.ARN")).isNotNull();
        assertThat(matches("{ $.resources.ARN NOT EXISTS }", e)).isTrue();
        assertThat(matches("{ $.resources.ARN = * }", e)).isFalse();
        assertThat(matches("{ $.tags = * }", e)).isFalse();
    }

    @Test
    void termAndDelimitedPatternsSeeTheRawRecord() {
        TreeEvent e = new TreeEvent(RECORD);
        assertThat(matches("RunInstances -DescribeInstances", e)).isTrue();
        assertThat(matches("\"\\\"eventName\\\":\\\"RunInstances\\\"\"", e)).isTrue();
        assertThat(matches("[one]", e)).isTrue();
    }
}
